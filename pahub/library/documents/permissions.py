"""Who may fill a template from a job: whoever may manage the job, by the jobs app's own rule
(`jobs.permissions.access_job_for_manager`: the employer, a representative with an active
grant, staff acting with consent and two-factor). Anyone else, a PA included, gets 404."""

from django.http import Http404

from pahub.accounts.models import User
from pahub.employers.permissions import employers_user_can_act_for, refuse_staff_without_two_factor
from pahub.jobs.models import Job
from pahub.jobs.permissions import access_job_for_manager
from pahub.library.documents.queries import load_job_for_documents


def access_job_for_documents(user: User, job_id: int) -> Job:
    """The only way a document page loads a job: 404 for anyone who may not manage it."""
    return load_job_for_documents(access_job_for_manager(user, job_id))


def may_fill_from_a_job(user: User) -> bool:
    """Whether the library offers to fill a template from one of this person's jobs."""
    return employers_user_can_act_for(user).exists()


def require_someone_to_act_for(user: User) -> None:
    """The job chooser is for people who act for an employer; for anyone else it is 404."""
    if not may_fill_from_a_job(user):
        refuse_staff_without_two_factor(user)
        raise Http404
