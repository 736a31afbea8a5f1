"""The whole directory as CSV or JSON, for anyone to download: approved services only, with
the same public details the pages show."""

import csv
import io
from typing import Any

from pahub.directory.models import Service
from pahub.directory.queries import approved_services, need_names, with_list_data

COLUMNS = [
    "id",
    "uuid",
    "name",
    "organisation",
    "kind",
    "needs",
    "areas",
    "description",
    "phone",
    "email",
    "website",
    "address",
    "town",
    "postcode",
    "district",
    "opening_hours",
    "accessibility",
    "languages",
    "cost",
    "cost_description",
    "eligibility",
    "meets_base_standard",
    "base_standard_checked_on",
]


def download_services():
    return (
        with_list_data(approved_services())
        .prefetch_related("areas", "opening_hours")
        .order_by("name", "pk")
    )


def service_record(service: Service) -> dict[str, Any]:
    location = next(iter(service.locations.all()), None)
    organisation = service.organisation
    return {
        "id": service.pk,
        "uuid": str(service.uuid),
        "name": service.name,
        "organisation": organisation.name,
        "kind": service.get_kind_display(),
        "needs": need_names(service),
        "areas": [area.name for area in service.areas.all()],
        "description": service.description,
        "phone": service.phone,
        "email": service.email,
        "website": service.website,
        "address": location.address if location else "",
        "town": location.town if location else "",
        "postcode": location.postcode if location else "",
        "district": location.district_id if location else "",
        "opening_hours": [str(hours) for hours in service.opening_hours.all()],
        "accessibility": service.accessibility,
        "languages": list(service.languages),
        "cost": service.get_cost_display(),
        "cost_description": service.cost_description,
        "eligibility": service.eligibility,
        "meets_base_standard": organisation.meets_base_standard,
        "base_standard_checked_on": (
            organisation.base_standard_checked_on.isoformat()
            if organisation.base_standard_checked_on
            else None
        ),
    }


def services_csv() -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for service in download_services().iterator(chunk_size=500):
        record = service_record(service)
        for key, value in record.items():
            if isinstance(value, list):
                record[key] = "; ".join(value)
            elif isinstance(value, bool):
                record[key] = "yes" if value else "no"
            elif isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
                # Spreadsheets run a cell starting like a formula; a quote keeps it text.
                record[key] = "'" + value
        writer.writerow(record)
    return out.getvalue()


def services_json() -> list[dict[str, Any]]:
    return [service_record(service) for service in download_services().iterator(chunk_size=500)]
