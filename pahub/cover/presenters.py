"""What a cover request, a booking, an offer and a timesheet look like to the person viewing
them, for the pages and the API alike. Plain data out (dicts and strings); the API's schemas
validate the dicts, the templates read them.

What a viewer may see is decided in `permissions` (`can_see_address`); these functions only
leave out what it refuses. Arithmetic on hours and pay is `pahub.core.hours_and_pay`.
"""

from dataclasses import dataclass
from datetime import datetime

from pahub.accounts.models import User
from pahub.core.hours_and_pay import hours_to_hundredths, pay_for_hours, worked_hours
from pahub.cover.models import Booking, CoverAlert, CoverOffer, CoverRequest, CoverSlot, Timesheet
from pahub.cover.permissions import can_see_address
from pahub.cover.times import Span, describe_span, to_local
from pahub.employers.queries import employer_name
from pahub.matching.must_haves import MustHaves, Wording, must_haves_in_words
from pahub.places.distance import miles_for_display
from pahub.places.queries import distance_between_districts
from pahub.taxonomy.dbs import DbsLevel


def span_fields(starts_at: datetime, ends_at: datetime) -> dict:
    """A shift's times for a machine and for people: instants with the London offset, words,
    real hours (8 or 10 on a clock-change night) and whether it runs overnight."""
    start, end = to_local(starts_at), to_local(ends_at)
    return {
        "starts_at": start,
        "ends_at": end,
        "when": describe_span(Span(starts_at, ends_at)),
        "hours": float(hours_to_hundredths(worked_hours(starts_at, ends_at))),
        "overnight": end.date() != start.date(),
    }


def offer_view(offer: CoverOffer, *, pa: User, from_pool: bool) -> dict:
    return {
        "id": offer.pk,
        "slot_id": offer.slot_id,
        "pa_id": offer.pa_id,
        "pa_name": pa.display_name,
        "status": offer.status,
        "message": offer.message,
        "from_pool": from_pool,
        "created_at": offer.created_at,
    }


def slot_view(slot: CoverSlot, pool_pa_ids: set[int]) -> dict:
    booking = next(iter(slot.bookings.all()), None)
    return {
        "id": slot.pk,
        "status": slot.status,
        "offers": [
            offer_view(offer, pa=offer.pa, from_pool=offer.pa_id in pool_pa_ids)
            for offer in slot.offers.all()
        ],
        "booking": {"id": booking.pk, "pa_id": booking.pa_id, "pa_name": booking.pa.display_name}
        if booking
        else None,
        **span_fields(slot.starts_at, slot.ends_at),
    }


def request_view(request: CoverRequest, *, side: str, user: User) -> dict:
    """A request as its side may see it: a PA sees no address until they hold a booking on it.
    Expects `queries.requests_for_side`'s prefetches (a PA's hold only their own rows)."""
    employer_side = side == "employer"
    alerts = list(request.alerts.all())
    pool_pa_ids = {alert.pa_id for alert in alerts if alert.from_pool}
    slots = list(request.slots.all())
    private_shown = employer_side or any(
        can_see_address(user, booking, employer_side=False)
        for slot in slots
        for booking in slot.bookings.all()
    )
    return {
        "id": request.pk,
        "side": side,
        "employer_id": request.employer_id if employer_side else None,
        "employer_name": employer_name(request.employer),
        "district": request.district_id,
        "status": request.status,
        "hourly_pay": request.hourly_pay,
        "tasks": [{"code": skill.code, "name": skill.name} for skill in request.tasks.all()],
        "note": request.note,
        "must_haves": {
            "required_dbs": request.required_dbs,
            "requires_driver": request.requires_driver,
            "required_language": (
                request.required_language.code if request.required_language_id else None
            ),
            "required_skills": [skill.code for skill in request.required_skills.all()],
            "required_gender": request.required_gender,
            "gender_reason": request.gender_reason,
        },
        "address": request.address if private_shown else None,
        "contact_phone": request.contact_phone if private_shown else None,
        "pool_wait_minutes": request.pool_wait_minutes if employer_side else None,
        "auto_confirm_pool": request.auto_confirm_pool if employer_side else None,
        "reach": request.reach if employer_side else None,
        "waves_sent": request.waves_sent if employer_side else None,
        "next_wave_at": request.next_wave_at if employer_side else None,
        "alerted": {"pool": len(pool_pa_ids), "nearby": len(alerts) - len(pool_pa_ids)}
        if employer_side
        else None,
        "slots": [slot_view(slot, pool_pa_ids) for slot in slots],
        "created_at": request.created_at,
    }


def booking_view(booking: Booking, *, user: User, acting_ids: set[int]) -> dict:
    """`acting_ids` (employers the viewer acts for) decides the side; the address follows
    `permissions.can_see_address`."""
    employer_side = booking.employer_id in acting_ids
    request = booking.slot.request
    address_shown = can_see_address(user, booking, employer_side=employer_side)
    timesheet = getattr(booking, "timesheet", None)
    cancelled_by = None
    if booking.cancelled_at:
        cancelled_by = "pa" if booking.cancelled_by_id == booking.pa_id else "employer"
    return {
        "id": booking.pk,
        "side": "employer" if employer_side else "pa",
        "request_id": request.pk,
        "slot_id": booking.slot_id,
        "status": booking.status,
        "pa_id": booking.pa_id,
        "pa_name": booking.pa.display_name,
        "employer_id": booking.employer_id if employer_side else None,
        "employer_name": employer_name(booking.employer),
        "district": request.district_id,
        "hourly_pay": request.hourly_pay,
        "address": request.address if address_shown else None,
        "contact_phone": request.contact_phone if address_shown else None,
        "confirmed_at": booking.confirmed_at,
        "cancelled_at": booking.cancelled_at,
        "cancelled_by": cancelled_by,
        "cancel_reason": booking.cancel_reason,
        "late_cancellation": booking.late_cancellation,
        "timesheet": {"id": timesheet.pk, "status": timesheet.status} if timesheet else None,
        **span_fields(booking.starts_at, booking.ends_at),
    }


def timesheet_view(timesheet: Timesheet, *, acting_ids: set[int]) -> dict:
    booking = timesheet.booking
    hours = worked_hours(
        timesheet.started_at, timesheet.ended_at, break_minutes=timesheet.break_minutes
    )
    return {
        "id": timesheet.pk,
        "side": "employer" if booking.employer_id in acting_ids else "pa",
        "booking_id": booking.pk,
        "booked": describe_span(Span(booking.starts_at, booking.ends_at)),
        "pa_name": booking.pa.display_name,
        "employer_name": employer_name(booking.employer),
        "status": timesheet.status,
        "started_at": to_local(timesheet.started_at),
        "ended_at": to_local(timesheet.ended_at),
        "break_minutes": timesheet.break_minutes,
        "hours_worked": float(hours_to_hundredths(hours)),
        "pay_due": pay_for_hours(hours, booking.slot.request.hourly_pay),
        "note": timesheet.note,
        "employer_note": timesheet.employer_note,
        "submitted_at": timesheet.submitted_at,
        "decided_at": timesheet.decided_at,
    }


# What a PA reads about a request


def must_haves_for(request: CoverRequest) -> list[str]:
    """Load `request` with its required language and skills (queries.request_for_pa_page)."""
    lines = []
    if request.required_dbs:
        lines.append(f"A DBS check: {DbsLevel(request.required_dbs).label.lower()} or higher")
    if request.requires_driver:
        lines.append("A driver with their own car")
    if request.required_language_id:
        lines.append(f"Uses {request.required_language.name}")
    if request.required_gender:
        who = "A woman" if request.required_gender == "woman" else "A man"
        lines.append(f"{who}, because the shift includes intimate personal care")
    skills = list(request.required_skills.all())
    if skills:
        lines.append("Can already do: " + ", ".join(skill.name for skill in skills))
    return lines


def place_words(request: CoverRequest) -> str:
    if request.local_authority_id:
        return f"{request.district_id}, {request.local_authority.name}"
    return request.district_id


def reach_words(alert: CoverAlert | None, request: CoverRequest, pa: User) -> str:
    """Why the PA was asked: they are in the employer's pool, or they are near and match."""
    if alert is None:
        return ""
    if alert.from_pool:
        return "From someone whose relief pool you are in"
    miles = alert.miles
    if miles is None and pa.district_id:
        miles = distance_between_districts(request.district, pa.district)
    if miles is None:
        return "Nearby"
    return f"Nearby, {miles_for_display(miles)} from you"


def slot_state_for_pa(
    slot: CoverSlot,
    request: CoverRequest,
    *,
    offer: CoverOffer | None,
    booking: Booking | None,
    now: datetime,
) -> tuple[str, str]:
    """One shift of a request as this PA sees it: a state for the page and its label.
    "open" is the only state in which the PA may offer."""
    if booking is not None:
        return "booked", "You are booked"
    if slot.status == CoverSlot.Status.BOOKED:
        return "covered", "Covered"
    if slot.status == CoverSlot.Status.CANCELLED:
        return "closed", "No longer needed"
    if request.status != CoverRequest.Status.OPEN:
        return "closed", request.get_status_display()
    if slot.starts_at <= now:
        return "closed", "Already started"
    if offer is not None and offer.status == CoverOffer.Status.OFFERED:
        return "offered", "You offered"
    return "open", "Needs cover"


# What the employer side reads: waves, shifts and must-haves in words


@dataclass(frozen=True)
class AlertWave:
    """How many PAs one wave told about a request, and when."""

    wave: int
    from_pool: bool
    count: int
    at: datetime


def pas_in(count: int) -> str:
    return "1 PA" if count == 1 else f"{count} PAs"


def asked_words(waves: list[AlertWave]) -> str:
    """Who has been asked so far: "relief pool (3); 12 PAs nearby, wave 2"."""
    pool = sum(wave.count for wave in waves if wave.from_pool)
    nearby = [wave for wave in waves if not wave.from_pool]
    parts = []
    if pool:
        parts.append(f"relief pool ({pool})")
    if nearby:
        total = sum(wave.count for wave in nearby)
        parts.append(f"{pas_in(total)} nearby, wave {len(nearby)}")
    return "; ".join(parts) if parts else "nobody yet"


def clock_words(instant: datetime, *, now: datetime) -> str:
    """07:02 today, or with the day when it is another day: "Tue 3 Dec, 07:02"."""
    local = to_local(instant)
    if local.date() == to_local(now).date():
        return f"{local:%H:%M}"
    return f"{local:%a %-d %b}, {local:%H:%M}"


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    words: str
    clock: str
    still_to_come: bool = False


def wave_timeline(
    request: CoverRequest, waves: list[AlertWave], *, now: datetime
) -> list[TimelineEntry]:
    """What has happened to the request, and what happens next if nobody offers."""
    entries = [
        TimelineEntry(request.created_at, "Request made", clock_words(request.created_at, now=now))
    ]
    nearby_number = 0
    for wave in waves:
        if wave.from_pool:
            again = " again, after a cancellation" if wave.wave > 0 else ""
            words = f"Relief pool asked{again}: {pas_in(wave.count)}"
        else:
            nearby_number += 1
            words = f"Wave {nearby_number}: {pas_in(wave.count)} nearby asked"
        entries.append(TimelineEntry(wave.at, words, clock_words(wave.at, now=now)))
    if request.status == CoverRequest.Status.OPEN and request.next_wave_at:
        words = (
            "Asking your relief pool"
            if request.waves_sent == 0
            else "Widening to more PAs nearby, unless every shift is covered by then"
        )
        entries.append(
            TimelineEntry(
                request.next_wave_at,
                words,
                clock_words(request.next_wave_at, now=now),
                still_to_come=True,
            )
        )
    return entries


def span_words(starts_at: datetime, ends_at: datetime) -> str:
    """ "Fri 27 Nov, 08:00 to 11:00"; a night says so: "Sat 28 Nov, 22:00 to 07:00 (Sun),
    overnight"."""
    words = describe_span(Span(starts_at, ends_at))
    if to_local(starts_at).date() != to_local(ends_at).date():
        words += ", overnight"
    return words


def slot_words(slot: CoverSlot | Booking) -> str:
    return span_words(slot.starts_at, slot.ends_at)


def must_have_words(request: CoverRequest) -> list[str]:
    """The request's must-haves as the employer checks them (with their own reason for a
    gender requirement), in the one wording `matching.must_haves` keeps; empty when anyone
    suitable will do."""
    must_haves = MustHaves(
        dbs_rank=request.required_dbs_rank,
        requires_driver=request.requires_driver,
        languages=(request.required_language.name,) if request.required_language_id else (),
        gender=request.required_gender,
        gender_reason=request.gender_reason,
        skills=tuple(skill.name for skill in request.required_skills.all()),
        work="shift",
    )
    return must_haves_in_words(must_haves, wording=Wording.CHECKLIST)
