"""Forms for applying, inviting, declining and saving a search. Rules about what may happen
live in application_services; these only check what was typed."""

from django import forms
from django.core.validators import MaxLengthValidator

from pahub.core.forms import Form
from pahub.jobs.applications.services import MAX_MESSAGE_LENGTH
from pahub.jobs.models import Application


def message_field(*, label: str, help_text: str, required: bool, required_message: str = ""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[
            MaxLengthValidator(
                MAX_MESSAGE_LENGTH,
                f"Your message must be {MAX_MESSAGE_LENGTH:,} characters or fewer",
            )
        ],
        error_messages={"required": required_message} if required_message else {},
    )


class ApplyForm(Form):
    origin = forms.ChoiceField(
        label="What would you like to do?",
        choices=[
            (Application.Origin.APPLIED, "Apply for this job"),
            (Application.Origin.INTERESTED, "Say I am interested, and ask about it first"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether to apply or to say you are interested",
            "invalid_choice": "Choose whether to apply or to say you are interested",
        },
    )
    message = message_field(
        label="Your message to the employer",
        help_text=(
            "A few lines: why this job suits you, and anything you would like to ask. "
            "Do not include your phone number or address: you can share contact details "
            "later, when you both agree."
        ),
        required=False,
    )

    option_hints = {
        Application.Origin.APPLIED: "The employer sees your profile and your message.",
        Application.Origin.INTERESTED: (
            "Start a conversation without applying yet. You can apply later."
        ),
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["origin"].option_hints = self.option_hints

    def clean(self) -> dict:
        data = super().clean()
        wants_to_apply = data.get("origin") == Application.Origin.APPLIED
        if wants_to_apply and not data.get("message") and "message" not in self.errors:
            self.add_error("message", "Write a short message to the employer to apply")
        return data


class InviteForm(Form):
    pa_profile = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    message = message_field(
        label="Message to the PA (optional)",
        help_text=(
            "It goes into your conversation with them. They are told by email that you invited "
            "them, but the email does not include your message."
        ),
        required=False,
    )


class DeclineForm(Form):
    note = message_field(
        label="A note to the PA (optional)",
        help_text=(
            "PA Hub already thanks them kindly and says you are not taking their application "
            "further. If you add a note, it goes into your conversation with them."
        ),
        required=False,
    )
