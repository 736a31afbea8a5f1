"""Forms for the employer side of cover: the cover request (up to five shifts on one page),
relief pool invitations and cancellations. The hours forms are in `hours_forms`.

Forms check what a person typed and say exactly what to fix next to the field; the rules
about cover itself (pay, overlapping shifts, must-haves) live in `pahub.cover.services`,
whose `CoverError(field=...)` the views put back on the same field.
"""

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.utils import timezone

from pahub.core.forms import Form, GovukDateField, YesNoField, long_text, text, yes_no
from pahub.core.hours_and_pay import AmountError, read_amount
from pahub.cover.models import CoverRequest
from pahub.cover.services import WAIT_CHOICES, RequestInput, SlotInput
from pahub.cover.times import LocalTimeError, local_instant
from pahub.matching.must_have_fields import gender_requirement_fields
from pahub.matching.must_haves import DBS_CHECKS
from pahub.register.profile.forms import SkillGroup, SkillOption
from pahub.rules.queries import Requirements
from pahub.taxonomy.dbs import DbsLevel
from pahub.taxonomy.models import Language, Skill

MAX_SHIFT_ROWS = 5
MAX_HOURLY_PAY = Decimal("999.99")
CLOCK = re.compile(r"^(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2}))?(?P<half>am|pm)?$")
TIME_ATTRS = {
    "class": "govuk-input govuk-input--width-5",
    "autocomplete": "off",
    "spellcheck": "false",
    "inputmode": "text",
}
MONEY_ATTRS = {
    "class": "govuk-input govuk-input--width-5",
    "inputmode": "decimal",
    "spellcheck": "false",
}


class ClockError(ValueError):
    pass


def parse_clock(raw: str) -> time:
    """A time of day as people type it: 08:00, 8:00, 0800, 8, 8am, 8.30pm, noon, midnight."""
    typed = raw.strip().lower().replace(" ", "")
    if typed in {"noon", "midday", "12noon"}:
        return time(12)
    if typed in {"midnight", "12midnight"}:
        return time(0)
    match = CLOCK.match(typed)
    if match is None:
        raise ClockError("Enter a time of day, like 08:00 or 22:30")
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            raise ClockError("Enter a time of day, like 8am or 8:30pm")
        hour = hour % 12 + (12 if match["half"] == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ClockError("Enter a real time of day, between 00:00 and 23:59")
    return time(hour, minute)


PAY_MESSAGES = {
    "not_a_number": "Enter the hourly pay as an amount in pounds, like 13.50",
    "too_small": "The hourly pay must be more than £0",
    "too_big": f"The hourly pay must be £{MAX_HOURLY_PAY} or less",
    "too_precise": "Enter the hourly pay in pounds and pence, like 13.50",
}


def parse_pay(raw: str) -> Decimal:
    """Pounds and pence, like 13.50 or £13.50."""
    try:
        amount = read_amount(
            raw, places=2, minimum=Decimal(0), maximum=MAX_HOURLY_PAY, above_minimum=True
        )
    except AmountError as error:
        raise forms.ValidationError(PAY_MESSAGES[error.reason]) from None
    if amount is None:
        raise forms.ValidationError(PAY_MESSAGES["not_a_number"])
    return amount


def active_tasks():
    return Skill.objects.filter(is_active=True).select_related("category")


def skill_groups(bound: forms.BoundField) -> list[SkillGroup]:
    """One fieldset per taxonomy category, in order, from the field's single query."""
    groups: list[SkillGroup] = []
    for option in bound:
        skill = option.data["value"].instance
        if not groups or groups[-1].category.pk != skill.category_id:
            groups.append(SkillGroup(category=skill.category, options=[]))
        groups[-1].options.append(SkillOption(widget=option, skill=skill))
    return groups


@dataclass(frozen=True)
class ShiftRow:
    number: int
    date: forms.BoundField
    start: forms.BoundField
    end: forms.BoundField
    of: int

    @property
    def focus_after_removal(self) -> int:
        """The shift to land on once this one is removed: the one that moves up into its
        place, or the one before it when it was the last."""
        return self.number if self.number < self.of else self.number - 1

    @property
    def errors(self) -> bool:
        return bool(self.date.errors or self.start.errors or self.end.errors)


def shift_rows_in(data: QueryDict | None) -> int:
    """How many shift rows the page had, from its hidden "shifts" count (1 to 5)."""
    try:
        count = int((data or {}).get("shifts", 1))
    except (TypeError, ValueError):
        count = 1
    return min(max(count, 1), MAX_SHIFT_ROWS)


def without_shift(data: QueryDict, number: int) -> QueryDict:
    """The form's data with shift `number` removed and the later shifts moved up."""
    rows = shift_rows_in(data)
    kept = data.copy()
    for key in list(kept):
        if key.startswith("shift_"):
            del kept[key]
    for key, values in data.lists():
        match = re.match(r"^shift_(\d+)_(.+)$", key)
        if not match:
            continue
        row = int(match[1])
        if row == number or row > rows:
            continue
        new_row = row - 1 if row > number else row
        kept.setlist(f"shift_{new_row}_{match[2]}", values)
    kept["shifts"] = str(max(rows - 1, 1))
    return kept


class CoverRequestForm(Form):
    """Everything about one cover request, on one page that works without JavaScript."""

    tasks = forms.ModelMultipleChoiceField(
        queryset=active_tasks(),
        label="What will the PA help with?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one thing the PA will help with"},
    )
    hourly_pay = forms.CharField(
        label="How much will you pay an hour?",
        help_text="In pounds, for example 13.50.",
        widget=forms.TextInput(attrs=MONEY_ATTRS),
        error_messages={"required": "Enter the hourly pay"},
    )
    address = long_text(
        label="Where should the PA come?",
        what="The address",
        limit=500,
        rows=3,
        required=True,
        help_text=(
            "The full address, with the postcode. Only the PA you book will see it, on their "
            "booking, once you have confirmed them. PAs who are asked see your postcode "
            "district only."
        ),
        error_messages={"required": "Enter the address where the PA should come"},
    )
    contact_phone = text(
        label="Phone number for the PA you book (optional)",
        what="The phone number",
        limit=30,
        help_text="Shown only to the PA you book, with the address, so they can call on the way.",
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-20",
                "autocomplete": "tel",
                "type": "tel",
            }
        ),
    )
    pool_wait_minutes = forms.TypedChoiceField(
        choices=WAIT_CHOICES,
        coerce=int,
        label="How long should your relief pool have before we ask other PAs nearby?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how long your relief pool has first"},
    )
    auto_confirm_pool = YesNoField(
        label="Book a relief pool member as soon as they offer?",
        help_text=(
            "If you say yes, the first PA from your relief pool to offer gets the shift, without "
            "waiting for you to confirm. PAs from outside your pool always wait for you."
        ),
        required_message=(
            "Select yes if a relief pool member should be booked as soon as they offer"
        ),
    )
    paid_by_direct_payment = YesNoField(
        label="Will you pay for this cover from a direct payment from your council?",
        help_text="Some councils ask more of the work they pay for, such as a DBS check.",
        required_message="Select yes if you will pay for this cover from a direct payment",
        required=False,
        empty_value=False,
    )
    required_dbs = forms.ChoiceField(
        choices=DbsLevel.choices,
        required=False,
        label="Which DBS check must the PA have?",
        help_text="Only PAs whose check has been seen and recorded by staff will be asked.",
        widget=forms.RadioSelect,
    )
    requires_driver = forms.BooleanField(
        required=False, label="The PA must drive, with their own car"
    )
    required_language = forms.ModelChoiceField(
        queryset=Language.objects.all(),
        required=False,
        label="Must the PA use a particular language?",
        help_text="For example, British Sign Language. Leave it as it is if any will do.",
        empty_label="No particular language",
    )
    required_gender, includes_intimate_care, gender_reason = gender_requirement_fields(
        "shift", reason_rows=3
    )
    note = long_text(
        label="Anything else the PA should know? (optional)",
        what="The note",
        limit=2000,
        rows=4,
        help_text=(
            "For example, where the key safe is or that there is a dog. Every PA who is asked "
            "sees this, so do not include the address or door codes."
        ),
    )

    def __init__(self, data: QueryDict | None = None, *, rows: int = 1, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.rows = min(max(rows, 1), MAX_SHIFT_ROWS)
        example = timezone.localdate() + timedelta(days=1)
        for number in range(1, self.rows + 1):
            self.fields[f"shift_{number}_date"] = GovukDateField(
                label=f"Date of shift {number}",
                help_text=f"For example, {example.day} {example.month} {example.year}.",
                error_messages={"required": f"Enter the date of shift {number}"},
            )
            self.fields[f"shift_{number}_start"] = forms.CharField(
                label="Start time",
                help_text="Use the 24-hour clock, like 08:00.",
                widget=forms.TextInput(attrs=TIME_ATTRS),
                error_messages={"required": f"Enter the start time of shift {number}, like 08:00"},
            )
            self.fields[f"shift_{number}_end"] = forms.CharField(
                label="End time",
                help_text="An end time earlier than the start means the next morning, like "
                "22:00 to 07:00.",
                widget=forms.TextInput(attrs=TIME_ATTRS),
                error_messages={"required": f"Enter the end time of shift {number}, like 11:00"},
            )
        # The shifts come first on the page, so their errors come first in the summary.
        self.order_fields([name for name in self.fields if name.startswith("shift_")])

    # Pieces the template lays out by hand

    def shift_rows(self) -> list[ShiftRow]:
        return [
            ShiftRow(
                number=number,
                date=self[f"shift_{number}_date"],
                start=self[f"shift_{number}_start"],
                end=self[f"shift_{number}_end"],
                of=self.rows,
            )
            for number in range(1, self.rows + 1)
        ]

    @property
    def can_add_shift(self) -> bool:
        return self.rows < MAX_SHIFT_ROWS

    def task_groups(self) -> list[SkillGroup]:
        return skill_groups(self["tasks"])

    @property
    def must_haves_in_use(self) -> bool:
        """Open the must-haves section when it holds an answer or an error."""
        names = [
            "required_dbs",
            "requires_driver",
            "required_language",
            "required_gender",
            "includes_intimate_care",
            "gender_reason",
        ]
        if self.local_dbs_rule:
            return True
        return any(self[name].value() or self[name].errors for name in names)

    local_dbs_rule = False

    def say_local_rules(self, requirements: Requirements) -> None:
        """Say the employer's council's DBS rule by the DBS question, so it is read before
        choosing; a lower choice is refused by the service with the same reason."""
        needed = requirements.dbs
        if needed is None:
            return
        self.local_dbs_rule = True
        self.fields["required_dbs"].help_text = (
            f"{needed.reason}: {DBS_CHECKS.get(needed.rank, 'a DBS check')} or higher. "
            f"{needed.explanation}"
        )

    def without_errors(self) -> "CoverRequestForm":
        """Show what was typed without judging it yet: after "Add another shift" or "Remove",
        nobody has finished, so no error should appear. Marking the form as already cleaned
        is how Django skips validation for a bound form."""
        self._errors = ErrorDict()
        self.cleaned_data = {}
        return self

    # Checks

    def clean_hourly_pay(self) -> Decimal:
        return parse_pay(self.cleaned_data["hourly_pay"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        today = timezone.localdate()
        for number in range(1, self.rows + 1):
            self.check_shift(number, cleaned, today=today)
        self.check_gender(cleaned)
        return cleaned

    def check_shift(self, number: int, cleaned: dict[str, Any], *, today: date) -> None:
        day = cleaned.get(f"shift_{number}_date")
        clocks = {}
        for part in ("start", "end"):
            name = f"shift_{number}_{part}"
            if name not in cleaned:
                continue
            try:
                clocks[part] = parse_clock(cleaned[name])
            except ClockError as error:
                self.add_error(name, f"Shift {number} {part} time: {error}")
            else:
                cleaned[name] = clocks[part]
        if day is not None and day < today:
            self.add_error(
                f"shift_{number}_date", f"The date of shift {number} must be today or later"
            )
            return
        if day is not None and day > today + timedelta(days=366):
            self.add_error(
                f"shift_{number}_date", f"The date of shift {number} must be within the next year"
            )
            return
        if len(clocks) < 2 or day is None:
            return
        if clocks["start"] == clocks["end"]:
            self.add_error(
                f"shift_{number}_end",
                f"The end time of shift {number} must be different from the start time. For a "
                "whole day, add two shifts.",
            )
            return
        next_day = day + timedelta(days=1) if clocks["end"] < clocks["start"] else day
        instants = {}
        for part, on in (("start", day), ("end", next_day)):
            try:
                instants[part] = local_instant(on, clocks[part])
            except LocalTimeError as error:
                self.add_error(f"shift_{number}_{part}", f"Shift {number}: {error}")
        if "start" in instants and instants["start"] <= timezone.now():
            self.add_error(
                f"shift_{number}_start",
                f"Shift {number} would start at {clocks['start']:%H:%M} today, which has "
                "passed. Choose a later time",
            )

    def check_gender(self, cleaned: dict[str, Any]) -> None:
        """Without a requirement, a reason typed and left behind is dropped. Whether a woman or
        a man may be required is the service's rule (`services.requests.check_gender`), so the
        page and the API refuse the same requests; its error lands on the field it names."""
        if not cleaned.get("required_gender"):
            cleaned["gender_reason"] = ""
            cleaned["includes_intimate_care"] = False

    def request_input(self) -> RequestInput:
        data = self.cleaned_data
        language = data.get("required_language")
        return RequestInput(
            slots=[
                SlotInput(
                    day=data[f"shift_{number}_date"],
                    start=data[f"shift_{number}_start"],
                    end=data[f"shift_{number}_end"],
                )
                for number in range(1, self.rows + 1)
            ],
            address=data["address"],
            hourly_pay=data["hourly_pay"],
            pool_wait_minutes=data["pool_wait_minutes"],
            task_codes=[skill.code for skill in data["tasks"]],
            note=data.get("note") or "",
            contact_phone=data.get("contact_phone") or "",
            auto_confirm_pool=data["auto_confirm_pool"],
            required_dbs=data.get("required_dbs") or "",
            requires_driver=bool(data.get("requires_driver")),
            required_language_code=language.code if language else "",
            required_gender=data.get("required_gender") or "",
            includes_intimate_care=bool(data.get("includes_intimate_care")),
            gender_reason=data.get("gender_reason") or "",
            paid_by_direct_payment=bool(data.get("paid_by_direct_payment")),
        )

    def field_for_service_error(self, field: str) -> str | None:
        """Where a service's CoverError belongs on this page; None for the whole form."""
        if field == "slots" or field not in self.fields:
            return None
        return field


def initial_from_last_request(last: CoverRequest | None, *, pool_size: int) -> dict[str, Any]:
    """Pay, address, phone, tasks and must-haves as last time, so an emergency is quick.
    With nobody in the relief pool there is nothing to wait for, so everyone is asked now."""
    initial: dict[str, Any] = {
        "pool_wait_minutes": 30 if pool_size else 0,
        "auto_confirm_pool": "no",
        "required_dbs": "",
    }
    if last is None:
        return initial
    return initial | {
        "hourly_pay": f"{last.hourly_pay:.2f}",
        "address": last.address,
        "contact_phone": last.contact_phone,
        "pool_wait_minutes": last.pool_wait_minutes if pool_size else 0,
        "auto_confirm_pool": yes_no(last.auto_confirm_pool),
        "tasks": [skill.pk for skill in last.tasks.all()],
        "required_dbs": last.required_dbs,
        "paid_by_direct_payment": yes_no(last.paid_by_direct_payment),
        "requires_driver": last.requires_driver,
        "required_language": last.required_language_id,
    }


# Relief pool


class InviteByEmailForm(Form):
    email = forms.EmailField(
        label="The PA’s email address",
        help_text="The address they use to sign in to PA Hub.",
        widget=forms.EmailInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "class": "govuk-input govuk-!-width-two-thirds",
            }
        ),
        error_messages={
            "required": "Enter the PA’s email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


class InviteKnownForm(Form):
    """One PA from "PAs you have talked to"; each has its own button."""

    pa = forms.IntegerField(widget=forms.HiddenInput)


# Cancelling


class CancelForm(Form):
    reason = long_text(
        label="Why are you cancelling?",
        what="The reason",
        limit=1000,
        rows=4,
        required=True,
        help_text="The PA will see this.",
        error_messages={"required": "Say why you are cancelling, so the PA knows"},
    )


class CancelRequestForm(CancelForm):
    reason = long_text(
        label="Why are you cancelling the request?",
        what="The reason",
        limit=1000,
        rows=4,
        required=True,
        help_text="Any PA already booked, and anyone who offered, will see this.",
        error_messages={"required": "Say why you are cancelling, so the PAs know"},
    )
