"""Sending a cover request's waves of alerts, and a PA opening an alert.

`waves` chooses who hears; these functions record the alerts, move the request on and queue the
emails and the next wave after commit.

`wave_send` is idempotent: it does nothing before `next_wave_at`, so a duplicate task or the
safety-net sweep (`manage.py run_periodic send_cover_waves`) can never send a wave early or twice.

Telling is a step of its own after the wave's commit: it emails and notices exactly the alerts
not yet told, then marks them told (`CoverAlert.told_at`). A wave task whose worker died between
the commit and that mark is run again (ADR 7); the wave is no longer due, so the run tells the
alerts left untold instead, and the task keys (pahub/core/task_effects.py) stop it repeating
what the first run had recorded.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.cover import emails
from pahub.cover.models import CoverAlert, CoverOffer, CoverRequest, CoverSlot
from pahub.cover.services.after_commit import enqueue_after_commit, task_named
from pahub.cover.waves import WAVE_SIZE, nearby_wave_pa_ids, pool_wave_pa_ids

WAVE_INTERVAL = timedelta(minutes=15)


def untold_for_long() -> timedelta:
    """How long an alert stays untold before a run that finds its wave already sent tells it.
    A live run tells its alerts moments after its commit; a dead run's task is run again only
    once its lease (renewed every quarter) has run out. Half a lease lies between the two, so a
    sweep racing a live run never tells the live run's alerts as well."""
    return timedelta(seconds=settings.TASK_LEASE_SECONDS / 2)


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
        # A run of this wave may have died before telling everyone it alerted.
        left = now - untold_for_long()
        transaction.on_commit(lambda: alerts_tell(request=request, created_before=left))
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
            enqueue_after_commit(
                "nobody_yet", request_id=request.pk, widening_to=f"{len(nearby)} more PAs nearby"
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
    _after_wave(request)
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


def _after_wave(request: CoverRequest) -> None:
    """After commit: tell the PAs just alerted (within the wave's own task, so the alerts and
    their emails go out together), then queue the next wave."""
    transaction.on_commit(lambda: _tell_and_schedule(request))


def _tell_and_schedule(request: CoverRequest) -> None:
    alerts_tell(request=request)
    schedule_next_wave(request)


def alerts_tell(*, request: CoverRequest, created_before: datetime | None = None) -> int:
    """Email and notice every PA whose alert to `request` is not yet told (of those recorded
    before `created_before`, if given), then mark the alerts told. Run outside the wave's
    transaction: whatever is recorded before a crash stays recorded, and a retry of the same
    task finds it by its task key and records only the rest."""
    untold = CoverAlert.objects.filter(request=request, told_at__isnull=True)
    if created_before is not None:
        untold = untold.filter(created_at__lt=created_before)
    alerts = list(untold.select_related("pa").order_by("pk"))
    for from_pool in (True, False):
        pas = [alert.pa for alert in alerts if alert.from_pool == from_pool]
        if pas:
            emails.send(emails.cover_needed(request, pas, from_pool=from_pool))
    return CoverAlert.objects.filter(pk__in=[alert.pk for alert in alerts]).update(
        told_at=timezone.now()
    )


def schedule_next_wave(request: CoverRequest) -> None:
    """Queue the next wave for when it is due, where the task backend can wait; elsewhere the
    sweep (`manage.py run_periodic send_cover_waves`, run every minute) sends it."""
    task = task_named("send_next_wave")
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
        _after_wave(request)
    return WaveResult(pool, [], request.next_wave_at, "pool asked again").as_dict()


def alerts_mark_seen(*, request: CoverRequest, pa: User) -> int:
    """The PA has opened the request: it is no longer "New" for them. Only the PA's own view
    changes, so this is a read marker, not audited."""
    return CoverAlert.objects.filter(request=request, pa=pa, seen_at__isnull=True).update(
        seen_at=timezone.now()
    )
