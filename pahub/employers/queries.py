"""Reads about employers shared by every app: their consents and the name others see."""

from django.db.models import QuerySet

from pahub.accounts.models import OrganisationConsent


def employer_consents() -> QuerySet[OrganisationConsent]:
    """Agreements employers gave organisations to act for them (withdrawn ones included)."""
    return OrganisationConsent.objects.filter(purpose=OrganisationConsent.Purpose.ACT_FOR_EMPLOYER)
