"""Forms on the PA side of cover: offering, answering a pool invitation, cancelling a
booking and recording hours. Messages say exactly what to fix; typed values survive errors."""

import re
from datetime import time

from django import forms

from pahub.core.forms import Form, GovukDateField
from pahub.cover.services import HoursInput

CLOCK = re.compile(r"^(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2}))?\s*(?P<half>am|pm)?$")
WORDS = {"midnight": time(0), "midday": time(12), "noon": time(12)}


def parse_clock(raw: str) -> time | None:
    """ "08:00", "8:00", "8.00", "0800", "8", "8am", "10:30pm", "midday" -> a time, or None."""
    text = raw.strip().lower().replace(" ", "")
    if text in WORDS:
        return WORDS[text]
    match = CLOCK.match(text)
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class ClockTimeField(forms.Field):
    """A clock time typed as people write it; GOV.UK has no time pattern, so a short text box
    with an example in the hint. What was typed is shown again if it cannot be read."""

    widget = forms.TextInput

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {
                "class": "govuk-input govuk-input--width-5",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        )

    def to_python(self, value: str | None) -> time | None:
        text = (value or "").strip()
        if not text:
            return None
        clock = parse_clock(text[:20])
        if clock is None:
            raise forms.ValidationError(
                f"{self.label} must be a real time, like 08:00 or 22:30", code="invalid"
            )
        return clock


class OfferForm(Form):
    message = forms.CharField(
        label="A message with your offer (optional)",
        help_text="For example, how you will get there. Do not include contact details: the "
        "address and phone number are shared once you are booked.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Your message must be 500 characters or fewer"},
    )


class PoolAnswerForm(Form):
    answer = forms.ChoiceField(
        choices=[("yes", "Join"), ("no", "Say no")],
        error_messages={
            "required": "Choose whether to join the relief pool",
            "invalid_choice": "Choose whether to join the relief pool",
        },
    )

    @property
    def accept(self) -> bool:
        return self.cleaned_data["answer"] == "yes"


class CancelBookingForm(Form):
    reason = forms.CharField(
        label="Why are you cancelling?",
        help_text="The other side sees this. For example, “I am ill” or “My plans changed”.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Say why you are cancelling",
            "max_length": "The reason must be 1,000 characters or fewer",
        },
    )


class HoursForm(Form):
    day = GovukDateField(
        label="Date the shift started",
        help_text="For example, 27 11 2026.",
        error_messages={"required": "Enter the date the shift started"},
    )
    start = ClockTimeField(
        label="Start time",
        help_text="When you started, for example 08:00.",
        error_messages={"required": "Enter the time you started, for example 08:00"},
    )
    end = ClockTimeField(
        label="Finish time",
        help_text="When you finished, for example 11:15. A time earlier than the start means "
        "the next day.",
        error_messages={"required": "Enter the time you finished, for example 11:15"},
    )
    break_minutes = forms.IntegerField(
        label="Unpaid breaks, in minutes",
        help_text="Enter 0 if you had no unpaid break.",
        min_value=0,
        max_value=24 * 60,
        initial=0,
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"}
        ),
        error_messages={
            "required": "Enter your unpaid breaks in minutes, or 0",
            "invalid": "Breaks must be a whole number of minutes, like 30",
            "min_value": "Breaks cannot be less than 0 minutes",
            "max_value": "Breaks must be shorter than the time worked",
        },
    )
    note = forms.CharField(
        label="A note for the employer (optional)",
        help_text="For example, why you stayed later than booked.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Your note must be 500 characters or fewer"},
    )

    def hours(self) -> HoursInput:
        data = self.cleaned_data
        return HoursInput(
            day=data["day"],
            start=data["start"],
            end=data["end"],
            break_minutes=data["break_minutes"],
            note=data["note"],
        )
