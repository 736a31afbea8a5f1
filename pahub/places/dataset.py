"""Reading the shipped postcode-district data files into plain records.

No Django models here: the data migration and the ``load_places`` command both build their rows
from these records, so the file format is understood in exactly one place. See
``pahub/places/data/README.md`` for where the files come from.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DISTRICTS_CSV = DATA_DIR / "uk_postcode_districts_codepoint_2025-10.csv"
NORTH_EAST_CSV = DATA_DIR / "north_east_local_authorities.csv"


@dataclass(frozen=True)
class LocalAuthorityRecord:
    gss_code: str
    name: str
    region_name: str
    is_north_east: bool


@dataclass(frozen=True)
class DistrictRecord:
    outcode: str
    latitude: float | None
    longitude: float | None
    postcode_count: int
    local_authority_code: str | None
    # Every local authority the district touches, with how many of its postcodes lie there.
    postcode_counts_by_local_authority: dict[str, int]


@dataclass(frozen=True)
class PlacesData:
    local_authorities: list[LocalAuthorityRecord]
    districts: list[DistrictRecord]


# The first letter of an ONS GSS code names the country; used only for an authority that is
# not the majority authority of any district, so has no country column of its own.
_COUNTRY_BY_GSS_PREFIX = {"E": "England", "S": "Scotland", "W": "Wales", "N": "Northern Ireland"}


def _optional_float(text: str) -> float | None:
    return float(text) if text else None


def _parse_all_lads(text: str) -> Iterator[tuple[str, str, int]]:
    """``code:name:count;...`` as ``(code, name, count)``; names may hold commas, never ``:;``."""
    for part in filter(None, text.split(";")):
        code, name, count = part.split(":")
        yield code, name, int(count)


def read_places_data(
    districts_csv: Path = DISTRICTS_CSV, north_east_csv: Path = NORTH_EAST_CSV
) -> PlacesData:
    """Every district and every local authority named in the data files.

    A local authority's region is "North East" for the twelve in the North East file and
    otherwise the country (England, Scotland or Wales) of the districts it is the majority
    authority of, because the Code-Point Open data has countries but not English regions.
    """
    with north_east_csv.open(encoding="utf-8", newline="") as north_east_file:
        north_east = {
            row["lad_code"]: row["region_name"] for row in csv.DictReader(north_east_file)
        }

    districts: list[DistrictRecord] = []
    names: dict[str, str] = {}
    countries: dict[str, str] = {}
    with districts_csv.open(encoding="utf-8", newline="") as districts_file:
        for row in csv.DictReader(districts_file):
            counts: dict[str, int] = {}
            for code, name, count in _parse_all_lads(row["all_lads"]):
                names.setdefault(code, name)
                counts[code] = count
            if row["lad_code"]:
                names.setdefault(row["lad_code"], row["lad_name"])
                countries.setdefault(row["lad_code"], row["country"])
            districts.append(
                DistrictRecord(
                    outcode=row["outcode"],
                    latitude=_optional_float(row["latitude"]),
                    longitude=_optional_float(row["longitude"]),
                    postcode_count=int(row["postcodes"]),
                    local_authority_code=row["lad_code"] or None,
                    postcode_counts_by_local_authority=counts,
                )
            )

    local_authorities = [
        LocalAuthorityRecord(
            gss_code=code,
            name=name,
            region_name=(
                north_east.get(code)
                or countries.get(code)
                or _COUNTRY_BY_GSS_PREFIX.get(code[:1], "")
            ),
            is_north_east=code in north_east,
        )
        for code, name in sorted(names.items())
    ]
    return PlacesData(local_authorities=local_authorities, districts=districts)
