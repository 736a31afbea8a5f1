"""Who may see or change a job. The only place such rules live.

The employer side of a job is whoever may act for its employer
(`pahub.employers.permissions`, the one home of that rule). Staff in the area may also look
at jobs and their matches without consent, for oversight; such views are audited, and
acting still needs consent.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.employers.permissions import (
    can_act_for_employer,
    employers_user_can_act_for,
    refuse_staff_without_two_factor,
)
from pahub.jobs.models import Job


def jobs_user_may_manage(user: User) -> QuerySet[Job]:
    """Jobs of every employer this user may act for."""
    return Job.objects.filter(employer__in=employers_user_can_act_for(user))


def can_manage_job(user: User, job: Job) -> bool:
    return can_act_for_employer(user, job.employer)


def can_view_job_as_employer_side(user: User, job: Job) -> bool:
    """The employer side, or staff overseeing the job's area (audited by the caller)."""
    if can_manage_job(user, job):
        return True
    if is_site_admin(user):
        return True
    return job.local_authority_id is not None and job.local_authority_id in (
        staff_local_authority_ids(user)
    )


def access_job_for_manager(user: User, job_id: int) -> Job:
    """The only way a view loads a job to change it; anyone else gets 404."""
    job = get_object_or_404(
        Job.objects.select_related("employer", "district", "local_authority"), pk=job_id
    )
    if not can_manage_job(user, job):
        refuse_staff_without_two_factor(user)
        raise Http404
    return job


def access_job_for_employer_side(user: User, job_id: int) -> Job:
    """Load a job for reading on the employer side (matches, applicants); 404 otherwise."""
    job = get_object_or_404(
        Job.objects.select_related("employer", "district", "local_authority"), pk=job_id
    )
    if not can_view_job_as_employer_side(user, job):
        raise Http404
    return job


def access_open_job(job_id: int) -> Job:
    """A published job, as anyone may see it; drafts, paused and closed jobs are 404."""
    return get_object_or_404(
        Job.objects.select_related("district", "local_authority"),
        pk=job_id,
        status=Job.Status.PUBLISHED,
    )
