"""Reads for the employer side of cover: whom a person acts for, each request's progress in
words, the wave timeline, the calendar and the hours waiting for approval.

Every query here is scoped to employers the person may act for, and each page's lists are
loaded in a fixed number of queries however many rows there are (tests assert it).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from pahub.accounts.models import Role, User
from pahub.core.hours_and_pay import worked_hours
from pahub.cover.models import (
    Booking,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
    Timesheet,
)
from pahub.cover.presenters import AlertWave, asked_words, slot_words, span_words
from pahub.cover.times import (
    clock_span,
    local_instant,
    to_local,
)
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import employers_user_can_act_for
from pahub.employers.queries import employer_name
from pahub.messaging.models import Conversation
from pahub.places.distance import miles_between, miles_for_display
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile
from pahub.register.permissions import can_view_profile
from pahub.register.queries import pa_name

# Whom a person acts for


def employers_for(user: User) -> QuerySet[User]:
    """Every employer `user` may act for on cover, in one query.

    The one acting-for rule, `pahub.employers.permissions.employers_user_can_act_for`
    (grant, consent, area and the staff member's second factor), for active accounts.
    """
    return (
        employers_user_can_act_for(user)
        .filter(is_active=True)
        .select_related("employer_profile__district")
        .order_by("full_name", "pk")
    )


def employer_profile_of(employer: User) -> EmployerProfile | None:
    try:
        return employer.employer_profile
    except EmployerProfile.DoesNotExist:
        return None


def pa_profile_of(pa: User) -> PAProfile | None:
    try:
        return pa.pa_profile
    except PAProfile.DoesNotExist:
        return None


# Waves in words


def alert_waves(request_ids: list[int]) -> dict[int, list[AlertWave]]:
    """Each request's waves, in the order they went out; one query for all requests."""
    rows = (
        CoverAlert.objects.filter(request_id__in=request_ids)
        .values("request_id", "wave", "from_pool")
        .annotate(count=Count("pk"), at=Min("created_at"))
        .order_by("at", "-from_pool", "wave")
    )
    waves: dict[int, list[AlertWave]] = defaultdict(list)
    for row in rows:
        waves[row["request_id"]].append(
            AlertWave(row["wave"], row["from_pool"], row["count"], row["at"])
        )
    return waves


# Requests on the cover home page


@dataclass
class RequestSummary:
    request: CoverRequest
    slots: list[CoverSlot]
    waves: list[AlertWave]
    offers_waiting: int

    @property
    def live_slots(self) -> list[CoverSlot]:
        return [slot for slot in self.slots if slot.status != CoverSlot.Status.CANCELLED]

    @property
    def covered_words(self) -> str:
        """ "1 of 2 shifts covered"."""
        live = self.live_slots
        booked = sum(1 for slot in live if slot.status == CoverSlot.Status.BOOKED)
        noun = "shift" if len(live) == 1 else "shifts"
        return f"{booked} of {len(live)} {noun} covered"

    @property
    def asked_words(self) -> str:
        return asked_words(self.waves)

    @property
    def when_words(self) -> str:
        live = self.live_slots or self.slots
        if not live:
            return ""
        first = slot_words(live[0])
        more = len(live) - 1
        return first if not more else f"{first}, and {more} more"

    @property
    def offers_words(self) -> str:
        if not self.offers_waiting:
            return "No offers waiting"
        noun = "offer" if self.offers_waiting == 1 else "offers"
        return f"{self.offers_waiting} {noun} waiting for you to confirm"


def summarise_requests(requests: QuerySet[CoverRequest]) -> list[RequestSummary]:
    """Requests with their shifts, waves and waiting offers, in four queries in all."""
    requests = list(requests.prefetch_related("slots"))
    ids = [request.pk for request in requests]
    waves = alert_waves(ids)
    waiting = dict(
        CoverOffer.objects.filter(slot__request_id__in=ids, status=CoverOffer.Status.OFFERED)
        .values("slot__request_id")
        .annotate(count=Count("pk"))
        .values_list("slot__request_id", "count")
    )
    return [
        RequestSummary(
            request=request,
            slots=list(request.slots.all()),
            waves=waves.get(request.pk, []),
            offers_waiting=waiting.get(request.pk, 0),
        )
        for request in requests
    ]


@dataclass(frozen=True)
class BookingRow:
    booking: Booking

    @property
    def words(self) -> str:
        return slot_words(self.booking)

    @property
    def pa_name(self) -> str:
        return pa_name(self.booking.pa)


@dataclass
class EmployerCover:
    """One employer's part of the cover home page."""

    employer: User
    open_requests: list[RequestSummary] = field(default_factory=list)
    upcoming: list[BookingRow] = field(default_factory=list)
    pool_size: int = 0
    hours_to_approve: int = 0

    @property
    def name(self) -> str:
        return employer_name(self.employer)

    @property
    def has_profile(self) -> bool:
        return employer_profile_of(self.employer) is not None


UPCOMING_DAYS = 28


def cover_home(employers: list[User], *, now: datetime) -> list[EmployerCover]:
    """Open requests, bookings in the next four weeks, pool sizes and hours to approve for
    each employer, in a fixed number of queries however many employers and rows."""
    sections = {employer.pk: EmployerCover(employer=employer) for employer in employers}
    ids = list(sections)
    open_requests = CoverRequest.objects.filter(
        employer_id__in=ids, status=CoverRequest.Status.OPEN
    ).order_by("created_at")
    for summary in summarise_requests(open_requests):
        sections[summary.request.employer_id].open_requests.append(summary)
    upcoming = Booking.objects.filter(
        employer_id__in=ids,
        status=Booking.Status.CONFIRMED,
        ends_at__gt=now,
        starts_at__lt=now + timedelta(days=UPCOMING_DAYS),
    ).select_related("pa__pa_profile", "slot")
    for booking in upcoming.order_by("starts_at"):
        sections[booking.employer_id].upcoming.append(BookingRow(booking))
    pools = (
        ReliefPoolMember.objects.filter(employer_id__in=ids, status=ReliefPoolMember.Status.ACTIVE)
        .values("employer_id")
        .annotate(count=Count("pk"))
        .values_list("employer_id", "count")
    )
    for employer_id, count in pools:
        sections[employer_id].pool_size = count
    hours = (
        Timesheet.objects.filter(booking__employer_id__in=ids, status=Timesheet.Status.SUBMITTED)
        .values("booking__employer_id")
        .annotate(count=Count("pk"))
        .values_list("booking__employer_id", "count")
    )
    for employer_id, count in hours:
        sections[employer_id].hours_to_approve = count
    return list(sections.values())


# One request, in full


@dataclass
class OfferRow:
    offer: CoverOffer
    name: str
    district: str
    level: str
    miles: str


@dataclass
class SlotRow:
    slot: CoverSlot
    offers: list[OfferRow]
    booking: Booking | None
    cancelled: list[Booking]

    @property
    def words(self) -> str:
        return slot_words(self.slot)

    @property
    def status_words(self) -> str:
        if self.slot.status == CoverSlot.Status.BOOKED and self.booking:
            return f"Covered by {pa_name(self.booking.pa)}"
        if self.slot.status == CoverSlot.Status.CANCELLED:
            return "Cancelled"
        if self.slot.starts_at <= timezone.now():
            return "Not covered"
        return "Looking for cover"


def offer_row(offer: CoverOffer, request: CoverRequest) -> OfferRow:
    profile = pa_profile_of(offer.pa)
    home = offer.pa.district
    place = request.district
    miles = None
    if home and home.latitude is not None and place.latitude is not None:
        miles = miles_between(home.latitude, home.longitude, place.latitude, place.longitude)
    return OfferRow(
        offer=offer,
        name=pa_name(offer.pa),
        district=offer.pa.district_id or "not known",
        level=LEVEL_NAMES.get(profile.level if profile else 0, LEVEL_NAMES[0]),
        miles=miles_for_display(miles),
    )


def request_slot_rows(request: CoverRequest) -> list[SlotRow]:
    """Each shift with its waiting offers and bookings: three queries for any number."""
    offers = CoverOffer.objects.filter(status=CoverOffer.Status.OFFERED).select_related(
        "pa__pa_profile", "pa__district"
    )
    bookings = Booking.objects.select_related("pa__pa_profile", "cancelled_by").order_by(
        "-confirmed_at"
    )
    slots = request.slots.prefetch_related(
        Prefetch("offers", queryset=offers, to_attr="waiting_offers"),
        Prefetch("bookings", queryset=bookings, to_attr="all_bookings"),
    )
    rows = []
    for slot in slots:
        confirmed = [b for b in slot.all_bookings if b.status == Booking.Status.CONFIRMED]
        rows.append(
            SlotRow(
                slot=slot,
                offers=[offer_row(offer, request) for offer in slot.waiting_offers],
                booking=confirmed[0] if confirmed else None,
                cancelled=[b for b in slot.all_bookings if b.status == Booking.Status.CANCELLED],
            )
        )
    return rows


def pool_names_alerted(request: CoverRequest) -> list[str]:
    """The relief pool members told about the request: the employer knows them already."""
    alerts = CoverAlert.objects.filter(request=request, from_pool=True).select_related(
        "pa__pa_profile"
    )
    return sorted(pa_name(alert.pa) for alert in alerts)


# Relief pool


def pool_members(employer: User) -> list[ReliefPoolMember]:
    return list(
        ReliefPoolMember.objects.filter(employer=employer)
        .select_related("pa__pa_profile", "invited_by")
        .order_by("status", "-invited_at")
    )


def live_pool_pa_ids(employer: User) -> set[int]:
    return set(
        ReliefPoolMember.objects.filter(
            employer=employer,
            status__in=[ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE],
        ).values_list("pa_id", flat=True)
    )


def pas_talked_to(employer: User) -> QuerySet[User]:
    """PAs with a conversation with the employer, who are not invited or in the pool yet."""
    talked = Conversation.objects.filter(employer=employer, pa=OuterRef("pk"))
    live = ReliefPoolMember.objects.filter(
        employer=employer,
        pa=OuterRef("pk"),
        status__in=[ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE],
    )
    return (
        User.objects.filter(Exists(talked), roles__role=Role.PA, is_active=True)
        .exclude(Exists(live))
        .exclude(pk=employer.pk)
        .select_related("pa_profile")
        .order_by("full_name", "pk")
    )


def invitable_pa_by_email(employer: User, email: str) -> User | None:
    """A PA the employer has met through PA Hub, found by their email address: they have
    talked, or the employer may see the PA's profile. None when not found or not allowed,
    and callers say the same either way, so nobody learns who is registered."""
    pa = (
        User.objects.filter(email__iexact=email.strip(), roles__role=Role.PA, is_active=True)
        .exclude(pk=employer.pk)
        .first()
    )
    if pa is None:
        return None
    if Conversation.objects.filter(employer=employer, pa=pa).exists():
        return pa
    profile = PAProfile.objects.filter(user=pa).select_related("user").first()
    # The employer's own view decides, not the helper's: staff may see hidden profiles,
    # and that must not let them put a hidden PA in front of an employer.
    if profile is not None and can_view_profile(employer, profile):
        return pa
    return None


# Calendar


def week_start_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class CalendarEntry:
    slot: CoverSlot
    booking: Booking | None

    @property
    def words(self) -> str:
        return slot_words(self.slot)

    @property
    def clock(self) -> str:
        start, end = to_local(self.slot.starts_at), to_local(self.slot.ends_at)
        text = clock_span(self.slot.starts_at, self.slot.ends_at)
        if end.date() != start.date():
            text += f" ({end:%a}, overnight)"
        return text

    @property
    def status_words(self) -> str:
        if self.booking is not None:
            return f"Booked: {pa_name(self.booking.pa)}"
        if self.slot.request.status == CoverRequest.Status.CANCELLED:
            return "Cancelled"
        if (
            self.slot.starts_at <= timezone.now()
            or self.slot.request.status == CoverRequest.Status.EXPIRED
        ):
            return "Not covered"
        return "Looking for cover"


@dataclass
class CalendarDay:
    day: date
    entries: list[CalendarEntry]


def calendar_slots(
    employer: User, *, starts: datetime, ends: datetime | None
) -> list[CalendarEntry]:
    """The employer's shifts overlapping [starts, ends), with any confirmed booking."""
    slots = CoverSlot.objects.filter(request__employer=employer, ends_at__gt=starts).exclude(
        status=CoverSlot.Status.CANCELLED
    )
    if ends is not None:
        slots = slots.filter(starts_at__lt=ends)
    confirmed = Booking.objects.filter(status=Booking.Status.CONFIRMED).select_related(
        "pa__pa_profile"
    )
    slots = (
        slots.select_related("request")
        .prefetch_related(Prefetch("bookings", queryset=confirmed, to_attr="confirmed"))
        .order_by("starts_at")
    )
    return [
        CalendarEntry(slot=slot, booking=slot.confirmed[0] if slot.confirmed else None)
        for slot in slots
    ]


def calendar_week(employer: User, week_start: date) -> list[CalendarDay]:
    """Monday to Sunday in London time; a shift shows on the day it starts."""
    starts = local_instant(week_start, time(0))
    ends = local_instant(week_start + timedelta(days=7), time(0))
    days: dict[date, list[CalendarEntry]] = {week_start + timedelta(days=n): [] for n in range(7)}
    for entry in calendar_slots(employer, starts=starts, ends=ends):
        # A night shift that began on the Sunday before shows on Monday, where it ends.
        days[max(to_local(entry.slot.starts_at).date(), week_start)].append(entry)
    return [CalendarDay(day=day, entries=entries) for day, entries in days.items()]


def calendar_list(employer: User, *, now: datetime, limit: int = 200) -> list[CalendarDay]:
    """Every shift still to come (or under way), grouped by the day it starts."""
    grouped: dict[date, list[CalendarEntry]] = {}
    for entry in calendar_slots(employer, starts=now, ends=None)[:limit]:
        grouped.setdefault(to_local(entry.slot.starts_at).date(), []).append(entry)
    return [CalendarDay(day=day, entries=entries) for day, entries in grouped.items()]


# Hours


def timesheets_for(user: User) -> QuerySet[Timesheet]:
    """Hours recorded for every employer the user acts for, with what the pages show."""
    return Timesheet.objects.filter(booking__employer__in=employers_for(user)).select_related(
        "booking__pa__pa_profile",
        "booking__employer__employer_profile",
        "booking__slot__request",
        "decided_by",
    )


@dataclass(frozen=True)
class TimesheetRow:
    timesheet: Timesheet

    @property
    def pa_name(self) -> str:
        return pa_name(self.timesheet.booking.pa)

    @property
    def worked_words(self) -> str:
        return span_words(self.timesheet.started_at, self.timesheet.ended_at)

    @property
    def worked_hours(self) -> Decimal:
        timesheet = self.timesheet
        return worked_hours(
            timesheet.started_at, timesheet.ended_at, break_minutes=timesheet.break_minutes
        )


def latest_request(employer: User) -> CoverRequest | None:
    return (
        CoverRequest.objects.filter(employer=employer)
        .select_related("required_language")
        .prefetch_related("tasks")
        .order_by("-created_at")
        .first()
    )
