"""The directory's part of a person's data: only hub staff appear in it, as the person who
approved or withdrew a service, or who checked an organisation against the regional base
standard. The directory's entries belong to organisations, so they stay when that person's
account is deleted; the link to them goes (the foreign keys are SET_NULL), leaving the
decision and its date."""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.directory.models import Organisation, Service


def export_directory(user) -> dict[str, Any]:
    return {
        "service_decisions": [
            {
                "service": service.name,
                "status": service.get_status_display(),
                "decided_at": service.decided_at.isoformat() if service.decided_at else None,
            }
            for service in Service.objects.filter(decided_by=user).order_by("decided_at", "pk")
        ],
        "base_standard_checks": [
            {
                "organisation": organisation.name,
                "meets_base_standard": organisation.meets_base_standard,
                "checked_on": (
                    organisation.base_standard_checked_on.isoformat()
                    if organisation.base_standard_checked_on
                    else None
                ),
            }
            for organisation in Organisation.objects.filter(base_standard_checked_by=user)
        ],
    }


def forget_directory_decisions(user) -> None:
    Service.objects.filter(decided_by=user).update(decided_by=None)
    Organisation.objects.filter(base_standard_checked_by=user).update(base_standard_checked_by=None)


register(
    "directory",
    models={
        "directory.Service": Fate.KEPT_ANONYMISED,
        "directory.Organisation": Fate.KEPT_ANONYMISED,
        # Parts of a service, with nothing of the person: exported and kept with it.
        "directory.ServiceNeed": Fate.KEPT_ANONYMISED,
        "directory.Location": Fate.KEPT_ANONYMISED,
        "directory.OpeningHours": Fate.KEPT_ANONYMISED,
    },
    export=export_directory,
    erase={Step.RECORDS: forget_directory_decisions},
)
