"""Accounts' retention rules: unused staff invitations and long-withdrawn consents."""

from datetime import timedelta

from django.utils import timezone

from pahub.accounts.models import OrganisationConsent, StaffInvitation
from pahub.core.retention import apply_rule, registry
from tests.factories import give_employer_consent


def ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_invitations_never_accepted_go_a_month_after_they_expired(organisation, org_admin):
    def invite(email: str, expired_days: int, **fields) -> StaffInvitation:
        return StaffInvitation.objects.create(
            organisation=organisation, email=email, expires_at=ago(expired_days), **fields
        )

    invite("old@example.org", 31)
    accepted = invite("joined@example.org", 100, accepted_at=ago(110), accepted_by=org_admin)
    recent = invite("recent@example.org", 29)

    assert apply_rule(registry.get("accounts.unused_staff_invitations")) == 1
    assert set(StaffInvitation.objects.all()) == {accepted, recent}


def test_consents_withdrawn_over_six_years_ago_go_and_others_stay(
    employer, organisation, other_organisation, pa
):
    give_employer_consent(employer=employer, organisation=organisation, withdrawn_at=ago(2191))
    recent = give_employer_consent(
        employer=employer, organisation=other_organisation, withdrawn_at=ago(2189)
    )
    current = give_employer_consent(employer=pa, organisation=organisation)

    assert apply_rule(registry.get("accounts.withdrawn_consents")) == 1
    assert set(OrganisationConsent.objects.all()) == {recent, current}
