"""Who hears about a cover request: the relief pool first, then widening waves of matching,
available PAs nearby, nearest and best first. Selection only: this module reads and returns
PAs; sending a wave (recording the alerts, scheduling the next) is `services.wave_send`.

Wave 0 is the relief pool. If nobody takes a shift within the employer's chosen wait, each
later wave alerts the next `WAVE_SIZE` best PAs from the matching engine who are free then:
their weekly grid covers part of an open shift and they hold no booking that overlaps it.
"Everyone now" (a wait of 0) sends the pool and a double-size first wave together.
"""

from datetime import datetime, timedelta

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from pahub.accounts.models import User
from pahub.cover.models import Booking, CoverAlert, CoverRequest, CoverSlot, ReliefPoolMember
from pahub.cover.times import LONDON
from pahub.matching import candidates
from pahub.matching.engine import rank_profiles, taxonomy_names
from pahub.matching.scoring import JobNeeds
from pahub.register.availability import PARTS
from pahub.register.models import PAProfile
from pahub.rules.queries import requirements_for

WAVE_SIZE = 20
PART_INDEX = {key: index for index, (key, _, _) in enumerate(PARTS)}


def parts_for_hour(hour: int) -> tuple[str, ...]:
    """Which parts of the weekly grid an hour of the clock falls in; nights are both kinds."""
    if 6 <= hour < 9:
        return ("early",)
    if 9 <= hour < 12:
        return ("morning",)
    if 12 <= hour < 17:
        return ("afternoon",)
    if 17 <= hour < 22:
        return ("evening",)
    return ("night", "sleep_in")


def grid_for_shift(starts_at: datetime, ends_at: datetime) -> int:
    """The weekly-grid bits a shift touches, in London time. Hours after midnight and before
    6am belong to the night that began the evening before, as PAs fill in their grid."""
    mask = 0
    moment = starts_at.astimezone(LONDON).replace(minute=0, second=0, microsecond=0)
    end = ends_at.astimezone(LONDON)
    while moment < end:
        day = moment.weekday()
        if moment.hour < 6:
            day = (day - 1) % 7
        for part in parts_for_hour(moment.hour):
            mask |= 1 << (day * len(PARTS) + PART_INDEX[part])
        moment += timedelta(hours=1)
    return mask


def request_needs(request: CoverRequest, slots: list[CoverSlot]) -> JobNeeds:
    """The request as the matching engine's "job": its place, must-haves, tasks and times."""
    names = taxonomy_names()
    grid = 0
    for slot in slots:
        grid |= grid_for_shift(slot.starts_at, slot.ends_at)
    hours = sum((slot.ends_at - slot.starts_at).total_seconds() for slot in slots) / 3600
    district = request.district
    language = request.required_language_id
    return JobNeeds(
        hours_grid=grid,
        hours_per_week=hours,
        district=district.outcode,
        latitude=district.latitude,
        longitude=district.longitude,
        required_dbs_rank=request.required_dbs_rank,
        requires_driver=request.requires_driver,
        required_language_ids=frozenset([language] if language else []),
        required_gender=request.required_gender,
        required_skill_ids=frozenset(request.required_skills.values_list("pk", flat=True)),
        min_level=request.required_level,
        rule_reasons=requirements_for(
            request.local_authority_id, request.paid_by_direct_payment
        ).reasons_for(dbs_rank=request.required_dbs_rank, level=request.required_level),
        task_ids=frozenset(request.tasks.values_list("pk", flat=True)),
        skill_names=names.skills,
        interest_names=names.interests,
        language_names=names.languages,
    )


def free_for_some_slot(profiles: QuerySet[PAProfile], slots: list[CoverSlot]) -> QuerySet:
    """Free by their weekly grid for at least one open shift, with no booking overlapping it."""
    condition = Q(pk__in=[])
    for slot in slots:
        busy = Booking.objects.filter(
            pa_id=OuterRef("user_id"),
            status=Booking.Status.CONFIRMED,
            starts_at__lt=slot.ends_at,
            ends_at__gt=slot.starts_at,
        )
        grid = grid_for_shift(slot.starts_at, slot.ends_at)
        condition |= Q(~Q(**{f"free_{slot.pk}": 0}) & ~Exists(busy))
        profiles = profiles.alias(**{f"free_{slot.pk}": F("availability").bitand(grid)})
    return profiles.filter(condition)


def nearby_wave_pa_ids(
    request: CoverRequest, slots: list[CoverSlot], *, size: int, now
) -> list[int]:
    """The next `size` best PAs not yet alerted: visible to the employer, meeting every
    must-have, within their own travel distance, wanting cover work and free then."""
    needs = request_needs(request, slots)
    reach = candidates.reach_of(needs)
    if reach.centre is None:
        return []
    profiles = candidates.candidate_profiles(
        needs, reach, viewers=(request.employer,), exclude_user_id=request.employer_id
    )
    profiles = profiles.filter(
        work_wanted__in=[PAProfile.WorkWanted.COVER, PAProfile.WorkWanted.BOTH]
    )
    profiles = profiles.exclude(user__cover_alerts__request=request)
    profiles = free_for_some_slot(profiles, slots)
    ranked = rank_profiles(needs, profiles, reach, limit=size, now=now)
    return [result.profile.user_id for result in ranked]


def active_pool_pa_ids(employer: User) -> list[int]:
    return list(
        ReliefPoolMember.objects.filter(
            employer=employer, status=ReliefPoolMember.Status.ACTIVE
        ).values_list("pa_id", flat=True)
    )


def pool_wave_pa_ids(request: CoverRequest, slots: list[CoverSlot]) -> list[int]:
    pool = active_pool_pa_ids(request.employer)
    already = set(CoverAlert.objects.filter(request=request).values_list("pa_id", flat=True))
    free = []
    for pa_id in pool:
        if pa_id in already:
            continue
        if all(
            Booking.objects.filter(
                pa_id=pa_id,
                status=Booking.Status.CONFIRMED,
                starts_at__lt=slot.ends_at,
                ends_at__gt=slot.starts_at,
            ).exists()
            for slot in slots
        ):
            continue
        free.append(pa_id)
    return free
