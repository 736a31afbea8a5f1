"""Asking for cover and withdrawing the ask: every rule a request must meet is checked here,
whichever way it arrives (the page's form, the API), so they all behave the same."""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.cover.errors import CoverError
from pahub.cover.models import Booking, CoverRequest, CoverSlot
from pahub.cover.services.after_commit import enqueue_after_commit
from pahub.cover.services.bookings import cancel_booking_unchecked
from pahub.cover.times import LocalTimeError, span_from_local
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import helping_organisation
from pahub.employers.wages import minimum_pay_on
from pahub.matching.must_haves import DBS_CHECKS
from pahub.rules.queries import Requirements, requirements_for, requirements_for_many
from pahub.taxonomy.dbs import DbsLevel, dbs_rank
from pahub.taxonomy.models import Language, Skill

MAX_SLOTS = 14
LONGEST_SHIFT = timedelta(hours=24)


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
    # The employer says the cover includes intimate personal care: the only case where a
    # woman or a man may be required (Equality Act 2010, Schedule 9).
    includes_intimate_care: bool = False
    gender_reason: str = ""
    # Paid from a direct payment from the employer's council, so its local rules for such
    # work apply (`pahub.rules`).
    paid_by_direct_payment: bool = False


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


GENDERS = ("woman", "man")


def check_must_haves(data: RequestInput) -> None:
    if data.required_dbs not in {value for value, _ in DbsLevel.choices}:
        raise CoverError("Choose a DBS level from the list.", "required_dbs")
    check_gender(data)


def check_local_rules(data: RequestInput, requirements: Requirements) -> None:
    """The employer's council's local rules: a lower DBS check than they ask is refused, with
    the council's reason, by the question (the job builder's rule, for cover shifts)."""
    needed = requirements.dbs
    if needed is not None and dbs_rank(data.required_dbs) < needed.rank:
        raise CoverError(
            f"{needed.reason}: choose {DBS_CHECKS.get(needed.rank, 'a DBS check')} or higher. "
            f"{needed.explanation}",
            "required_dbs",
        )


def check_gender(data: RequestInput) -> None:
    """A woman or a man may be required only where the cover includes intimate personal care,
    and the employer says why in words. The reason is checked first: it is what the API sends."""
    if not data.required_gender:
        return
    if data.required_gender not in GENDERS:
        raise CoverError("Choose a woman, a man, or no requirement.", "required_gender")
    if not data.gender_reason.strip():
        raise CoverError(
            "Say in your own words why the shift needs a woman or a man, for example help "
            "with washing and using the toilet. This is only lawful when the shift includes "
            "intimate personal care.",
            "gender_reason",
        )
    if not data.includes_intimate_care:
        raise CoverError(
            "You can only ask for a woman or a man if the shift includes intimate personal "
            "care. Say that it does, or choose no.",
            "includes_intimate_care",
        )


def skills_for_codes(codes: Sequence[str], field: str) -> list[Skill]:
    """Every code must name an active skill in the taxonomy; the first unknown one is named,
    rather than dropped, so the employer never posts a request missing what they asked for."""
    skills = {skill.code: skill for skill in Skill.objects.filter(code__in=codes, is_active=True)}
    unknown = [code for code in codes if code not in skills]
    if unknown:
        raise CoverError(
            f"Unknown skill code: {unknown[0]}. Use codes from /taxonomy/skills.", field
        )
    return list(skills.values())


def check_pay(pay: Decimal, *, on: date) -> None:
    minimum = minimum_pay_on(on)
    if minimum is not None and pay < minimum.hourly_rate:
        raise CoverError(
            f"Pay must be at least £{minimum.hourly_rate} an hour. {minimum.explain()}",
            "hourly_pay",
        )


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
    requirements = requirements_for(profile.local_authority_id, data.paid_by_direct_payment)
    check_local_rules(data, requirements)
    tasks = skills_for_codes(data.task_codes, "tasks")
    required_skills = skills_for_codes(data.required_skill_codes, "required_skills")
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
        required_dbs_rank=dbs_rank(data.required_dbs),
        paid_by_direct_payment=data.paid_by_direct_payment,
        required_level=requirements.min_level,
        requires_driver=data.requires_driver,
        required_language=language,
        required_gender=data.required_gender,
        gender_reason=data.gender_reason.strip() if data.required_gender else "",
        pool_wait_minutes=data.pool_wait_minutes,
        auto_confirm_pool=data.auto_confirm_pool,
        district=profile.district,
        local_authority=profile.local_authority,
    )
    request.tasks.set(tasks)
    request.required_skills.set(required_skills)
    CoverSlot.objects.bulk_create(
        CoverSlot(request=request, starts_at=starts, ends_at=ends) for starts, ends in spans
    )
    audit.record(by, "cover.request_created", request, slots=len(spans), for_employer=employer.pk)
    enqueue_after_commit("send_next_wave", request_id=request.pk)
    return request


@transaction.atomic
def cover_request_cancel(*, request: CoverRequest, by: User, reason: str) -> CoverRequest:
    """Withdraw the whole request; confirmed bookings of shifts not yet over are cancelled with
    the same reason."""
    if request.status in (CoverRequest.Status.CANCELLED, CoverRequest.Status.EXPIRED):
        raise CoverError("This request has already ended.")
    if not reason.strip():
        raise CoverError("Say why you are cancelling, so the PAs know.", "reason")
    # A shift that has finished went ahead: its booking (and the hours owed) stays.
    still_to_come = Booking.objects.filter(
        slot__request=request, status=Booking.Status.CONFIRMED, ends_at__gt=timezone.now()
    )
    for booking in still_to_come:
        cancel_booking_unchecked(booking=booking, by=by, reason=reason, reopen=False)
    request.slots.filter(status=CoverSlot.Status.OPEN).update(status=CoverSlot.Status.CANCELLED)
    request.status = CoverRequest.Status.CANCELLED
    request.next_wave_at = None
    request.save(update_fields=["status", "next_wave_at"])
    audit.record(by, "cover.request_cancelled", request, reason=reason.strip())
    return request


def follow_council_rules(*, council_id: str, by: User | None) -> None:
    """Keep the council's employers' open cover requests in step with its rules, as jobs are
    (`jobs.local_rules`): raise a lower DBS check, set the minimum level. Waves not yet sent
    then ask only PAs who meet them."""
    open_requests = list(
        CoverRequest.objects.select_for_update().filter(
            status=CoverRequest.Status.OPEN, local_authority_id=council_id
        )
    )
    requirements = requirements_for_many(
        {(council_id, cover_request.paid_by_direct_payment) for cover_request in open_requests}
    )
    for cover_request in open_requests:
        needed = requirements[(council_id, cover_request.paid_by_direct_payment)]
        fields = []
        if needed.dbs and cover_request.required_dbs_rank < needed.dbs.rank:
            cover_request.required_dbs = needed.dbs.dbs_level
            cover_request.required_dbs_rank = needed.dbs.rank
            fields += ["required_dbs", "required_dbs_rank"]
        if cover_request.required_level != needed.min_level:
            cover_request.required_level = needed.min_level
            fields.append("required_level")
        if fields:
            cover_request.save(update_fields=fields)
            audit.record(
                by, "cover.local_rules_applied", cover_request, council=council_id, fields=fields
            )
