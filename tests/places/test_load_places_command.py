"""Re-syncing districts and local authorities from the data files with load_places."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from pahub.places.dataset import DISTRICTS_CSV
from pahub.places.loading import places_sync
from pahub.places.models import District, DistrictLocalAuthority, LocalAuthority

pytestmark = pytest.mark.django_db


def _load_places(*args: str) -> str:
    out = StringIO()
    call_command("load_places", *args, stdout=out)
    return out.getvalue()


def test_loading_over_the_migrated_data_changes_nothing(django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        output = _load_places()
    assert "Local authorities: 0 created, 0 updated, 350 unchanged" in output
    assert "Districts: 0 created, 0 updated, 2873 unchanged" in output
    assert "District shares removed: 0" in output


def test_loading_puts_back_what_the_data_says_and_keeps_what_admin_chose():
    LocalAuthority.objects.filter(gss_code="E06000047").update(name="Durham (typo)")
    LocalAuthority.objects.filter(gss_code="E08000035").update(
        is_spoke=True, support_phone="0113 000 0000"
    )
    District.objects.filter(outcode="NE1").update(latitude=0.0, longitude=0.0, postcode_count=1)
    DistrictLocalAuthority.objects.filter(district_id="NE13").delete()

    result = places_sync()

    assert (result.local_authorities.updated, result.districts.updated) == (1, 1)
    assert LocalAuthority.objects.get(gss_code="E06000047").name == "County Durham"
    leeds = LocalAuthority.objects.get(gss_code="E08000035")
    assert (leeds.is_spoke, leeds.support_phone) == (True, "0113 000 0000")
    ne1 = District.objects.get(outcode="NE1")
    assert (ne1.latitude, ne1.longitude, ne1.postcode_count) == (54.97241, -1.61154, 535)
    assert DistrictLocalAuthority.objects.filter(district_id="NE13").count() > 1


def test_loading_twice_changes_nothing_the_second_time():
    District.objects.filter(outcode="DH1").update(postcode_count=0)
    places_sync()
    again = places_sync()
    assert (again.districts.created, again.districts.updated) == (0, 0)
    assert (again.local_authorities.created, again.local_authorities.updated) == (0, 0)
    assert again.district_shares_removed == 0


def test_a_district_no_longer_in_the_data_is_kept_and_reported():
    District.objects.create(outcode="NE0", latitude=55.0, longitude=-1.6, postcode_count=0)
    output = _load_places()
    assert "Districts in the database but not in the data (kept): NE0" in output
    assert District.objects.filter(outcode="NE0").exists()


def test_a_refreshed_file_adds_new_districts_and_drops_stale_shares(tmp_path: Path):
    refreshed = tmp_path / "districts.csv"
    ne13_shares_before = DistrictLocalAuthority.objects.filter(district_id="NE13").count()
    with DISTRICTS_CSV.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    for row in rows:
        if row["outcode"] == "NE13":
            # As if every NE13 postcode had moved into Newcastle.
            row["all_lads"] = f"E08000021:Newcastle upon Tyne:{row['postcodes']}"
    new_district = dict(rows[0], outcode="AB0", all_lads="S12000033:Aberdeen City:1")
    with refreshed.open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, new_district])

    output = _load_places("--districts-csv", str(refreshed))

    assert "Districts: 1 created, 0 updated, 2873 unchanged" in output
    assert District.objects.get(outcode="AB0").local_authority.name == "Aberdeen City"
    assert list(
        DistrictLocalAuthority.objects.filter(district_id="NE13").values_list(
            "local_authority_id", flat=True
        )
    ) == ["E08000021"]
    assert f"District shares removed: {ne13_shares_before - 1}" in output
