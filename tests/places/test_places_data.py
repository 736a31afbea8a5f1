"""The districts and local authorities loaded by the data migration."""

import csv

import pytest

from pahub.places.dataset import DATA_DIR, read_places_data
from pahub.places.models import District, DistrictLocalAuthority, LocalAuthority
from pahub.places.queries import spoke_local_authorities

pytestmark = pytest.mark.django_db

NORTH_EAST = {
    "Northumberland",
    "Newcastle upon Tyne",
    "North Tyneside",
    "South Tyneside",
    "Gateshead",
    "Sunderland",
    "County Durham",
    "Darlington",
    "Hartlepool",
    "Stockton-on-Tees",
    "Middlesbrough",
    "Redcar and Cleveland",
}
NON_GEOGRAPHIC = {"BN91", "CH90", "EN77", "LS78", "PO24", "S94", "SN80", "SR43", "TW98"}


def test_the_migration_loaded_every_gb_postcode_district():
    assert District.objects.count() == 2873


def test_the_nine_non_geographic_districts_have_no_centroid_or_local_authority():
    without_centroid = District.objects.filter(latitude__isnull=True)
    assert set(without_centroid.values_list("outcode", flat=True)) == NON_GEOGRAPHIC
    assert not without_centroid.filter(local_authority__isnull=False).exists()
    assert not District.objects.get(outcode="BN91").has_centroid


def test_every_geographic_district_has_a_centroid_in_great_britain_and_a_local_authority():
    geographic = District.objects.exclude(outcode__in=NON_GEOGRAPHIC)
    assert not geographic.filter(local_authority__isnull=True).exists()
    assert not geographic.exclude(latitude__range=(49.8, 60.9)).exists()
    assert not geographic.exclude(longitude__range=(-8.7, 1.8)).exists()


def test_the_migration_loaded_every_local_authority_named_in_the_data():
    assert LocalAuthority.objects.count() == 350
    assert set(LocalAuthority.objects.values_list("region_name", flat=True)) == {
        "North East",
        "England",
        "Scotland",
        "Wales",
    }


def test_the_twelve_north_east_authorities_are_the_first_spokes():
    spokes = spoke_local_authorities()
    assert set(spokes.values_list("name", flat=True)) == NORTH_EAST
    assert set(spokes.values_list("region_name", flat=True)) == {"North East"}
    assert list(spokes.values_list("name", flat=True)) == sorted(NORTH_EAST)
    assert LocalAuthority.objects.filter(region_name="North East").count() == 12


def test_a_local_authority_reads_as_its_name_with_no_support_contact_yet():
    newcastle = LocalAuthority.objects.get(gss_code="E08000021")
    assert str(newcastle) == "Newcastle upon Tyne"
    assert (newcastle.support_phone, newcastle.support_email, newcastle.support_url) == ("", "", "")


def test_scottish_and_welsh_authorities_are_placed_in_their_country():
    assert LocalAuthority.objects.get(gss_code="S12000033").region_name == "Scotland"
    assert District.objects.get(outcode="CF10").local_authority.region_name == "Wales"


def test_a_district_records_every_local_authority_it_straddles():
    ne13 = District.objects.get(outcode="NE13")
    shares = {
        share.local_authority.name: share.postcode_count
        for share in ne13.local_authority_shares.select_related("local_authority")
    }
    assert shares["Northumberland"] == 13
    assert len(shares) > 1
    assert sum(shares.values()) == ne13.postcode_count
    assert ne13.local_authority.name == max(shares, key=shares.__getitem__)
    assert DistrictLocalAuthority.objects.count() == 4856


def test_the_shares_agree_with_the_north_east_mapping_file():
    with (DATA_DIR / "north_east_las_postcode_districts.csv").open(encoding="utf-8") as mapping:
        expected = {
            (row["outcode"], row["lad_code"]): int(row["postcodes_in_lad"])
            for row in csv.DictReader(mapping)
        }
    stored = DistrictLocalAuthority.objects.filter(
        local_authority__region_name="North East"
    ).values_list("district_id", "local_authority_id", "postcode_count")
    assert {(outcode, code): count for outcode, code, count in stored} == expected


def test_a_district_reads_as_its_outcode():
    assert str(District.objects.get(outcode="NE1")) == "NE1"


def test_the_data_file_reader_matches_what_was_loaded():
    data = read_places_data()
    assert len(data.districts) == District.objects.count()
    assert len(data.local_authorities) == LocalAuthority.objects.count()
