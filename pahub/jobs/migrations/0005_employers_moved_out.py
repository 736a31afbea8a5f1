"""Employer profiles and minimum wage rates now belong to `employers`; staff's consent to act
for an employer is now an `accounts.OrganisationConsent` row.

The profiles and rates keep their rows: only the migration state forgets them here
(`employers` 0001 adopted the same tables). Consents are copied, then the old table goes.
"""

from django.db import migrations

ACT_FOR_EMPLOYER = "act_for_employer"


def copy_consents(apps, schema_editor):
    StaffHelpConsent = apps.get_model("jobs", "StaffHelpConsent")
    OrganisationConsent = apps.get_model("accounts", "OrganisationConsent")
    OrganisationConsent.objects.bulk_create(
        OrganisationConsent(
            purpose=ACT_FOR_EMPLOYER,
            person_id=consent.employer_id,
            organisation_id=consent.organisation_id,
            how_given=consent.how_given,
            recorded_by_id=consent.recorded_by_id,
            recorded_at=consent.recorded_at,
            withdrawn_at=consent.withdrawn_at,
        )
        for consent in StaffHelpConsent.objects.order_by("pk").iterator()
    )


def copy_consents_back(apps, schema_editor):
    StaffHelpConsent = apps.get_model("jobs", "StaffHelpConsent")
    OrganisationConsent = apps.get_model("accounts", "OrganisationConsent")
    consents = OrganisationConsent.objects.filter(purpose=ACT_FOR_EMPLOYER)
    StaffHelpConsent.objects.bulk_create(
        StaffHelpConsent(
            employer_id=consent.person_id,
            organisation_id=consent.organisation_id,
            how_given=consent.how_given,
            recorded_by_id=consent.recorded_by_id,
            recorded_at=consent.recorded_at,
            withdrawn_at=consent.withdrawn_at,
        )
        for consent in consents.order_by("pk").iterator()
    )
    consents.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0004_taxonomy_moves_out_of_register"),
        ("employers", "0001_initial"),
        ("accounts", "0002_organisation_consent"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="MinimumWageRate"),
                migrations.DeleteModel(name="EmployerProfile"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(copy_consents, copy_consents_back),
        migrations.RemoveConstraint(model_name="staffhelpconsent", name="one_active_help_consent"),
        migrations.DeleteModel(name="StaffHelpConsent"),
    ]
