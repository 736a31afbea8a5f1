"""Every change to cover: relief pools, requests, offers, cancellations and timesheets.

One function per action, keyword-only, in a transaction, audited. Views, the API and tasks
call these; none of them saves a cover row themselves. Notifications are queued after commit
(`pahub.cover.notifications`), so a slow mail server never slows a page and a rolled-back
change never tells anyone anything.
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import Role, User
from pahub.core import audit
from pahub.cover import notifications
from pahub.cover.booking import booking_is_late_cancellation, pa_has_booking_overlapping
from pahub.cover.models import (
    Booking,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
    Timesheet,
)
from pahub.cover.times import LocalTimeError, span_from_local
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import helping_organisation
from pahub.employers.wages import minimum_pay_on
from pahub.jobs.models import DbsLevel
from pahub.register.models import Evidence, Language, Skill

MAX_SLOTS = 14
LONGEST_SHIFT = timedelta(hours=24)


class CoverError(Exception):
    """A rule a person broke, with the field it belongs to (or "" for the whole form)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# Relief pool


@transaction.atomic
def pool_invite(*, employer: User, pa: User, by: User) -> ReliefPoolMember:
    if not pa.has_role(Role.PA):
        raise CoverError("Only people registered as PAs can join a relief pool.")
    live = ReliefPoolMember.objects.filter(
        employer=employer,
        pa=pa,
        status__in=[ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE],
    ).first()
    if live is not None:
        return live
    member = ReliefPoolMember.objects.create(employer=employer, pa=pa, invited_by=by)
    audit.record(by, "cover.pool_invited", member, pa=pa.pk)
    transaction.on_commit(lambda: notifications.pool_invitation.enqueue(member_id=member.pk))
    return member


@transaction.atomic
def pool_respond(*, member: ReliefPoolMember, accept: bool, by: User) -> ReliefPoolMember:
    if member.status != ReliefPoolMember.Status.INVITED:
        raise CoverError("This invitation has already been answered.")
    member.status = ReliefPoolMember.Status.ACTIVE if accept else ReliefPoolMember.Status.DECLINED
    member.responded_at = timezone.now()
    member.save(update_fields=["status", "responded_at"])
    audit.record(by, "cover.pool_joined" if accept else "cover.pool_declined", member)
    return member


@transaction.atomic
def pool_leave(*, member: ReliefPoolMember, by: User) -> ReliefPoolMember:
    """The PA leaves, or the employer side removes them; either way they are no longer asked."""
    if member.status not in (ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE):
        raise CoverError("This person is not in the relief pool.")
    member.status = ReliefPoolMember.Status.LEFT
    member.responded_at = timezone.now()
    member.save(update_fields=["status", "responded_at"])
    audit.record(by, "cover.pool_left", member)
    return member


def active_pool_pa_ids(employer: User) -> list[int]:
    return list(
        ReliefPoolMember.objects.filter(
            employer=employer, status=ReliefPoolMember.Status.ACTIVE
        ).values_list("pa_id", flat=True)
    )


# Requests


@dataclass(frozen=True)
class SlotInput:
    day: date
    start: time
    end: time


@dataclass(frozen=True)
class RequestInput:
    slots: Sequence[SlotInput]
    address: str
    hourly_pay: Decimal
    pool_wait_minutes: int
    task_codes: Sequence[str] = ()
    note: str = ""
    contact_phone: str = ""
    auto_confirm_pool: bool = False
    required_dbs: str = ""
    requires_driver: bool = False
    required_language_code: str = ""
    required_skill_codes: Sequence[str] = ()
    required_gender: str = ""
    gender_reason: str = ""


WAIT_CHOICES = (
    (0, "Nobody: ask everyone suitable now (an emergency)"),
    (30, "30 minutes"),
    (120, "2 hours"),
    (720, "12 hours"),
)


def check_slots(slots: Sequence[SlotInput], *, now: datetime) -> list[tuple[datetime, datetime]]:
    """Real instants for each slot, or a CoverError naming what is wrong."""
    if not slots:
        raise CoverError("Add at least one shift that needs cover.", "slots")
    if len(slots) > MAX_SLOTS:
        raise CoverError(f"Ask for at most {MAX_SLOTS} shifts at once.", "slots")
    spans = []
    for number, slot in enumerate(slots, start=1):
        try:
            span = span_from_local(slot.day, slot.start, slot.end)
        except LocalTimeError as error:
            raise CoverError(f"Shift {number}: {error}", "slots") from error
        if span.starts_at <= now:
            raise CoverError(f"Shift {number} has already started. Choose a later time.", "slots")
        if span.length > LONGEST_SHIFT:
            raise CoverError(f"Shift {number} is longer than 24 hours.", "slots")
        spans.append((span.starts_at, span.ends_at))
    ordered = sorted(spans)
    for (_, first_end), (second_start, _) in itertools.pairwise(ordered):
        if second_start < first_end:
            raise CoverError("Two of the shifts overlap. Make each shift separate.", "slots")
    return spans


def check_must_haves(data: RequestInput) -> None:
    if data.required_dbs not in {value for value, _ in DbsLevel.choices}:
        raise CoverError("Choose a DBS level from the list.", "required_dbs")
    if data.required_gender and not data.gender_reason.strip():
        raise CoverError(
            "Say why the PA must be a woman or a man. This is only lawful when the shift "
            "includes intimate personal care.",
            "gender_reason",
        )


def check_pay(pay: Decimal, *, on: date) -> None:
    minimum = minimum_pay_on(on)
    if minimum is not None and pay < minimum.hourly_rate:
        raise CoverError(
            f"Pay must be at least £{minimum.hourly_rate} an hour. {minimum.explain()}",
            "hourly_pay",
        )


def author_role_for(by: User, employer: User) -> str:
    if by.pk == employer.pk:
        return "employer"
    return "staff" if helping_organisation(by, employer) else "representative"


@transaction.atomic
def cover_request_create(*, employer: User, by: User, data: RequestInput) -> CoverRequest:
    """Check everything, save the request and its slots, and send the first wave at once."""
    profile = EmployerProfile.objects.filter(user=employer).first()
    if profile is None:
        raise CoverError("Set up the employer profile first: cover goes to PAs near its district.")
    if not data.address.strip():
        raise CoverError("Enter the address where the PA should come.", "address")
    spans = check_slots(data.slots, now=timezone.now())
    check_pay(data.hourly_pay, on=timezone.localtime(min(spans)[0]).date())
    check_must_haves(data)
    if data.pool_wait_minutes not in {minutes for minutes, _ in WAIT_CHOICES}:
        raise CoverError("Choose how long your relief pool has first.", "pool_wait_minutes")
    language = None
    if data.required_language_code:
        language = Language.objects.filter(code=data.required_language_code).first()
        if language is None:
            raise CoverError("Choose a language from the list.", "required_language")
    request = CoverRequest.objects.create(
        employer=employer,
        created_by=by,
        created_by_organisation=helping_organisation(by, employer),
        note=data.note.strip(),
        address=data.address.strip(),
        contact_phone=data.contact_phone.strip(),
        hourly_pay=data.hourly_pay,
        required_dbs=data.required_dbs,
        required_dbs_rank=Evidence.DBS_RANKS.get(data.required_dbs, 0),
        requires_driver=data.requires_driver,
        required_language=language,
        required_gender=data.required_gender,
        gender_reason=data.gender_reason.strip() if data.required_gender else "",
        pool_wait_minutes=data.pool_wait_minutes,
        auto_confirm_pool=data.auto_confirm_pool,
        district=profile.district,
        local_authority=profile.local_authority,
    )
    request.tasks.set(Skill.objects.filter(code__in=data.task_codes))
    request.required_skills.set(Skill.objects.filter(code__in=data.required_skill_codes))
    CoverSlot.objects.bulk_create(
        CoverSlot(request=request, starts_at=starts, ends_at=ends) for starts, ends in spans
    )
    audit.record(by, "cover.request_created", request, slots=len(spans), for_employer=employer.pk)
    transaction.on_commit(lambda: notifications.send_next_wave.enqueue(request_id=request.pk))
    return request


@transaction.atomic
def cover_request_cancel(*, request: CoverRequest, by: User, reason: str) -> CoverRequest:
    """Withdraw the whole request; confirmed bookings are cancelled with the same reason."""
    if request.status in (CoverRequest.Status.CANCELLED, CoverRequest.Status.EXPIRED):
        raise CoverError("This request has already ended.")
    if not reason.strip():
        raise CoverError("Say why you are cancelling, so the PAs know.", "reason")
    for booking in Booking.objects.filter(slot__request=request, status=Booking.Status.CONFIRMED):
        _cancel_booking(booking=booking, by=by, reason=reason, reopen=False)
    request.slots.filter(status=CoverSlot.Status.OPEN).update(status=CoverSlot.Status.CANCELLED)
    request.status = CoverRequest.Status.CANCELLED
    request.next_wave_at = None
    request.save(update_fields=["status", "next_wave_at"])
    audit.record(by, "cover.request_cancelled", request, reason=reason.strip())
    return request


# Offers


def may_see_request(pa: User, request: CoverRequest) -> bool:
    """A PA sees a request once alerted to it (the pool first, then nearby matches)."""
    return CoverAlert.objects.filter(request=request, pa=pa).exists()


@transaction.atomic
def offer_make(*, slot: CoverSlot, pa: User, message: str = "") -> CoverOffer:
    """A PA offers to take a slot; pool members may be confirmed at once (auto-confirm)."""
    request = slot.request
    if not may_see_request(pa, request):
        raise CoverError("This request was not sent to you.")
    if request.status != CoverRequest.Status.OPEN or slot.status != CoverSlot.Status.OPEN:
        raise CoverError("Someone else just took this slot. It is no longer available.")
    if slot.starts_at <= timezone.now():
        raise CoverError("This shift has already started.")
    if pa_has_booking_overlapping(pa.pk, slot.starts_at, slot.ends_at):
        raise CoverError("You already have a booking at this time.")
    offer, created = CoverOffer.objects.get_or_create(
        slot=slot, pa=pa, defaults={"message": message.strip()[:500]}
    )
    if not created:
        if offer.status == CoverOffer.Status.OFFERED:
            raise CoverError("You have already offered to take this shift.")
        offer.status = CoverOffer.Status.OFFERED
        offer.message = message.strip()[:500]
        offer.save(update_fields=["status", "message"])
    audit.record(pa, "cover.offer_made", offer, slot=slot.pk)
    from_pool = pa.pk in active_pool_pa_ids(request.employer)
    if request.auto_confirm_pool and from_pool:
        transaction.on_commit(lambda: notifications.auto_confirm.enqueue(offer_id=offer.pk))
    else:
        transaction.on_commit(lambda: notifications.offer_received.enqueue(offer_id=offer.pk))
    return offer


@transaction.atomic
def offer_withdraw(*, offer: CoverOffer, by: User) -> CoverOffer:
    if offer.status != CoverOffer.Status.OFFERED:
        raise CoverError("Only an offer that is still waiting can be withdrawn.")
    offer.status = CoverOffer.Status.WITHDRAWN
    offer.save(update_fields=["status"])
    audit.record(by, "cover.offer_withdrawn", offer)
    return offer


# Cancellations


@transaction.atomic
def booking_cancel(*, booking: Booking, by: User, reason: str) -> Booking:
    """Either side cancels; the slot re-opens and the relief pool is asked again."""
    if booking.status != Booking.Status.CONFIRMED:
        raise CoverError("This booking has already been cancelled.")
    if not reason.strip():
        raise CoverError("Say why you are cancelling.", "reason")
    if booking.ends_at <= timezone.now():
        raise CoverError("This shift has already finished, so it cannot be cancelled.")
    return _cancel_booking(booking=booking, by=by, reason=reason, reopen=True)


def _cancel_booking(*, booking: Booking, by: User, reason: str, reopen: bool) -> Booking:
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_by = by
    booking.cancelled_at = timezone.now()
    booking.cancel_reason = reason.strip()
    booking.late_cancellation = booking_is_late_cancellation(booking)
    booking.save(
        update_fields=[
            "status",
            "cancelled_by",
            "cancelled_at",
            "cancel_reason",
            "late_cancellation",
        ]
    )
    audit.record(by, "cover.booking_cancelled", booking, late=booking.late_cancellation)
    slot = booking.slot
    request = slot.request
    if reopen and slot.starts_at > timezone.now():
        slot.status = CoverSlot.Status.OPEN
        slot.save(update_fields=["status"])
        # Offers made before stay withdrawn-by-events: the PA who cancelled cannot be
        # confirmed again by accident, others may offer again.
        CoverOffer.objects.filter(slot=slot, status=CoverOffer.Status.NOT_NEEDED).update(
            status=CoverOffer.Status.WITHDRAWN
        )
        if booking.offer_id:
            CoverOffer.objects.filter(pk=booking.offer_id).update(
                status=CoverOffer.Status.WITHDRAWN
            )
        request.status = CoverRequest.Status.OPEN
        request.save(update_fields=["status"])
        transaction.on_commit(
            lambda: notifications.reopened.enqueue(
                request_id=request.pk, cancelled_pa_id=booking.pa_id
            )
        )
    transaction.on_commit(lambda: notifications.booking_cancelled.enqueue(booking_id=booking.pk))
    return booking


# Timesheets


@dataclass(frozen=True)
class HoursInput:
    day: date
    start: time
    end: time
    break_minutes: int = 0
    note: str = ""


@transaction.atomic
def timesheet_submit(*, booking: Booking, by: User, hours: HoursInput) -> Timesheet:
    """The PA records the hours actually worked, after the shift has started."""
    if booking.status != Booking.Status.CONFIRMED:
        raise CoverError("Hours can only be recorded for a booking that went ahead.")
    if booking.starts_at > timezone.now():
        raise CoverError("You can record hours once the shift has started.")
    try:
        span = span_from_local(hours.day, hours.start, hours.end)
    except LocalTimeError as error:
        raise CoverError(str(error), "start") from error
    if span.length > LONGEST_SHIFT:
        raise CoverError("A shift cannot be longer than 24 hours.", "end")
    if not 0 <= hours.break_minutes < span.length.total_seconds() / 60:
        raise CoverError("Breaks must be shorter than the time worked.", "break_minutes")
    existing = Timesheet.objects.filter(booking=booking).first()
    if existing and existing.status == Timesheet.Status.APPROVED:
        raise CoverError("These hours were approved already, so they cannot change.")
    timesheet, _ = Timesheet.objects.update_or_create(
        booking=booking,
        defaults={
            "started_at": span.starts_at,
            "ended_at": span.ends_at,
            "break_minutes": hours.break_minutes,
            "note": hours.note.strip()[:500],
            "status": Timesheet.Status.SUBMITTED,
            "submitted_at": timezone.now(),
            "employer_note": "",
        },
    )
    audit.record(by, "cover.hours_recorded", timesheet)
    transaction.on_commit(lambda: notifications.hours_submitted.enqueue(timesheet_id=timesheet.pk))
    return timesheet


@transaction.atomic
def timesheet_decide(*, timesheet: Timesheet, by: User, approve: bool, note: str = "") -> Timesheet:
    if timesheet.status == Timesheet.Status.APPROVED:
        raise CoverError("These hours were approved already.")
    if not approve and not note.strip():
        raise CoverError("Say what you are querying, so the PA can put it right.", "note")
    timesheet.status = Timesheet.Status.APPROVED if approve else Timesheet.Status.QUERIED
    timesheet.employer_note = note.strip()[:500]
    timesheet.decided_by = by
    timesheet.decided_at = timezone.now()
    timesheet.save(update_fields=["status", "employer_note", "decided_by", "decided_at"])
    audit.record(by, "cover.hours_approved" if approve else "cover.hours_queried", timesheet)
    transaction.on_commit(lambda: notifications.hours_decided.enqueue(timesheet_id=timesheet.pk))
    return timesheet
