"""The forms of endorsements and feedback. Lengths are checked here for the message next to
the field; the services check them again for the API."""

from django import forms

from pahub.accounts.models import User
from pahub.community.models import Feedback
from pahub.community.models.trust import (
    ENDORSEMENT_MAX_LENGTH,
    FEEDBACK_MAX_LENGTH,
    REQUEST_MESSAGE_MAX_LENGTH,
    STAFF_NOTE_MAX_LENGTH,
)
from pahub.core.forms import Form, long_text


class EmployerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        district = f" ({obj.district_id})" if obj.district_id else ""
        return f"{obj.display_name}{district}"


class EndorsementRequestForm(Form):
    employer = EmployerChoiceField(
        label="Who would you like to ask?",
        queryset=User.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who to ask",
            "invalid_choice": "Choose someone from the list",
        },
    )
    message = long_text(
        label="Add a message (optional)",
        what="Your message",
        limit=REQUEST_MESSAGE_MAX_LENGTH,
        rows=4,
        help_text="For example, what you would like them to mention.",
    )

    def __init__(self, *args, employers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = employers


class EndorsementWriteForm(Form):
    text = long_text(
        label="Your endorsement",
        what="Your endorsement",
        limit=ENDORSEMENT_MAX_LENGTH,
        rows=6,
        required=True,
        help_text=f"Up to {ENDORSEMENT_MAX_LENGTH} characters. What helps: whether they were "
        "reliable, how they worked with you, and what they did well. Please do not include "
        "anything about your health or care needs.",
        error_messages={"required": "Enter your endorsement"},
    )


class FeedbackForm(Form):
    category = forms.ChoiceField(
        label="What kind of feedback is it?",
        choices=Feedback.Category.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of feedback this is",
            "invalid_choice": "Choose what kind of feedback this is",
        },
    )
    text = long_text(
        label="Your feedback",
        what="Your feedback",
        limit=FEEDBACK_MAX_LENGTH,
        rows=6,
        required=True,
        help_text="Say what happened and when. Only staff who support people in their area "
        "read it.",
        error_messages={"required": "Enter your feedback"},
    )


class FeedbackMarkForm(Form):
    status = forms.ChoiceField(
        label="What have you done?",
        choices=[(Feedback.Status.READ, "Read it"), (Feedback.Status.ACTED, "Acted on it")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose read or acted on",
            "invalid_choice": "Choose read or acted on",
        },
    )
    note = long_text(
        label="Note (optional)",
        what="Your note",
        limit=STAFF_NOTE_MAX_LENGTH,
        rows=4,
        help_text="For other staff: what you did or decided. The person who sent it and the "
        "person it is about never see this note.",
    )
