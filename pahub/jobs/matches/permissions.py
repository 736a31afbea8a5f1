"""Who may see matches from the job side. The only place such rules live.

A job's matches follow the job: `pahub.jobs.permissions.access_job_for_employer_side`.
"""

from pahub.accounts.models import Role, User


def may_see_own_matches(user: User) -> bool:
    """ "Jobs for you" is for Personal Assistants."""
    return user.is_authenticated and user.has_role(Role.PA)
