"""Forms for the hours PAs record: an employer approving or querying them, and choosing the
pay period for the payroll CSV. Rules about hours live in `pahub.cover.services`."""

from datetime import date, timedelta
from typing import Any

from django import forms

from pahub.core.forms import Form, GovukDateField, long_text


class DecideHoursForm(Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve these hours"), ("query", "Query these hours")],
        label="What would you like to do?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or query these hours"},
    )
    note = long_text(
        label="What do you want to query?",
        what="Your note",
        limit=500,
        rows=3,
        help_text="Needed if you query the hours. The PA will see it and can record them again.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("decision") == "query" and not (cleaned.get("note") or "").strip():
            self.add_error("note", "Say what you are querying, so the PA can put it right")
        return cleaned


# Pay periods for the CSV export


class Period:
    WEEK = "week"
    FORTNIGHT = "fortnight"
    FOUR_WEEKS = "four_weeks"
    MONTH = "month"
    CUSTOM = "custom"


PERIOD_CHOICES = [
    (Period.WEEK, "One week"),
    (Period.FORTNIGHT, "Two weeks (fortnightly)"),
    (Period.FOUR_WEEKS, "Four weeks"),
    (Period.MONTH, "One calendar month"),
    (Period.CUSTOM, "Other dates"),
]
LONGEST_PERIOD = timedelta(days=366)


def period_end(kind: str, start: date) -> date:
    """The last day of a pay period of this kind starting on `start`."""
    if kind == Period.WEEK:
        return start + timedelta(days=6)
    if kind == Period.FORTNIGHT:
        return start + timedelta(days=13)
    if kind == Period.FOUR_WEEKS:
        return start + timedelta(days=27)
    # A calendar month: 15 March to 14 April; 31 January to 27 (or 28) February.
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day) - timedelta(days=1)
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


class ExportPeriodForm(Form):
    period = forms.ChoiceField(
        choices=PERIOD_CHOICES,
        label="How long is the pay period?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how long the pay period is"},
    )
    start = GovukDateField(
        label="First day of the pay period",
        help_text="For example, 2 11 2026.",
        error_messages={"required": "Enter the first day of the pay period"},
    )
    end = GovukDateField(
        required=False,
        label="Last day of the pay period",
        help_text="Only for other dates. For example, 30 11 2026.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, kind = cleaned.get("start"), cleaned.get("period")
        if start is None or kind is None:
            return cleaned
        if kind == Period.CUSTOM:
            end = cleaned.get("end")
            if end is None:
                if "end" not in self.errors:
                    self.add_error("end", "Enter the last day of the pay period")
                return cleaned
        else:
            end = period_end(kind, start)
        try:
            check_period(start, end)
        except forms.ValidationError as error:
            self.add_error("end" if kind == Period.CUSTOM else "start", error)
            return cleaned
        cleaned["end"] = end
        return cleaned


def check_period(start: date, end: date) -> None:
    if end < start:
        raise forms.ValidationError("The last day must be the same as or after the first day")
    if end - start >= LONGEST_PERIOD:
        raise forms.ValidationError("A pay period can be a year at most")
