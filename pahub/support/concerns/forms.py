"""The "Raise a concern" form, the staff form to move a concern on, and the council's
safeguarding contact."""

from django import forms
from django.core.validators import MaxLengthValidator

from pahub.accounts.models import User
from pahub.core.forms import Form, YesNoField, long_text, text
from pahub.places.models import LocalAuthority
from pahub.support.concerns.services import ConcernInput
from pahub.support.models import Concern


class ConcernForm(Form):
    area = forms.ModelChoiceField(
        label="Which council's area is this in?",
        help_text="Where the person at risk lives, or where it happened.",
        queryset=LocalAuthority.objects.order_by("name"),
        empty_label="Choose a council",
        error_messages={
            "required": "Choose the council's area this is in",
            "invalid_choice": "Choose a council from the list",
        },
    )
    who = text(
        label="Who is at risk, and who is the concern about?",
        what="Who is at risk",
        limit=500,
        required=True,
        help_text="Names or a description, like “my PA's other employer, an older man in Walker”.",
        error_messages={"required": "Say who is at risk, and who the concern is about"},
    )
    what_happened = long_text(
        label="What happened?",
        what="What happened",
        limit=5000,
        rows=8,
        required=True,
        help_text="What you saw, heard or were told, and when. You do not need proof.",
        error_messages={"required": "Say what happened"},
    )
    in_danger = YesNoField(
        label="Is someone in danger now?",
        required_message="Say whether someone is in danger now",
    )
    may_contact = YesNoField(
        label="Can the council's safeguarding team contact you about this?",
        required_message="Say whether the council can contact you",
    )
    contact_details = text(
        label="How should they contact you?",
        what="How to contact you",
        limit=200,
        help_text="A phone number or email address, and the best times. Only if you said yes.",
    )
    anonymous = YesNoField(
        label="Keep your name from the person concerned?",
        required_message="Say whether to keep your name from the person concerned",
        help_text="The council will not tell them who raised it.",
        initial="yes",
    )

    def __init__(self, *args, user: User, area_known: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if area_known:
            del self.fields["area"]
        elif user.is_authenticated and user.local_authority_id:
            self.fields["area"].initial = user.local_authority_id
        if not user.is_authenticated:
            self.fields["contact_details"].help_text = (
                "A phone number or email address, and the best times. Only if you said yes: "
                "you are not signed in, so this is the only way they can reach you."
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("may_contact") and not (cleaned.get("contact_details") or "").strip():
            self.add_error("contact_details", "Say how the council can contact you")
        return cleaned

    def values(self, area: LocalAuthority) -> ConcernInput:
        data = self.cleaned_data
        return ConcernInput(
            area=data.get("area") or area,
            who=data["who"].strip(),
            what_happened=data["what_happened"].strip(),
            in_danger=data["in_danger"],
            may_contact=data["may_contact"],
            contact_details=(data.get("contact_details") or "").strip(),
            anonymous=data["anonymous"],
        )


class ConcernStatusForm(Form):
    status = forms.ChoiceField(
        label="Status",
        choices=Concern.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a status"},
    )
    outcome = long_text(
        label="What to tell the person who raised it",
        what="What to tell them",
        limit=2000,
        rows=4,
        help_text=(
            "They see this with the status. Needed to close the concern. Do not include "
            "anything the person concerned should not know."
        ),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            cleaned.get("status") == Concern.Status.CLOSED
            and not (cleaned.get("outcome") or "").strip()
        ):
            self.add_error("outcome", "Say what to tell the person who raised it before closing it")
        return cleaned


class ConcernNoteForm(Form):
    prefix = "note"
    text = long_text(
        label="Add a note for your team",
        what="The note",
        limit=5000,
        rows=4,
        required=True,
        help_text="Only safeguarding staff see notes. The person who raised it does not.",
        error_messages={"required": "Write the note"},
    )


class SafeguardingContactForm(Form):
    phone = text(
        label="Adult safeguarding phone number",
        what="The phone number",
        limit=30,
        help_text="The number people ring to report that an adult may be at risk.",
    )
    hours = text(
        label="When the line is open",
        what="When the line is open",
        limit=200,
        help_text="Like “Monday to Friday, 8:30am to 5pm; out of hours 0191 …”.",
    )
    email = forms.EmailField(
        label="Adult safeguarding email address",
        required=False,
        validators=[MaxLengthValidator(254)],
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )
    url = forms.URLField(
        label="Adult safeguarding web page",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address like https://www.example.gov.uk"},
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and sum(character.isdigit() for character in phone) < 3:
            raise forms.ValidationError("Enter a phone number, like 0191 498 0000")
        return phone
