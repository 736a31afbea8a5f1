"""The calculator's questions: one form for the whole plan, with a set of questions for each
PA (`pa-0-hourly_rate`, `pa-1-hourly_rate`, ...), so one error summary lists every problem
and each message sits next to its answer.

PAs are added and removed without JavaScript: "Add another PA" and "Remove" are submit
buttons, and the page is drawn again with one row more or less and every answer kept
(`rows_changed`). Saved plans keep these answers as typed; the API turns its JSON into the
same answers, so the page and the API give the same messages.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.forms.utils import ErrorDict
from django.utils import timezone

from pahub.core.forms import Form, GovukDateField, text
from pahub.core.hours_and_pay import AmountError, read_amount
from pahub.costs.calculator import PA, AgeBand, NightKind, Plan
from pahub.costs.rates import NoRatesError, earliest_tax_year, rates_on

MAX_PAS = 10
HOURS_IN_A_WEEK = Decimal(168)
NUMBER_ATTRS = {"inputmode": "decimal", "spellcheck": "false", "autocomplete": "off"}
PA_FIELDS = (
    "name",
    "hourly_rate",
    "weekly_hours",
    "night_hours",
    "night_rate",
    "night_kind",
    "irregular_hours",
    "age_band",
    "pension_age",
)
AGE_BANDS = [
    (AgeBand.AGED_21_AND_OVER, "21 or over"),
    (AgeBand.AGED_18_TO_20, "18 to 20"),
    (AgeBand.UNDER_18, "16 or 17"),
    (AgeBand.APPRENTICE, "An apprentice"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]


class AmountField(forms.CharField):
    """Pounds or hours as people type them ("£13.50", "20"), with plain messages."""

    def __init__(self, *, what: str, maximum: Decimal, places: int = 2, **kwargs) -> None:
        self.what, self.maximum, self.places = what, maximum, places
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={**NUMBER_ATTRS, "class": "govuk-input govuk-input--width-5"}),
        )
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.error_messages["required"] = f"Enter {self.what}"

    def clean(self, value: Any) -> Decimal | None:
        value = super().clean(value)
        if not value:
            return None
        try:
            return read_amount(value, places=self.places, minimum=Decimal(0), maximum=self.maximum)
        except AmountError as error:
            if error.reason in ("too_small", "too_big"):
                raise forms.ValidationError(
                    f"{self.what[:1].upper()}{self.what[1:]} must be between 0 and {self.maximum.normalize():f}"
                ) from None
            if error.reason == "too_precise":
                raise forms.ValidationError(
                    f"{self.what[:1].upper()}{self.what[1:]} can have at most {self.places} decimal places"
                ) from None
            raise forms.ValidationError(
                f"{self.what[:1].upper()}{self.what[1:]} must be a number, like 12.50"
            ) from None


def radios(label: str, choices: list[tuple[str, str]], *, initial: str, inline=False, **kw):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=initial,
        widget=forms.RadioSelect(attrs={"inline": True} if inline else {}),
        error_messages={"required": f"Answer: {label.lower()}", "invalid_choice": "Choose one"},
        **kw,
    )


class PlanForm(Form):
    """The whole plan: PAs first, then the rest of the support and the direct payment."""

    pa_count = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_PAS)
    costed_on = GovukDateField(
        label="Cost the plan for the week of",
        help_text="The tax year of this date gives the rates. For example, 27 4 2026",
        required=True,
        error_messages={"required": "Enter the date to cost the plan for"},
    )
    direct_payment_weekly = AmountField(
        what="your direct payment a week",
        maximum=Decimal(20000),
        required=True,
        label="Your direct payment a week, in pounds",
        help_text="If you get it every 4 weeks, divide it by 4.",
    )
    agency_weekly_hours = AmountField(
        what="the agency hours a week",
        maximum=HOURS_IN_A_WEEK,
        label="Hours a week from an agency (optional)",
    )
    agency_hourly_rate = AmountField(
        what="the agency's hourly rate", maximum=Decimal(200), label="The agency's hourly rate"
    )
    insurance_yearly = AmountField(
        what="the insurance a year",
        maximum=Decimal(10000),
        label="Employer's liability insurance a year, in pounds",
        help_text="Most PA employer policies cost between £60 and £200 a year; use your quote.",
    )
    sick_weeks_per_pa = AmountField(
        what="the weeks off sick",
        maximum=Decimal(28),
        places=1,
        label="Weeks each PA may be off sick in a year",
        help_text="Money to set aside for sick pay. Statutory Sick Pay lasts up to 28 weeks.",
        initial="1",
    )
    cover_hourly_rate = AmountField(
        what="the cover rate",
        maximum=Decimal(200),
        label="Hourly rate you pay for cover, if more than your PAs' (optional)",
        help_text="For example, an agency's rate when your PA is on holiday or off sick.",
    )
    claims_employment_allowance = radios(
        "Will you claim the Employment Allowance?",
        YES_NO,
        initial="yes",
        inline=True,
        help_text=(
            "You can if your PAs' work is care and support for you, or for the person you "
            "employ them for. It takes up to £10,500 a year off employer National Insurance."
        ),
    )

    def __init__(self, data: Mapping | None = None, *, pa_count: int | None = None, **kwargs):
        super().__init__(data, **kwargs)
        if pa_count is None:
            pa_count = pa_count_of(data)
        self.pa_count = pa_count
        self.fields["pa_count"].initial = pa_count
        if data is None:
            self.fields["costed_on"].initial = timezone.localdate()
        for index in range(pa_count):
            for name, field in pa_fields(index).items():
                self.fields[f"pa-{index}-{name}"] = field

    def pa_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"pa-{index}-{name}"] for name in PA_FIELDS] for index in range(self.pa_count)
        ]

    def keep_typed_without_checking(self) -> "PlanForm":
        """Draw the answers again without messages: after adding or removing a PA, nothing
        has been asked to be checked yet."""
        self._errors = ErrorDict()
        self.cleaned_data = {}
        return self

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        costed_on = cleaned.get("costed_on")
        if costed_on is not None:
            try:
                rates_on(costed_on)
            except NoRatesError:
                self.add_error(
                    "costed_on",
                    f"Enter a date from 6 April {(earliest_tax_year() or '2025')[:4]}: PA Hub "
                    "has no rates before that",
                )
        if cleaned.get("agency_weekly_hours") and cleaned.get("agency_hourly_rate") is None:
            self.add_error("agency_hourly_rate", "Enter the agency's hourly rate")
        for index in range(self.pa_count):
            prefix = f"pa-{index}-"
            night_hours = cleaned.get(f"{prefix}night_hours")
            if night_hours and cleaned.get(f"{prefix}night_rate") is None:
                self.add_error(
                    f"{prefix}night_rate", f"Enter the night hourly rate for PA {index + 1}"
                )
            day_hours = cleaned.get(f"{prefix}weekly_hours")
            if day_hours is not None and (day_hours + (night_hours or 0)) > HOURS_IN_A_WEEK:
                self.add_error(
                    f"{prefix}weekly_hours",
                    f"PA {index + 1}'s day and night hours together must be 168 or fewer",
                )
        return cleaned

    def plan(self) -> Plan:
        cleaned = self.cleaned_data
        zero = Decimal(0)
        return Plan(
            pas=tuple(
                pa_from_answers({name: cleaned.get(f"pa-{index}-{name}") for name in PA_FIELDS})
                for index in range(self.pa_count)
            ),
            direct_payment_weekly=cleaned["direct_payment_weekly"],
            agency_weekly_hours=cleaned.get("agency_weekly_hours") or zero,
            agency_hourly_rate=cleaned.get("agency_hourly_rate") or zero,
            insurance_yearly=cleaned.get("insurance_yearly") or zero,
            sick_weeks_per_pa=cleaned.get("sick_weeks_per_pa") or zero,
            cover_hourly_rate=cleaned.get("cover_hourly_rate") or zero,
            claims_employment_allowance=cleaned.get("claims_employment_allowance") == "yes",
        )

    def answers(self) -> dict[str, str]:
        """What was typed, as saved with a plan and sent back by the results page."""
        answers = {}
        for name, field in self.fields.items():
            typed = self[name].value() if self.is_bound else self[name].initial
            if isinstance(field, GovukDateField):
                day = self.cleaned_data.get(name)
                answers.update(date_answers(name, day))
            else:
                answers[name] = "" if typed is None else str(typed)
        return answers


def pa_fields(index: int) -> dict[str, forms.Field]:
    number = index + 1
    return {
        "name": text(
            label="Name or role",
            what="The name",
            limit=40,
            required=True,
            initial=f"PA {number}",
            help_text="For example, Sam, or weekend PA.",
            error_messages={"required": f"Enter a name for PA {number}"},
        ),
        "hourly_rate": AmountField(
            what=f"the hourly rate for PA {number}",
            maximum=Decimal(200),
            required=True,
            label="Hourly rate, in pounds",
        ),
        "weekly_hours": AmountField(
            what=f"the day hours a week for PA {number}",
            maximum=HOURS_IN_A_WEEK,
            required=True,
            label="Day hours in a normal week",
        ),
        "night_hours": AmountField(
            what=f"the night hours for PA {number}",
            maximum=HOURS_IN_A_WEEK,
            label="Night hours a week (optional)",
        ),
        "night_rate": AmountField(
            what=f"the night hourly rate for PA {number}",
            maximum=Decimal(200),
            label="Night hourly rate, in pounds",
        ),
        "night_kind": radios(
            "Are the nights waking nights or sleep-ins?",
            [(NightKind.WAKING, "Waking nights"), (NightKind.SLEEP_IN, "Sleep-ins")],
            initial=NightKind.WAKING,
            inline=True,
        ),
        "irregular_hours": radios(
            "Do their hours change from week to week?",
            YES_NO,
            initial="no",
            inline=True,
            help_text="Irregular hours: for example bank or zero-hours work.",
        ),
        "age_band": radios("How old are they?", AGE_BANDS, initial=AgeBand.AGED_21_AND_OVER),
        "pension_age": radios(
            "Are they aged 22 or over and under State Pension age?",
            YES_NO,
            initial="yes",
            inline=True,
        ),
    }


def pa_from_answers(answers: Mapping[str, Any]) -> PA:
    zero = Decimal(0)
    return PA(
        name=answers["name"],
        hourly_rate=answers["hourly_rate"],
        weekly_hours=answers["weekly_hours"],
        night_hours=answers.get("night_hours") or zero,
        night_rate=answers.get("night_rate") or zero,
        night_kind=answers.get("night_kind") or NightKind.WAKING,
        irregular_hours=answers.get("irregular_hours") == "yes",
        age_band=answers.get("age_band") or AgeBand.AGED_21_AND_OVER,
        pension_age=answers.get("pension_age") != "no",
    )


def date_answers(name: str, day: date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def pa_count_of(data: Mapping | None) -> int:
    if data is None:
        return 1
    try:
        count = int(data.get("pa_count", 1))
    except (TypeError, ValueError):
        return 1
    return min(max(count, 1), MAX_PAS)


def rows_changed(data: Mapping, *, add: bool, remove: str | None) -> dict[str, str]:
    """The answers with a PA added at the end, or the one numbered `remove` taken out and
    those after it moved up."""
    count = pa_count_of(data)
    answers = {key: data.get(key) for key in data if key != "csrfmiddlewaretoken"}
    if add and count < MAX_PAS:
        answers["pa_count"] = str(count + 1)
        for name, field in pa_fields(count).items():
            answers[f"pa-{count}-{name}"] = field.initial or ""
        return answers
    if remove is not None and remove.isdigit() and count > 1 and int(remove) < count:
        gone = int(remove)
        for index in range(gone, count - 1):
            for name in PA_FIELDS:
                answers[f"pa-{index}-{name}"] = data.get(f"pa-{index + 1}-{name}", "")
        for name in PA_FIELDS:
            answers.pop(f"pa-{count - 1}-{name}", None)
        answers["pa_count"] = str(count - 1)
    return answers
