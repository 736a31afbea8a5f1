"""Forms for messaging pages. Length rules come from the services, so the page and the API
say the same thing; no `maxlength` attribute, so a long message is never cut off silently
in the browser but explained next to the field, with every word kept."""

from django import forms

from pahub.core.forms import Form
from pahub.messaging.services import (
    MESSAGE_MAX_LENGTH,
    MODERATOR_NOTE_MAX_LENGTH,
    REPORT_REASON_MAX_LENGTH,
    MessagingError,
    Outcome,
    clean_body,
)


def add_service_error(form: forms.Form, error: MessagingError) -> None:
    """Show a service's refusal next to the field it is about, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class _LongTextForm(Form):
    """A form whose text fields are checked with the services' own length rules."""

    limits: dict[str, tuple[int, str]] = {}

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, (max_length, empty_message) in self.limits.items():
            if name in self.errors:
                continue
            try:
                cleaned[name] = clean_body(cleaned.get(name, ""), field=name, max_length=max_length)
            except MessagingError as error:
                message = empty_message if not cleaned.get(name) else error.message
                self.add_error(name, message)
        return cleaned


class ReplyForm(_LongTextForm):
    body = forms.CharField(
        label="Your message",
        help_text=f"Up to {MESSAGE_MAX_LENGTH:,} characters.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter a message"},
    )
    limits = {"body": (MESSAGE_MAX_LENGTH, "Enter a message")}


class StartConversationForm(ReplyForm):
    """The first message to a PA. When the writer acts for several employers, they say for
    whom; otherwise the only employer is taken."""

    def __init__(self, *args, employers: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.employers = employers
        if len(employers) > 1:
            self.fields = {
                "employer": forms.TypedChoiceField(
                    label="Who are you writing for?",
                    choices=employers,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": "Select who you are writing for"},
                ),
                **self.fields,
            }

    def employer_id(self) -> int:
        if "employer" in self.fields:
            return self.cleaned_data["employer"]
        return self.employers[0][0]


class ReportForm(_LongTextForm):
    reason = forms.CharField(
        label="Why are you reporting this message?",
        help_text=(
            "For example: it is rude or threatening, it asks for money, or it makes you "
            "worried about someone's safety. Moderators read this; the other person does not."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter why you are reporting this message"},
    )
    limits = {"reason": (REPORT_REASON_MAX_LENGTH, "Enter why you are reporting this message")}


class ResolveReportForm(_LongTextForm):
    outcome = forms.ChoiceField(
        label="What should happen to the message?",
        choices=Outcome.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what should happen to the message"},
    )
    note = forms.CharField(
        label="Note for other moderators",
        help_text=(
            "What you decided and why. Only staff read this: the person who reported the "
            "message is told the outcome, not your note."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a note saying what you decided and why"},
    )
    limits = {"note": (MODERATOR_NOTE_MAX_LENGTH, "Enter a note saying what you decided and why")}


class NotificationPreferenceForm(Form):
    emails_enabled = forms.BooleanField(
        label="Email me about new messages",
        help_text=(
            "At most one email every few minutes, saying how many messages are waiting. "
            "Emails never include what was written or who wrote it."
        ),
        required=False,
    )
