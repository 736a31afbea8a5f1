"""Forms for the CPD log and prior learning. Files go through the register's upload checks."""

from decimal import Decimal

from django import forms

from pahub.core.forms import Form, GovukDateField, long_text, text
from pahub.learning.cpd.services import MAX_HOURS, TEXT_LIMIT, TITLE_LIMIT
from pahub.learning.models import LearningRecord
from pahub.learning.topics import Topic
from pahub.register.uploads import DocumentField

HOURS_MESSAGE = "Enter the hours as a number, like 1.5"


class CPDEntryForm(Form):
    title = text(
        label="What was the learning?",
        what="The title",
        limit=TITLE_LIMIT,
        required=True,
        help_text="For example, Dementia awareness course, or reading about epilepsy.",
        error_messages={"required": "Enter what the learning was"},
    )
    provider = text(
        label="Who provided it? (optional)",
        what="The provider",
        limit=TITLE_LIMIT,
        help_text="For example, a college, the council, PA Hub, or your employer.",
    )
    learned_on = GovukDateField(
        label="When did you do it?",
        help_text="For example, 14 3 2026. If it took several days, the last day.",
        past_message="The date must be today or in the past",
        error_messages={"required": "Enter the date you did the learning"},
    )
    hours = forms.DecimalField(
        label="How many hours did it take?",
        help_text="For example, 1.5 for an hour and a half. At most 100 for one entry.",
        min_value=Decimal("0.01"),
        max_value=MAX_HOURS,
        decimal_places=2,
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-5", "inputmode": "decimal"}
        ),
        error_messages={
            "required": "Enter how many hours it took",
            "invalid": HOURS_MESSAGE,
            "min_value": "Hours must be more than 0",
            "max_value": "Hours must be 100 or fewer for one entry",
            "max_decimal_places": "Hours can have 2 decimal places at most, like 1.25",
            "max_digits": "Hours must be 100 or fewer for one entry",
        },
    )
    what_i_learned = long_text(
        label="What did you learn?",
        limit=TEXT_LIMIT,
        what="What you learned",
        required=True,
        help_text="A few sentences in your own words: what you learned and how you use it.",
        error_messages={"required": "Enter what you learned"},
    )
    evidence = DocumentField(
        label="Upload a certificate or other evidence (optional)",
        help_text="A PDF, JPG or PNG, smaller than 10MB.",
    )


class CPDEntryChangeForm(CPDEntryForm):
    remove_evidence = forms.BooleanField(label="Remove the file I uploaded before", required=False)


class CPDReviewForm(Form):
    note = long_text(
        label="Anything you want to note about this year's learning? (optional)",
        limit=TEXT_LIMIT,
        what="Your note",
        rows=3,
        required=False,
    )


class LearningRecordForm(Form):
    kind = forms.ChoiceField(
        label="What kind of learning was it?",
        choices=LearningRecord.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of learning it was"},
    )
    title = text(
        label="What is it called?",
        what="The name",
        limit=TITLE_LIMIT,
        required=True,
        help_text="For example, Level 2 Certificate in Understanding Autism, or caring for my dad.",
        error_messages={"required": "Enter the name of it"},
    )
    provider = text(
        label="Who provided or awarded it? (optional)",
        what="The provider",
        limit=TITLE_LIMIT,
        help_text="For example, OCN, WEA, the Open University, a college, or on the job.",
    )
    completed_on = GovukDateField(
        label="When did you finish it? (optional)",
        help_text="For example, 14 6 2023.",
        past_message="The date must be today or in the past",
        required=False,
    )
    description = long_text(
        label="Tell us about it (optional)",
        limit=TEXT_LIMIT,
        what="Your description",
        required=False,
        help_text="What you learned or did, and for how long.",
    )
    topics = forms.MultipleChoiceField(
        label="Which topics did it cover? (optional)",
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    send_for_checking = forms.BooleanField(
        label="Send this qualification to be checked, so it can count towards your level",
        help_text=(
            "Only for a qualification. Staff check it like any qualification on your "
            "evidence page. You need the awarding body and the date you achieved it."
        ),
        required=False,
    )
    document = DocumentField(
        label="Upload a copy of the certificate (optional)",
        help_text="Only if you are sending it to be checked. A PDF, JPG or PNG, smaller than 10MB.",
    )

    def __init__(self, *args, can_send: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not can_send:
            del self.fields["send_for_checking"]
            del self.fields["document"]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("send_for_checking"):
            if cleaned.get("kind") and cleaned["kind"] != LearningRecord.Kind.QUALIFICATION:
                self.add_error(
                    "send_for_checking", "Only a qualification can be sent to be checked"
                )
            if "provider" in cleaned and not cleaned["provider"].strip():
                self.add_error("provider", "Enter the awarding body, so staff know who awarded it")
            if "completed_on" in cleaned and cleaned["completed_on"] is None:
                self.add_error("completed_on", "Enter the date you achieved it")
        return cleaned

    def record_fields(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("kind", "title", "provider", "completed_on", "description", "topics")
        }
