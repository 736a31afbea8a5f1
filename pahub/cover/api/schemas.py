"""The cover API's schemas: what each call accepts and returns, with the checks pydantic makes
on the way in. The rules about what may be asked for live in `pahub.cover.services`; these only
refuse what cannot even be read (a time zone on a clock time, a day years away, null
characters).
"""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Path, Schema
from pydantic import field_validator

from pahub.core.schemas import MAX_ID, InputSchema
from pahub.cover.services import MAX_SLOTS, WAIT_CHOICES
from pahub.taxonomy.dbs import DbsValue

MAX_LIST = 200
# Cover is for short notice: a year either way is plenty, and keeps dates far from the
# calendar's end, where adding the overnight day would overflow.
FURTHEST_DAYS = 366

Side = Literal["employer", "pa"]
GenderValue = Literal["", "woman", "man"]
RequestStatus = Literal["open", "covered", "cancelled", "expired"]
BookingStatus = Literal["confirmed", "cancelled"]
TimesheetStatus = Literal["submitted", "approved", "queried"]


def path_id() -> int:
    """A path id: a positive 64-bit integer, else 400."""
    return Path(..., ge=1, le=MAX_ID)


# Input


# Text and codes follow `core.text_rules` through `InputSchema`, as the forms do.
Text = str
Code = Annotated[str, Field(max_length=60)]


def check_clock(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("Give a clock time in Europe/London, like 08:00, without a time zone.")
    return value


def check_near_day(value: date) -> date:
    today = timezone.localdate()
    if abs((value - today).days) > FURTHEST_DAYS:
        raise ValueError("Choose a day within a year of today.")
    return value


class SlotIn(InputSchema):
    day: date = Field(description="The day the shift starts, in Europe/London")
    start: time = Field(description="Clock time in Europe/London, like 08:00")
    end: time = Field(description="Clock time; at or before `start` means the next day")

    @field_validator("day")
    @classmethod
    def near_day(cls, value: date) -> date:
        return check_near_day(value)

    @field_validator("start", "end")
    @classmethod
    def clock(cls, value: time) -> time:
        return check_clock(value)


class CoverRequestIn(InputSchema):
    multiline_fields = frozenset({"address", "note", "gender_reason"})

    employer_id: int = Field(
        ge=1, le=MAX_ID, description="The employer needing cover (yourself, or someone you act for)"
    )
    slots: list[SlotIn] = Field(
        max_length=100, description=f"One to {MAX_SLOTS} shifts that do not overlap"
    )
    address: Text = Field(
        max_length=1000, description="Shown only to the PA who is booked, never before"
    )
    contact_phone: Text = Field("", max_length=30, description="Shown only to the booked PA")
    hourly_pay: Decimal = Field(
        ge=0, max_digits=6, decimal_places=2, description="Pounds; at least the legal minimum"
    )
    pool_wait_minutes: int = Field(
        30,
        ge=0,
        le=100_000,
        description="How long the relief pool has alone before the request widens: "
        + ", ".join(f"{minutes} ({label})" for minutes, label in WAIT_CHOICES),
    )
    tasks: list[Code] = Field([], max_length=100, description="Skill codes from /taxonomy/skills")
    note: Text = Field("", max_length=2000, description="For the PAs who are asked")
    auto_confirm_pool: bool = Field(
        False, description="Book a relief pool member as soon as they offer"
    )
    paid_by_direct_payment: bool = Field(
        False, description="Paid from a direct payment from your council: its local rules apply"
    )
    required_dbs: DbsValue = Field(
        "", description="At least what your council's local rules ask, if any"
    )
    requires_driver: bool = False
    required_language: Text = Field("", max_length=20, description="A language code, like `bfi`")
    required_skills: list[Code] = Field([], max_length=100, description="Skill codes")
    required_gender: GenderValue = Field(
        "", description="Only with a `gender_reason` (intimate personal care)"
    )
    gender_reason: Text = Field("", max_length=2000)


class ReasonIn(InputSchema):
    multiline_fields = frozenset({"reason"})

    reason: Text = Field(max_length=2000, description="Told to the other side")


class OfferIn(InputSchema):
    multiline_fields = frozenset({"message"})

    message: Text = Field("", max_length=500, description="A short note to the employer")


class HoursIn(InputSchema):
    multiline_fields = frozenset({"note"})

    day: date = Field(description="The day the shift started, in Europe/London")
    start: time = Field(description="When you started, like 08:05")
    end: time = Field(description="When you finished; at or before `start` means the next day")
    break_minutes: int = Field(0, ge=0, le=24 * 60)
    note: Text = Field("", max_length=500)

    @field_validator("day")
    @classmethod
    def near_day(cls, value: date) -> date:
        return check_near_day(value)

    @field_validator("start", "end")
    @classmethod
    def clock(cls, value: time) -> time:
        return check_clock(value)


class DecisionIn(InputSchema):
    multiline_fields = frozenset({"note"})

    note: Text = Field("", max_length=500, description="Needed when querying: what to put right")


class RequestFilters(InputSchema):
    side: Side | None = Field(None, description="Only requests you manage, or only as a PA")
    status: RequestStatus | None = None


class BookingFilters(InputSchema):
    side: Side | None = None
    status: BookingStatus | None = None


class TimesheetFilters(InputSchema):
    side: Side | None = None
    status: TimesheetStatus | None = None


# Output


class CoverTaskOut(Schema):
    code: str
    name: str


class OfferOut(Schema):
    id: int
    slot_id: int
    pa_id: int
    pa_name: str
    status: str = Field(description="offered, confirmed, withdrawn or not_needed")
    message: str
    from_pool: bool
    created_at: datetime


class SlotBookingOut(Schema):
    id: int
    pa_id: int
    pa_name: str


class SlotOut(Schema):
    id: int
    starts_at: datetime = Field(description="With the Europe/London offset of that moment")
    ends_at: datetime
    when: str = Field(description='For people: "Fri 27 Nov, 22:00 to 07:00 (Sat)"')
    hours: float = Field(description="Real length: 8 or 10 on a clock-change night, not 9")
    overnight: bool
    status: str = Field(description="open, booked or cancelled")
    offers: list[OfferOut] = Field(
        description="Every offer on the employer side; a PA sees only their own"
    )
    booking: SlotBookingOut | None = Field(
        description="The confirmed booking: any on the employer side, a PA's own for a PA"
    )


class MustHavesOut(Schema):
    required_dbs: str
    requires_driver: bool
    required_language: str | None
    required_skills: list[str]
    required_gender: str
    gender_reason: str


class AlertCountsOut(Schema):
    pool: int
    nearby: int


class CoverRequestOut(Schema):
    id: int
    side: Side = Field(description="Whether you see it as the employer side or as a PA")
    employer_id: int | None = Field(description="Employer side only")
    employer_name: str
    district: str
    status: str
    hourly_pay: Decimal
    tasks: list[CoverTaskOut]
    note: str
    must_haves: MustHavesOut
    address: str | None = Field(description="Employer side, or a PA booked on this request")
    contact_phone: str | None = Field(description="As for the address")
    pool_wait_minutes: int | None = Field(description="Employer side only")
    auto_confirm_pool: bool | None = Field(description="Employer side only")
    reach: str | None = Field(description="Employer side only: pool, or nearby once widened")
    waves_sent: int | None = Field(description="Employer side only")
    next_wave_at: datetime | None = Field(description="Employer side only")
    alerted: AlertCountsOut | None = Field(description="Employer side only")
    slots: list[SlotOut]
    created_at: datetime


class TimesheetRefOut(Schema):
    id: int
    status: str


class BookingOut(Schema):
    id: int
    side: Side
    request_id: int
    slot_id: int
    status: str
    starts_at: datetime
    ends_at: datetime
    when: str
    hours: float
    overnight: bool
    pa_id: int
    pa_name: str
    employer_id: int | None = Field(description="Employer side only")
    employer_name: str
    district: str
    hourly_pay: Decimal
    address: str | None = Field(description="Employer side, or the PA while confirmed")
    contact_phone: str | None
    confirmed_at: datetime
    cancelled_at: datetime | None
    cancelled_by: Side | None = Field(description="Which side cancelled")
    cancel_reason: str
    late_cancellation: bool = Field(description="Cancelled less than 24 hours before the start")
    timesheet: TimesheetRefOut | None


class TimesheetOut(Schema):
    id: int
    side: Side
    booking_id: int
    booked: str = Field(description="The booked shift, for people")
    pa_name: str
    employer_name: str
    status: str
    started_at: datetime
    ended_at: datetime
    break_minutes: int
    hours_worked: float = Field(description="Real time between start and end, less breaks")
    pay_due: Decimal = Field(description="Hours worked times the hourly pay, to the penny")
    note: str
    employer_note: str
    submitted_at: datetime
    decided_at: datetime | None


class FeedOut(Schema):
    id: int
    active: bool
    created_at: datetime
    revoked_at: datetime | None
