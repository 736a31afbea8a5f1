"""Who may use the talent search. The only place such rules live.

A job's matches follow the job (`pahub.jobs.permissions.access_job_for_employer_side`), and
"Jobs for you" is `pahub.jobs.matches.permissions.may_see_own_matches`.
"""

from pahub.accounts.models import Role, User
from pahub.accounts.permissions import (
    is_organisation_staff,
    is_site_admin,
)


def may_search_talent(user: User) -> bool:
    """Employers, representatives and staff search the talent pool; PAs do not."""
    if not user.is_authenticated:
        return False
    return (
        user.has_role(Role.EMPLOYER)
        or user.has_role(Role.REPRESENTATIVE)
        or is_organisation_staff(user)
        or is_site_admin(user)
    )
