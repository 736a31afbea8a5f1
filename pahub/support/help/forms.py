"""The questions on the support pages. The rules of a request live in
`services.help_problems`, which the API uses too, so both say the same thing."""

from typing import Any

from django import forms

from pahub.accounts.models import Organisation, User
from pahub.core.forms import Form, GovukDateField, long_text, text
from pahub.cover.times import LocalTimeError, local_instant
from pahub.learning.events.forms import ClockField
from pahub.support.help.services import MESSAGE_LIMIT, NEED_LIMIT, HelpInput, help_problems
from pahub.support.models import HelpRequest

MYSELF = "myself"


class AskForm(Form):
    for_whom = forms.ChoiceField(
        label="Who is the help for?",
        choices=[],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who the help is for",
            "invalid_choice": "Choose who the help is for",
        },
    )
    topic = forms.ChoiceField(
        label="What do you need help with?",
        choices=HelpRequest.Topic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what you need help with",
            "invalid_choice": "Choose what you need help with",
        },
    )
    need = long_text(
        label="Tell us what you need",
        what="What you need",
        limit=NEED_LIMIT,
        rows=8,
        required=True,
        help_text=(
            "Say what has happened and what you would like help with. Only the organisation "
            "that picks up your request reads it."
        ),
        error_messages={"required": "Tell us what you need help with"},
    )
    contact_by = forms.ChoiceField(
        label="How would you like them to contact you?",
        choices=HelpRequest.ContactBy.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you would like to be contacted",
            "invalid_choice": "Choose how you would like to be contacted",
        },
    )
    phone = text(
        label="Phone number to call you on",
        what="The phone number",
        limit=30,
        help_text="Only if you would like a phone call. Only your adviser sees it.",
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-20", "autocomplete": "tel"}
        ),
    )
    call_times = text(
        label="Times that suit you for a call (optional)",
        what="The times that suit you",
        limit=300,
        help_text="For example, weekday mornings, or after 6pm",
    )

    def __init__(self, *args: Any, employers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.employers = {str(employer.pk): employer for employer in employers}
        if not employers:
            del self.fields["for_whom"]
        else:
            self.fields["for_whom"].choices = [
                (MYSELF, "Me"),
                *((key, employer.display_name) for key, employer in self.employers.items()),
            ]

    @property
    def on_behalf_of(self) -> User | None:
        return self.employers.get(self.cleaned_data.get("for_whom", MYSELF))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        self.values = HelpInput(
            topic=data["topic"],
            need=data["need"],
            contact_by=data["contact_by"],
            phone=data["phone"],
            call_times=data["call_times"],
        )
        for name, message in help_problems(self.values).items():
            self.add_error(name, message)
        return data


class MessageForm(Form):
    body = long_text(
        label="Your message",
        what="Your message",
        limit=MESSAGE_LIMIT,
        required=True,
        error_messages={"required": "Write your message"},
    )


class PickUpForm(Form):
    organisation = forms.ModelChoiceField(
        label="Pick it up for",
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of your organisations"},
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CallForm(Form):
    day = GovukDateField(
        label="Date of the call",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the call"},
    )
    clock = ClockField(
        label="Time of the call",
        help_text="For example, 10:30 or 2pm",
        error_messages={"required": "Enter the time of the call"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.starts_at = None
        if data.get("day") and data.get("clock"):
            try:
                self.starts_at = local_instant(data["day"], data["clock"])
            except LocalTimeError as error:
                self.add_error("clock", str(error))
        return data


class CloseForm(Form):
    outcome = forms.ChoiceField(
        label="What came of it?",
        choices=HelpRequest.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what came of the request",
            "invalid_choice": "Choose what came of the request",
        },
    )
    note = long_text(
        label="A note about the outcome (optional)",
        what="The note",
        limit=MESSAGE_LIMIT,
        help_text="The person sees this note.",
    )


class FeedbackForm(Form):
    helped = forms.ChoiceField(
        label="Did this help?",
        choices=HelpRequest.Helped.choices,
        widget=forms.RadioSelect(attrs={"inline": True}),
        help_text="Only the organisation that helped you and PA Hub see your answer.",
        error_messages={
            "required": "Choose yes, partly or no",
            "invalid_choice": "Choose yes, partly or no",
        },
    )
