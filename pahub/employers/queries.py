"""Reads about employers shared by every app: their consents and the name others see."""

from django.db.models import QuerySet

from pahub.accounts.models import OrganisationConsent, User
from pahub.employers.models import EmployerProfile


def employer_consents() -> QuerySet[OrganisationConsent]:
    """Agreements employers gave organisations to act for them (withdrawn ones included)."""
    return OrganisationConsent.objects.filter(purpose=OrganisationConsent.Purpose.ACT_FOR_EMPLOYER)


def employer_name(employer: User) -> str:
    """What PAs call the employer: the employer profile's display name, else the account's.

    Reads `employer.employer_profile`, so a caller that selected it costs no query."""
    try:
        return employer.employer_profile.display_name
    except EmployerProfile.DoesNotExist:
        return employer.display_name
