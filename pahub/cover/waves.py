"""Who hears about a cover request, and when: the relief pool first, then widening waves of
matching, available PAs nearby, nearest and best first, until it is covered or the shift starts.

Wave 0 is the relief pool. If nobody takes a shift within the employer's chosen wait, each
later wave alerts the next `WAVE_SIZE` best PAs from the matching engine who are free then:
their weekly grid covers part of an open shift and they hold no booking that overlaps it.
"Everyone now" (a wait of 0) sends the pool and a double-size first wave together.

`wave_send` is idempotent: it does nothing before `next_wave_at`, so a duplicate task or the
safety-net sweep (`manage.py run_periodic send_cover_waves`) can never send a wave early or twice.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from pahub.cover import notifications
from pahub.cover.models import Booking, CoverAlert, CoverOffer, CoverRequest, CoverSlot
from pahub.cover.times import LONDON
from pahub.matching import candidates
from pahub.matching.engine import rank_profiles, taxonomy_names
from pahub.matching.scoring import JobNeeds
from pahub.register.availability import PARTS
from pahub.register.models import PAProfile

WAVE_SIZE = 20
WAVE_INTERVAL = timedelta(minutes=15)
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


def pool_wave_pa_ids(request: CoverRequest, slots: list[CoverSlot]) -> list[int]:
    from pahub.cover.services import active_pool_pa_ids

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


@dataclass
class WaveResult:
    pool: list[int]
    nearby: list[int]
    next_wave_at: datetime | None
    status: str

    def as_dict(self) -> dict:
        return {
            "pool_alerted": len(self.pool),
            "nearby_alerted": len(self.nearby),
            "next_wave_at": self.next_wave_at.isoformat() if self.next_wave_at else None,
            "status": self.status,
        }


def wave_send(*, request_id: int, now: datetime | None = None) -> dict:
    """Send the request's next wave if it is due; schedule the one after."""
    now = now or timezone.now()
    with transaction.atomic():
        result = _wave_in_transaction(request_id, now)
    return result.as_dict()


def _wave_in_transaction(request_id: int, now: datetime) -> WaveResult:
    requests = CoverRequest.objects.select_related("district", "employer")
    request = requests.select_for_update(of=("self",)).get(pk=request_id)
    if request.status != CoverRequest.Status.OPEN:
        return WaveResult([], [], None, request.status)
    slots = list(request.slots.filter(status=CoverSlot.Status.OPEN, starts_at__gt=now))
    if not slots:
        return _close_when_nothing_left(request)
    if request.next_wave_at and request.next_wave_at > now:
        return WaveResult([], [], request.next_wave_at, "not due yet")

    pool, nearby = [], []
    first_wave = request.waves_sent == 0
    if first_wave:
        pool = pool_wave_pa_ids(request, slots)
        # Recorded before the nearby wave is chosen, so nobody is alerted twice.
        _record_alerts(request, pool, from_pool=True, wave=0, now=now)
    widen = not first_wave or request.pool_wait_minutes == 0 or not pool
    if widen:
        size = WAVE_SIZE * 2 if first_wave else WAVE_SIZE
        nearby = nearby_wave_pa_ids(request, slots, size=size, now=now)
        if not first_wave and not _offers_waiting(request):
            transaction.on_commit(
                lambda: notifications.nobody_yet.enqueue(
                    request_id=request.pk, widening_to=f"{len(nearby)} more PAs nearby"
                )
            )
    _record_alerts(request, nearby, from_pool=False, wave=request.waves_sent, now=now)

    wait = (
        timedelta(minutes=request.pool_wait_minutes) if first_wave and not widen else WAVE_INTERVAL
    )
    earliest_start = min(slot.starts_at for slot in slots)
    request.next_wave_at = min(now + wait, earliest_start)
    request.waves_sent += 1
    if nearby:
        request.reach = CoverRequest.Reach.NEARBY
    request.save(update_fields=["next_wave_at", "waves_sent", "reach"])
    transaction.on_commit(lambda: _after_wave(request, pool, nearby))
    return WaveResult(pool, nearby, request.next_wave_at, "sent")


def _offers_waiting(request: CoverRequest) -> bool:
    return CoverOffer.objects.filter(
        slot__request=request, status=CoverOffer.Status.OFFERED
    ).exists()


def _close_when_nothing_left(request: CoverRequest) -> WaveResult:
    """No open shift is still to come: covered if every shift is booked, else too late."""
    if request.slots.filter(status=CoverSlot.Status.OPEN).exists():
        request.status = CoverRequest.Status.EXPIRED
    elif request.slots.filter(status=CoverSlot.Status.BOOKED).exists():
        request.status = CoverRequest.Status.COVERED
    else:
        request.status = CoverRequest.Status.EXPIRED
    request.next_wave_at = None
    request.save(update_fields=["status", "next_wave_at"])
    return WaveResult([], [], None, request.status)


def _record_alerts(request, pa_ids: list[int], *, from_pool: bool, wave: int, now) -> None:
    CoverAlert.objects.bulk_create(
        [
            CoverAlert(request=request, pa_id=pa_id, wave=wave, from_pool=from_pool, created_at=now)
            for pa_id in pa_ids
        ],
        ignore_conflicts=True,
    )


def _after_wave(request: CoverRequest, pool: list[int], nearby: list[int]) -> None:
    if pool:
        notifications.alert_pas(request, pool, from_pool=True)
    if nearby:
        notifications.alert_pas(request, nearby, from_pool=False)
    schedule_next_wave(request)


def schedule_next_wave(request: CoverRequest) -> None:
    """Queue the next wave for when it is due, where the task backend can wait; elsewhere the
    sweep (`manage.py run_periodic send_cover_waves`, run every minute) sends it."""
    task = notifications.send_next_wave
    if request.next_wave_at is None or not task.get_backend().supports_defer:
        return
    task.using(run_after=request.next_wave_at).enqueue(request_id=request.pk)


def wave_restart(*, request_id: int, cancelled_pa_id: int | None, now=None) -> dict:
    """After a cancellation re-opens a shift: ask the relief pool again at once (everyone but
    the PA who cancelled), then widen as for a new request if nobody takes it."""
    now = now or timezone.now()
    with transaction.atomic():
        request = (
            CoverRequest.objects.select_related("district", "employer")
            .select_for_update(of=("self",))
            .get(pk=request_id)
        )
        if request.status != CoverRequest.Status.OPEN:
            return WaveResult([], [], None, request.status).as_dict()
        slots = list(request.slots.filter(status=CoverSlot.Status.OPEN, starts_at__gt=now))
        if not slots:
            return _close_when_nothing_left(request).as_dict()
        CoverAlert.objects.filter(request=request, from_pool=True).exclude(
            pa_id=cancelled_pa_id
        ).delete()
        pool = [pa for pa in pool_wave_pa_ids(request, slots) if pa != cancelled_pa_id]
        _record_alerts(request, pool, from_pool=True, wave=request.waves_sent, now=now)
        wait = timedelta(minutes=request.pool_wait_minutes) or WAVE_INTERVAL
        request.next_wave_at = min(now + wait, min(slot.starts_at for slot in slots))
        request.waves_sent = max(request.waves_sent, 1)
        request.save(update_fields=["next_wave_at", "waves_sent"])
        transaction.on_commit(lambda: _after_wave(request, pool, []))
    return WaveResult(pool, [], request.next_wave_at, "pool asked again").as_dict()


def due_request_ids(now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        CoverRequest.objects.filter(
            status=CoverRequest.Status.OPEN, next_wave_at__lte=now
        ).values_list("pk", flat=True)
    )
