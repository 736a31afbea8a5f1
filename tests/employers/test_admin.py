"""The admin: the tax year rates table is edited there; employer profiles, jobs, consents
and the rest are only read."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.employers.models import TaxYearRates

# Admin URL names are "<app>_<model>": these models moved to employers and accounts.
MODELS = [
    "employers_taxyearrates",
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


def next_years_rates() -> dict[str, str]:
    """The admin form for 2027/28: this year's figures with a new minimum wage."""
    this_year = TaxYearRates.objects.get(tax_year_starts="2026-04-06")
    form = {
        field.name: str(getattr(this_year, field.name))
        for field in TaxYearRates._meta.concrete_fields
        if field.name != "id"
    }
    form.update(
        tax_year_starts="2027-04-06",
        minimum_wage_from="2027-04-01",
        national_living_wage="13.10",
        ssp_earnings_percent="80",
        ssp_from_first_day="on",
    )
    form.pop("ssp_needs_lower_earnings_limit")
    return form


def test_next_years_rates_can_be_added_and_are_audited(client_for, admin):
    response = client_for(admin).post(
        reverse("admin:employers_taxyearrates_add"), next_years_rates()
    )

    assert response.status_code == 302
    rates = TaxYearRates.objects.get(tax_year_starts="2027-04-06")
    assert rates.national_living_wage == Decimal("13.10")
    assert rates.tax_year_label == "2027/28"
    assert AuditEvent.objects.filter(action="tax_year_rates.added", actor=admin).exists()


def test_changing_a_rate_is_audited_with_the_fields_changed(client_for, admin):
    rates = TaxYearRates.objects.get(tax_year_starts="2026-04-06")
    form = next_years_rates()
    form.update(tax_year_starts="2026-04-06", minimum_wage_from="2026-04-01")

    response = client_for(admin).post(
        reverse("admin:employers_taxyearrates_change", args=[rates.pk]), form
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action="tax_year_rates.changed", actor=admin)
    assert event.detail["changed"] == ["national_living_wage"]


def test_opening_an_employer_profile_in_the_admin_is_audited(client_for, admin, employer_profile):
    url = reverse("admin:employers_employerprofile_change", args=[employer_profile.pk])

    response = client_for(admin).get(url)

    assert response.status_code == 200
    assert "NE1 4ST" not in response.content.decode()
    assert AuditEvent.objects.filter(action="record.viewed", actor=admin).exists()
