"""Load every GB postcode district and local authority from the shipped Code-Point Open data.

Plain bulk inserts into empty tables, so it takes well under a second on SQLite and PostgreSQL.
Later refreshes of the data file go through ``manage.py load_places``, not a new migration.
"""

from django.db import migrations

from pahub.places.dataset import read_places_data

BATCH_SIZE = 1000


def load_places(apps, schema_editor):
    LocalAuthority = apps.get_model("places", "LocalAuthority")
    District = apps.get_model("places", "District")
    DistrictLocalAuthority = apps.get_model("places", "DistrictLocalAuthority")
    data = read_places_data()
    LocalAuthority.objects.bulk_create(
        [
            LocalAuthority(
                gss_code=record.gss_code,
                name=record.name,
                region_name=record.region_name,
                # The North East authorities are PA Hub's first spokes.
                is_spoke=record.is_north_east,
            )
            for record in data.local_authorities
        ],
        batch_size=BATCH_SIZE,
    )
    District.objects.bulk_create(
        [
            District(
                outcode=record.outcode,
                latitude=record.latitude,
                longitude=record.longitude,
                local_authority_id=record.local_authority_code,
                postcode_count=record.postcode_count,
            )
            for record in data.districts
        ],
        batch_size=BATCH_SIZE,
    )
    DistrictLocalAuthority.objects.bulk_create(
        [
            DistrictLocalAuthority(
                district_id=record.outcode, local_authority_id=code, postcode_count=count
            )
            for record in data.districts
            for code, count in record.postcode_counts_by_local_authority.items()
        ],
        batch_size=BATCH_SIZE,
    )


def unload_places(apps, schema_editor):
    apps.get_model("places", "DistrictLocalAuthority").objects.all().delete()
    apps.get_model("places", "District").objects.all().delete()
    apps.get_model("places", "LocalAuthority").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(load_places, unload_places, elidable=False)]
