"""Changing the directory: one function per action, called by pages, the seed and the demo.

A new service waits for hub staff to approve it before it is listed. Once approved, its own
organisation's changes show at once (they are audited, and hub staff can withdraw a service
at any time), so a changed phone number is never held back for a review.
"""

from dataclasses import dataclass, field
from datetime import date, time

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import Organisation as AccountOrganisation
from pahub.accounts.models import User
from pahub.core import audit
from pahub.directory.models import (
    Location,
    OpeningHours,
    Organisation,
    Service,
    ServiceNeed,
)
from pahub.places.models import District, LocalAuthority


class DirectoryError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class EntryInput:
    name: str
    description: str
    website: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class LocationInput:
    district: District
    name: str = ""
    address: str = ""
    town: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class ServiceInput:
    """Everything an organisation says about one service."""

    name: str
    kind: str
    description: str
    needs: list[str]
    areas: list[LocalAuthority]
    website: str = ""
    email: str = ""
    phone: str = ""
    contact_name: str = ""
    contact_title: str = ""
    accessibility: str = ""
    languages: list[str] = field(default_factory=list)
    cost: str = Service.Cost.FREE
    cost_description: str = ""
    eligibility: str = ""
    location: LocationInput | None = None
    # (day, opens, closes), Monday is 0.
    hours: list[tuple[int, time, time]] = field(default_factory=list)


ENTRY_FIELDS = ("name", "description", "website", "email", "phone")
SERVICE_FIELDS = (
    "name",
    "kind",
    "description",
    "website",
    "email",
    "phone",
    "contact_name",
    "contact_title",
    "accessibility",
    "languages",
    "cost",
    "cost_description",
    "eligibility",
)


@transaction.atomic
def entry_create(
    *, entry: EntryInput, by: User | None, managed_by: AccountOrganisation | None = None
) -> Organisation:
    """Start a directory entry, for an organisation on PA Hub or (by hub staff) for one that is
    not."""
    if managed_by is not None and Organisation.objects.filter(managed_by=managed_by).exists():
        raise DirectoryError(f"{managed_by.name} already has a directory entry.")
    organisation = Organisation.objects.create(
        managed_by=managed_by, **{name: getattr(entry, name) for name in ENTRY_FIELDS}
    )
    audit.record(by, "directory.entry_created", organisation)
    return organisation


@transaction.atomic
def entry_update(*, organisation: Organisation, entry: EntryInput, by: User) -> Organisation:
    changed = [name for name in ENTRY_FIELDS if getattr(organisation, name) != getattr(entry, name)]
    for name in changed:
        setattr(organisation, name, getattr(entry, name))
    organisation.save(update_fields=[*changed, "updated_at"])
    audit.record(by, "directory.entry_updated", organisation, fields=changed)
    return organisation


@transaction.atomic
def entry_base_standard_record(
    *, organisation: Organisation, meets: bool, checked_on: date, by: User
) -> Organisation:
    """Hub staff record whether the organisation meets the regional base standard for support
    organisations (recommendation 6), and when they checked."""
    organisation.meets_base_standard = meets
    organisation.base_standard_checked_on = checked_on
    organisation.base_standard_checked_by = by
    organisation.save(
        update_fields=[
            "meets_base_standard",
            "base_standard_checked_on",
            "base_standard_checked_by",
            "updated_at",
        ]
    )
    audit.record(
        by,
        "directory.base_standard_recorded",
        organisation,
        meets=meets,
        checked_on=checked_on.isoformat(),
    )
    return organisation


def _save_parts(service: Service, data: ServiceInput) -> None:
    service.areas.set(data.areas)
    ServiceNeed.objects.filter(service=service).exclude(need__in=data.needs).delete()
    have = set(ServiceNeed.objects.filter(service=service).values_list("need", flat=True))
    ServiceNeed.objects.bulk_create(
        [ServiceNeed(service=service, need=need) for need in data.needs if need not in have]
    )
    service.opening_hours.all().delete()
    OpeningHours.objects.bulk_create(
        [
            OpeningHours(service=service, day=day, opens_at=opens, closes_at=closes)
            for day, opens, closes in data.hours
        ]
    )
    # One location is edited on PA Hub's pages; keep its row (and UUID) when it changes.
    first = service.locations.order_by("pk").first()
    if data.location is None:
        service.locations.all().delete()
        return
    values = {
        "district": data.location.district,
        "name": data.location.name,
        "address": data.location.address,
        "town": data.location.town,
        "postcode": data.location.postcode,
    }
    if first is None:
        Location.objects.create(service=service, **values)
    else:
        for name, value in values.items():
            setattr(first, name, value)
        first.save()
        service.locations.exclude(pk=first.pk).delete()


@transaction.atomic
def service_create(
    *, organisation: Organisation, data: ServiceInput, by: User | None, approved: bool = False
) -> Service:
    """Add a service to an entry. It waits for hub staff unless `approved` (the seed, the demo
    and hub staff themselves)."""
    service = Service.objects.create(
        organisation=organisation,
        status=Service.Status.APPROVED if approved else Service.Status.PENDING,
        decided_at=timezone.now() if approved else None,
        **{name: getattr(data, name) for name in SERVICE_FIELDS},
    )
    _save_parts(service, data)
    audit.record(by, "directory.service_created", service)
    return service


@transaction.atomic
def service_update(*, service: Service, data: ServiceInput, by: User) -> Service:
    changed = [name for name in SERVICE_FIELDS if getattr(service, name) != getattr(data, name)]
    for name in SERVICE_FIELDS:
        setattr(service, name, getattr(data, name))
    service.save(update_fields=[*SERVICE_FIELDS, "updated_at"])
    _save_parts(service, data)
    audit.record(by, "directory.service_updated", service, fields=changed)
    return service


@transaction.atomic
def service_approve(*, service: Service, by: User) -> Service:
    if service.status == Service.Status.APPROVED:
        raise DirectoryError("This service is already approved.")
    service.status = Service.Status.APPROVED
    service.decided_at = timezone.now()
    service.decided_by = by
    service.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
    audit.record(by, "directory.service_approved", service)
    return service


@transaction.atomic
def service_withdraw(*, service: Service, by: User) -> Service:
    """Take a service out of the directory: by its organisation, or by hub staff."""
    if service.status == Service.Status.WITHDRAWN:
        raise DirectoryError("This service is already withdrawn.")
    service.status = Service.Status.WITHDRAWN
    service.decided_at = timezone.now()
    service.decided_by = by
    service.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
    audit.record(by, "directory.service_withdrawn", service)
    return service
