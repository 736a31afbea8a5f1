"""A PA's assisted-digital consent is now an `accounts.OrganisationConsent` row: copy, then
drop the old table. `staff` became `recorded_by`; the profile became its PA (`person`)."""

from django.db import migrations

ASSISTED_DIGITAL = "assisted_digital"


def copy_consents(apps, schema_editor):
    AssistedDigitalConsent = apps.get_model("register", "AssistedDigitalConsent")
    OrganisationConsent = apps.get_model("accounts", "OrganisationConsent")
    OrganisationConsent.objects.bulk_create(
        OrganisationConsent(
            purpose=ASSISTED_DIGITAL,
            person_id=consent.profile.user_id,
            organisation_id=consent.organisation_id,
            how_given=consent.how_given,
            recorded_by_id=consent.staff_id,
            recorded_at=consent.recorded_at,
            withdrawn_at=consent.withdrawn_at,
        )
        for consent in AssistedDigitalConsent.objects.select_related("profile").order_by("pk")
    )


def copy_consents_back(apps, schema_editor):
    AssistedDigitalConsent = apps.get_model("register", "AssistedDigitalConsent")
    OrganisationConsent = apps.get_model("accounts", "OrganisationConsent")
    PAProfile = apps.get_model("register", "PAProfile")
    consents = OrganisationConsent.objects.filter(purpose=ASSISTED_DIGITAL)
    profile_ids = dict(PAProfile.objects.values_list("user_id", "pk"))
    AssistedDigitalConsent.objects.bulk_create(
        AssistedDigitalConsent(
            profile_id=profile_ids[consent.person_id],
            organisation_id=consent.organisation_id,
            how_given=consent.how_given,
            staff_id=consent.recorded_by_id,
            recorded_at=consent.recorded_at,
            withdrawn_at=consent.withdrawn_at,
        )
        for consent in consents.order_by("pk")
        if consent.person_id in profile_ids
    )
    consents.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0010_taxonomy_moves_out"),
        ("accounts", "0002_organisation_consent"),
    ]

    operations = [
        migrations.RunPython(copy_consents, copy_consents_back),
        migrations.RemoveConstraint(
            model_name="assisteddigitalconsent",
            name="one_open_consent_per_organisation",
        ),
        migrations.DeleteModel(name="AssistedDigitalConsent"),
    ]
