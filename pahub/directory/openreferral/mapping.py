"""PA Hub's directory in the shapes of Open Referral UK (the UK profile of HSDS 3.0).

Pure functions from loaded rows to plain dicts; `api.py` pages and serves them, and the
suite validates them against the official schemas (tests/directory/openreferral_schemas/).

Identifiers are UUIDs, as the standard requires. Rows PA Hub keeps (organisations, services,
locations, opening hours) carry their own; things PA Hub derives (a taxonomy term for a need,
a service area for a council, a language) get a UUID made from a fixed namespace and their
key (uuid5), so the same thing always has the same identifier.

Coordinates are the centroid of the location's postcode district, the precision PA Hub
measures distance with; the address itself is the organisation's public business address.
"""

import uuid
from typing import Any

from pahub.directory.models import Location, Need, Organisation, Service

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"

# Fixed for ever: changing it would change every derived identifier.
NAMESPACE = uuid.UUID("6d1a6a7e-3c55-4f0e-9a7b-2f1d8c0e5a11")
NEEDS_TAXONOMY_ID = str(uuid.uuid5(NAMESPACE, "taxonomy:needs"))
KINDS_TAXONOMY_ID = str(uuid.uuid5(NAMESPACE, "taxonomy:kinds"))
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

TAXONOMIES = [
    {
        "id": NEEDS_TAXONOMY_ID,
        "name": "PA Hub needs",
        "description": (
            "What people who employ Personal Assistants, and PAs, come to a service for."
        ),
        "version": "1",
    },
    {
        "id": KINDS_TAXONOMY_ID,
        "name": "PA Hub kinds of organisation",
        "description": "The kind of organisation offering a service in PA Hub's directory.",
        "version": "1",
    },
]


def derived_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def need_term_id(code: str) -> str:
    return derived_id("need", code)


def kind_term_id(code: str) -> str:
    return derived_id("kind", code)


def taxonomy_terms() -> list[dict[str, Any]]:
    needs = [
        {
            "id": need_term_id(code),
            "name": label,
            "description": f"Services that help with this: {label[0].lower()}{label[1:]}.",
            "taxonomy": "PA Hub needs",
            "taxonomy_id": NEEDS_TAXONOMY_ID,
            "term": code,
        }
        for code, label in Need.choices
    ]
    kinds = [
        {
            "id": kind_term_id(code),
            "name": label,
            "description": f"Services offered by this kind of organisation: {label}.",
            "taxonomy": "PA Hub kinds of organisation",
            "taxonomy_id": KINDS_TAXONOMY_ID,
            "term": code,
        }
        for code, label in Service.Kind.choices
    ]
    return needs + kinds


TERMS_BY_ID = {term["id"]: term for term in taxonomy_terms()}
TAXONOMIES_BY_ID = {taxonomy["id"]: taxonomy for taxonomy in TAXONOMIES}


def term_filter(term_id: str) -> tuple[str, str] | None:
    """("need", code) or ("kind", code) for a taxonomy term id, or None if it is not ours."""
    term = TERMS_BY_ID.get(term_id)
    if term is None:
        return None
    return ("need" if term["taxonomy_id"] == NEEDS_TAXONOMY_ID else "kind", term["term"])


def without_empty(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out what PA Hub does not know, rather than sending empty strings the schemas
    would read as values (an empty `email` is not an email address)."""
    return {key: value for key, value in record.items() if value not in ("", None)}


def organization_brief(organisation: Organisation) -> dict[str, Any]:
    return without_empty(
        {
            "id": str(organisation.uuid),
            "name": organisation.name,
            "description": organisation.description,
            "email": organisation.email,
            "website": organisation.website,
        }
    )


def service_brief(service: Service) -> dict[str, Any]:
    """A service as list endpoints give it: its own fields and its organisation."""
    organisation = service.organisation
    assured = organisation.meets_base_standard and organisation.base_standard_checked_on
    return without_empty(
        {
            "id": str(service.uuid),
            "organization_id": str(organisation.uuid),
            "name": service.name,
            "description": service.description,
            "url": service.website,
            "email": service.email,
            "status": "active" if service.status == Service.Status.APPROVED else "inactive",
            "fees": service.cost_description or service.get_cost_display(),
            # The regional base standard for support organisations is PA Hub's assurance.
            "assured_date": organisation.base_standard_checked_on.isoformat() if assured else None,
            "last_modified": service.updated_at.isoformat(),
            "organization": organization_brief(organisation),
        }
    )


def location_record(location: Location) -> dict[str, Any]:
    district = location.district
    record: dict[str, Any] = without_empty(
        {
            "id": str(location.uuid),
            "location_type": "physical",
            "name": location.name,
            "latitude": district.latitude,
            "longitude": district.longitude,
        }
    )
    if location.address:
        local_authority = district.local_authority
        record["addresses"] = [
            {
                "id": derived_id("address", location.uuid),
                "location_id": str(location.uuid),
                "address_1": location.address,
                "city": location.town,
                "state_province": local_authority.name if local_authority else "",
                "postal_code": location.postcode or district.outcode,
                "country": "GB",
                "address_type": "physical",
            }
        ]
    accessibility = location.service.accessibility
    if accessibility:
        record["accessibility"] = [
            {
                "id": derived_id("accessibility", location.uuid),
                "location_id": str(location.uuid),
                "description": accessibility,
            }
        ]
    return record


def service_at_location_id(location: Location) -> str:
    return derived_id("service_at_location", location.uuid)


def service_at_location_record(location: Location, *, with_service: bool) -> dict[str, Any]:
    record = {
        "id": service_at_location_id(location),
        "service_id": str(location.service.uuid),
        "location_id": str(location.uuid),
        "location": location_record(location),
    }
    if with_service:
        record["service"] = service_brief(location.service)
    return record


def service_full(service: Service) -> dict[str, Any]:
    """A service with everything nested, as `/services/{id}` gives it."""
    service_id = str(service.uuid)
    record = service_brief(service)
    record["schedules"] = [
        {
            "id": str(hours.uuid),
            "service_id": service_id,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": DAY_CODES[hours.day],
            "opens_at": hours.opens_at.strftime("%H:%M:%S"),
            "closes_at": hours.closes_at.strftime("%H:%M:%S"),
            "description": str(hours),
        }
        for hours in service.opening_hours.all()
    ]
    record["service_areas"] = [
        {
            "id": derived_id("service_area", service.uuid, area.gss_code),
            "service_id": service_id,
            "name": area.name,
            "extent_type": "text",
            "extent": area.name,
            "uri": f"https://findthatpostcode.uk/areas/{area.gss_code}.html",
        }
        for area in service.areas.all()
    ]
    for location in service.locations.all():
        location.service = service  # already loaded: no query per location
    record["service_at_locations"] = [
        service_at_location_record(location, with_service=False)
        for location in service.locations.all()
    ]
    # The UK profile keeps only a language's identifier; `name` is HSDS's own field, kept
    # so a consumer can read which language it is.
    record["languages"] = [
        {"id": derived_id("language", service.uuid, name), "service_id": service_id, "name": name}
        for name in service.languages
    ]
    record["cost_options"] = [
        without_empty(
            {
                "id": derived_id("cost_option", service.uuid),
                "service_id": service_id,
                "option": service.get_cost_display(),
                "amount": 0 if service.cost == Service.Cost.FREE else None,
                "amount_description": service.cost_description,
            }
        )
    ]
    record["contacts"] = (
        [
            without_empty(
                {
                    "id": derived_id("contact", service.uuid),
                    "service_id": service_id,
                    "name": service.contact_name,
                    "title": service.contact_title,
                }
            )
        ]
        if service.contact_name
        else []
    )
    terms = [TERMS_BY_ID[need_term_id(row.need)] for row in service.needs.all()]
    terms.append(TERMS_BY_ID[kind_term_id(service.kind)])
    record["attributes"] = [
        {
            "id": derived_id("attribute", service.uuid, term["id"]),
            "link_id": service_id,
            "taxonomy_term_id": term["id"],
            "link_type": "service",
            "taxonomy_term": term,
        }
        for term in terms
    ]
    # HSDS fields the UK profile leaves out, kept for consumers that read them.
    if service.eligibility:
        record["eligibility_description"] = service.eligibility
    if service.phone:
        record["phones"] = [{"id": derived_id("phone", service.uuid), "number": service.phone}]
    return record


def organization_full(organisation: Organisation, services: list[Service]) -> dict[str, Any]:
    record = organization_brief(organisation)
    record["services"] = [service_brief(service) for service in services]
    return record
