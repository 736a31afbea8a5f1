"""Re-syncing the places tables with the shipped data files (``manage.py load_places``).

The first load happens in migration 0002; this is for when the data file is refreshed.
Running it twice changes nothing the second time.
"""

from dataclasses import dataclass, field

from django.db import transaction

from pahub.places.dataset import PlacesData, read_places_data
from pahub.places.models import District, DistrictLocalAuthority, LocalAuthority
from pahub.places.slugs import local_authority_slug

BATCH_SIZE = 1000


@dataclass
class TableSync:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Rows in the database but no longer in the data file; kept (see places_sync).
    missing_from_data: list[str] = field(default_factory=list)


@dataclass
class PlacesSync:
    local_authorities: TableSync
    districts: TableSync
    district_shares_removed: int


def _sync_local_authorities(data: PlacesData) -> TableSync:
    result = TableSync()
    existing = {la.gss_code: la for la in LocalAuthority.objects.all()}
    to_create: list[LocalAuthority] = []
    to_update: list[LocalAuthority] = []
    taken = {la.slug for la in existing.values()}
    for record in data.local_authorities:
        local_authority = existing.get(record.gss_code)
        if local_authority is None:
            # A newly seen authority is a spoke only if it is in the North East; existing
            # authorities keep whatever admin chose, along with their support contacts.
            to_create.append(
                LocalAuthority(
                    gss_code=record.gss_code,
                    name=record.name,
                    slug=local_authority_slug(record.name, record.gss_code, taken),
                    region_name=record.region_name,
                    is_spoke=record.is_north_east,
                )
            )
        elif (local_authority.name, local_authority.region_name) != (
            record.name,
            record.region_name,
        ):
            local_authority.name = record.name
            local_authority.region_name = record.region_name
            to_update.append(local_authority)
        else:
            result.unchanged += 1
    LocalAuthority.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    LocalAuthority.objects.bulk_update(to_update, ["name", "region_name"], batch_size=BATCH_SIZE)
    result.created = len(to_create)
    result.updated = len(to_update)
    in_data = {record.gss_code for record in data.local_authorities}
    result.missing_from_data = sorted(set(existing) - in_data)
    return result


def _sync_districts(data: PlacesData) -> TableSync:
    result = TableSync()
    existing = {district.outcode: district for district in District.objects.all()}
    to_create: list[District] = []
    to_update: list[District] = []
    for record in data.districts:
        values = {
            "latitude": record.latitude,
            "longitude": record.longitude,
            "local_authority_id": record.local_authority_code,
            "postcode_count": record.postcode_count,
        }
        district = existing.get(record.outcode)
        if district is None:
            to_create.append(District(outcode=record.outcode, **values))
        elif any(getattr(district, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(district, name, value)
            to_update.append(district)
        else:
            result.unchanged += 1
    District.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    District.objects.bulk_update(
        to_update,
        ["latitude", "longitude", "local_authority", "postcode_count"],
        batch_size=BATCH_SIZE,
    )
    result.created = len(to_create)
    result.updated = len(to_update)
    in_data = {record.outcode for record in data.districts}
    result.missing_from_data = sorted(set(existing) - in_data)
    return result


def _sync_district_shares(data: PlacesData) -> int:
    """Make the district/local-authority shares match the data; return how many were removed."""
    existing = {
        (share.district_id, share.local_authority_id): share
        for share in DistrictLocalAuthority.objects.all()
    }
    to_create: list[DistrictLocalAuthority] = []
    to_update: list[DistrictLocalAuthority] = []
    in_data: set[tuple[str, str]] = set()
    for record in data.districts:
        for code, count in record.postcode_counts_by_local_authority.items():
            key = (record.outcode, code)
            in_data.add(key)
            share = existing.get(key)
            if share is None:
                to_create.append(
                    DistrictLocalAuthority(
                        district_id=record.outcode, local_authority_id=code, postcode_count=count
                    )
                )
            elif share.postcode_count != count:
                share.postcode_count = count
                to_update.append(share)
    DistrictLocalAuthority.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    DistrictLocalAuthority.objects.bulk_update(to_update, ["postcode_count"], batch_size=BATCH_SIZE)
    # Shares are derived data nobody points at, so a share the data no longer has is removed,
    # but only for districts still in the data (a vanished district keeps everything).
    outcodes_in_data = {record.outcode for record in data.districts}
    stale = [
        share.pk
        for key, share in existing.items()
        if key not in in_data and key[0] in outcodes_in_data
    ]
    DistrictLocalAuthority.objects.filter(pk__in=stale).delete()
    return len(stale)


@transaction.atomic
def places_sync(*, data: PlacesData | None = None) -> PlacesSync:
    """Create and update local authorities, districts and their shares to match the data.

    Nothing is deleted apart from stale district shares: a district or local authority that has
    left the data (a terminated postcode district, a merged council) may still have people
    placed in it, so it is reported for a person to deal with instead.
    """
    data = data or read_places_data()
    return PlacesSync(
        local_authorities=_sync_local_authorities(data),
        districts=_sync_districts(data),
        district_shares_removed=_sync_district_shares(data),
    )
