"""The hours of the regular jobs a PA was hired for, as commitments their cover rota counts.

Registered with `core.commitments` in JobsConfig.ready(), so cover (a sibling that may not
import jobs) sees them: a cover shift that clashes with a hired job's hours is refused, and
the rota's 48-hour and rest checks count them. A job's hours are its weekly grid; they start
on its start date and stop when the job is no longer filled.
"""

from collections.abc import Iterator
from datetime import datetime

from pahub.core.commitments import Commitment
from pahub.jobs.models import Job
from pahub.register.availability import weekly_occurrences


def hired_job_hours(user_id: int, *, starts: datetime, ends: datetime) -> Iterator[Commitment]:
    jobs = Job.objects.filter(hired_pa_id=user_id, status=Job.Status.FILLED).exclude(hours_grid=0)
    for job in jobs.only("pk", "title", "hours_grid", "start_date"):
        for start, end in weekly_occurrences(
            job.hours_grid, starts=starts, ends=ends, first_day=job.start_date
        ):
            yield Commitment(
                starts_at=start,
                ends_at=end,
                label=f"your regular job “{job.title}”",
            )
