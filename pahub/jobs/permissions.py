"""Who may act for an employer, and who may see or change a job. The only place such rules live.

The employer side of a job is the employer, their representatives (with an active grant) and
staff of an organisation serving the employer's area to which the employer has given recorded
consent (`StaffHelpConsent`). Staff in the area may also look at jobs and their matches
without consent, for oversight; such views are audited, and acting still needs consent.
"""

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Organisation, Representation, Role, User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.jobs.models import EmployerProfile, Job, StaffHelpConsent


class EmployerSide:
    EMPLOYER = "employer"
    REPRESENTATIVE = "representative"
    STAFF = "staff"


def employer_area_id(employer: User) -> str | None:
    """The employer's local authority: from their employer profile, else their account."""
    profile = EmployerProfile.objects.filter(user=employer).only("local_authority_id").first()
    if profile and profile.local_authority_id:
        return profile.local_authority_id
    return employer.local_authority_id


def helping_organisation(user: User, employer: User) -> Organisation | None:
    """The organisation through which this staff member may act for the employer, if any."""
    if not user.is_authenticated:
        return None
    area = employer_area_id(employer)
    consent = (
        StaffHelpConsent.objects.filter(
            employer=employer,
            withdrawn_at__isnull=True,
            organisation__memberships__user=user,
            organisation__local_authorities__gss_code=area,
        )
        .select_related("organisation")
        .first()
    )
    return consent.organisation if consent else None


def employer_side_role(user: User, employer: User) -> str | None:
    """How `user` may act for `employer`: as the employer, a representative, staff, or not."""
    if not user.is_authenticated:
        return None
    if user.pk == employer.pk:
        return EmployerSide.EMPLOYER if employer.has_role(Role.EMPLOYER) else None
    if Representation.objects.filter(
        employer=employer, representative=user, status=Representation.Status.ACTIVE
    ).exists():
        return EmployerSide.REPRESENTATIVE
    if helping_organisation(user, employer) is not None:
        return EmployerSide.STAFF
    return None


def can_act_for_employer(user: User, employer: User) -> bool:
    return employer_side_role(user, employer) is not None


def is_staff_in_area_of_employer(user: User, employer: User) -> bool:
    if not user.is_authenticated:
        return False
    area = employer_area_id(employer)
    return area is not None and area in staff_local_authority_ids(user)


def employers_user_can_act_for(user: User) -> QuerySet[User]:
    """Everyone this user may act for as an employer, themself included when they employ."""
    if not user.is_authenticated:
        return User.objects.none()
    own = Q(pk=user.pk, roles__role=Role.EMPLOYER)
    represented = Q(
        representatives__representative=user,
        representatives__status=Representation.Status.ACTIVE,
    )
    # Staff act only while the consenting organisation serves the employer's area (their
    # employer profile's local authority, else their account's), as `helping_organisation`.
    consenting_area = F("staff_help_consents__organisation__local_authorities")
    helped = Q(
        staff_help_consents__withdrawn_at__isnull=True,
        staff_help_consents__organisation__memberships__user=user,
    ) & (
        Q(employer_profile__local_authority=consenting_area)
        | Q(employer_profile__isnull=True, local_authority=consenting_area)
    )
    return User.objects.filter(own | represented | helped).distinct()


def jobs_user_may_manage(user: User) -> QuerySet[Job]:
    """Jobs of every employer this user may act for."""
    return Job.objects.filter(employer__in=employers_user_can_act_for(user))


def jobs_staff_may_see(user: User) -> QuerySet[Job]:
    """Jobs in the staff member's local authorities (every job, for site admins)."""
    if is_site_admin(user):
        return Job.objects.all()
    return Job.objects.filter(local_authority_id__in=staff_local_authority_ids(user))


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
