"""The forms of reporting and moderating. Rules (lengths, what is required) are the
services' own, so the pages and the API say the same thing."""

from django import forms

from pahub.community.models import PostReport
from pahub.community.moderation.services import (
    REASON_MAX_LENGTH,
    REPORT_DETAILS_MAX_LENGTH,
    SUSPENSION_MAX_DAYS,
    ModerationError,
)
from pahub.core.forms import Form


def add_service_error(form: forms.Form, error: ModerationError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


class ReportForm(Form):
    reason = forms.ChoiceField(
        label="Why are you reporting this post?",
        choices=PostReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why you are reporting this post"},
    )
    details = forms.CharField(
        label="Anything the moderators should know (optional)",
        help_text=(
            f"Up to {REPORT_DETAILS_MAX_LENGTH:,} characters. The person who wrote the post "
            "is not told who reported it."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_details(self) -> str:
        details = self.cleaned_data["details"].strip()
        if len(details) > REPORT_DETAILS_MAX_LENGTH:
            raise forms.ValidationError(
                f"Details must be {REPORT_DETAILS_MAX_LENGTH:,} characters or fewer"
            )
        return details


def reason_field(*, label: str, help_text: str, required: bool) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=f"{help_text} Up to {REASON_MAX_LENGTH:,} characters.",
        required=required,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason"},
    )


class ReasonForm(Form):
    """A moderator's action that needs a reason the person will read."""

    def __init__(self, *args, label: str, help_text: str, required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = reason_field(label=label, help_text=help_text, required=required)

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if len(reason) > REASON_MAX_LENGTH:
            raise forms.ValidationError(
                f"The reason must be {REASON_MAX_LENGTH:,} characters or fewer"
            )
        return reason


class SuspendForm(ReasonForm):
    days = forms.IntegerField(
        label="For how many days?",
        help_text=f"From 1 to {SUSPENSION_MAX_DAYS}. They can still read the zone.",
        min_value=1,
        max_value=SUSPENSION_MAX_DAYS,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter a number of days",
            "invalid": "Enter the number of days as a whole number, like 7",
            "min_value": f"Enter a number of days from 1 to {SUSPENSION_MAX_DAYS}",
            "max_value": f"Enter a number of days from 1 to {SUSPENSION_MAX_DAYS}",
        },
    )
