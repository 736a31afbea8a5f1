"""The admin: the minimum wage table is edited there; employer profiles, jobs, consents
and the rest are only read."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.employers.models import MinimumWageRate

# Admin URL names are "<app>_<model>": these models moved to employers and accounts.
MODELS = [
    "employers_minimumwagerate",
    "employers_employerprofile",
    "jobs_job",
    "jobs_application",
    "jobs_savedsearch",
    "accounts_organisationconsent",
]
READ_ONLY = MODELS[1:]


@pytest.mark.parametrize("model", MODELS)
def test_a_site_admin_can_list_every_jobs_model(client_for, admin, open_job, model):
    response = client_for(admin).get(reverse(f"admin:{model}_changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize("model", READ_ONLY)
def test_records_made_by_the_services_cannot_be_added_in_the_admin(client_for, admin, model):
    assert client_for(admin).get(reverse(f"admin:{model}_add")).status_code == 403


def test_next_years_minimum_wage_can_be_added_and_is_audited(client_for, admin):
    response = client_for(admin).post(
        reverse("admin:employers_minimumwagerate_add"),
        {
            "tax_year_starts": "2027-04-01",
            "band": "21_and_over",
            "hourly_rate": "13.10",
            "source": "GOV.UK, National Minimum Wage rates, from 1 April 2027",
        },
    )

    assert response.status_code == 302
    rate = MinimumWageRate.objects.get(tax_year_starts="2027-04-01", band="21_and_over")
    assert rate.hourly_rate == Decimal("13.10")
    assert AuditEvent.objects.filter(action="minimum_wage_rate.added", actor=admin).exists()


def test_opening_an_employer_profile_in_the_admin_is_audited(client_for, admin, employer_profile):
    url = reverse("admin:employers_employerprofile_change", args=[employer_profile.pk])

    response = client_for(admin).get(url)

    assert response.status_code == 200
    assert "NE1 4ST" not in response.content.decode()
    assert AuditEvent.objects.filter(action="record.viewed", actor=admin).exists()
