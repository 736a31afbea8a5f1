"""The safety net behind the task queue: send every cover wave that is due.

Each wave normally schedules the next one through the task queue, to run when it is due
(`services.schedule_next_wave`). That can fail quietly: a backend that cannot wait until a given
time, a worker that was down, a crash between a request's commit and the queueing of its first
wave. Someone waiting for help to get out of bed cannot depend on that, so
`manage.py run_periodic send_cover_waves` sweeps for every open request whose next wave is due, and for any
whose first wave never went out, and sends them. `wave_send` locks the request and does nothing
before `next_wave_at`, so a sweep racing the queued task still sends each wave once.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from pahub.cover.models import CoverRequest
from pahub.cover.services import wave_send

logger = logging.getLogger(__name__)

# The queued first wave normally goes within seconds; the sweep leaves it that long first.
FIRST_WAVE_GRACE = timedelta(minutes=1)
CLOSED = {CoverRequest.Status.COVERED, CoverRequest.Status.EXPIRED, CoverRequest.Status.CANCELLED}


@dataclass
class SweepResult:
    due: int = 0
    waves_sent: int = 0
    pas_alerted: int = 0
    closed: int = 0
    failed: list[int] = field(default_factory=list)

    def describe(self) -> str:
        if not self.due:
            return "No cover waves due."
        words = [
            f"{self.waves_sent} wave{'s' if self.waves_sent != 1 else ''} sent "
            f"({self.pas_alerted} PA{'s' if self.pas_alerted != 1 else ''} alerted)"
        ]
        if self.closed:
            words.append(f"{self.closed} request{'s' if self.closed != 1 else ''} closed")
        if self.failed:
            words.append(f"failed for request {', '.join(map(str, self.failed))}")
        return f"{self.due} due: " + "; ".join(words) + "."


def sweep_request_ids(now: datetime | None = None) -> list[int]:
    """Open requests whose next wave is due, and those whose first wave never went out."""
    now = now or timezone.now()
    due = Q(next_wave_at__lte=now)
    never_sent = Q(waves_sent=0, next_wave_at__isnull=True, created_at__lte=now - FIRST_WAVE_GRACE)
    return list(
        CoverRequest.objects.filter(due | never_sent, status=CoverRequest.Status.OPEN)
        .order_by("next_wave_at", "pk")
        .values_list("pk", flat=True)
    )


def sweep_due_waves(*, now: datetime | None = None) -> SweepResult:
    """Send every due wave, each in its own transaction; one failure never stops the rest."""
    result = SweepResult()
    for request_id in sweep_request_ids(now):
        result.due += 1
        try:
            outcome = wave_send(request_id=request_id, now=now)
        except Exception:
            # One broken request must not keep every other employer's cover from going out.
            logger.exception("Sending the cover wave for request %s failed", request_id)
            result.failed.append(request_id)
            continue
        if outcome["status"] == "sent":
            result.waves_sent += 1
            result.pas_alerted += outcome["pool_alerted"] + outcome["nearby_alerted"]
        elif outcome["status"] in CLOSED:
            result.closed += 1
    return result
