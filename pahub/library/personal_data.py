"""The library's part of a person's data: the resources they own (and are reminded to
review) and the versions they wrote. The library's content is shared guidance, not about the
person, so it stays when their account is deleted; the links to them go (the foreign keys are
SET_NULL), leaving each version and its date."""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.library.models import Resource, ResourceVersion


def export_library(user) -> dict[str, Any]:
    return {
        "resources_owned": [
            {"slug": resource.slug, "title": resource.title}
            for resource in Resource.objects.filter(owner=user).order_by("slug")
        ],
        "versions_written": [
            {
                "resource": version.resource.slug,
                "number": version.number,
                "change_note": version.change_note,
                "created_at": version.created_at.isoformat(),
            }
            for version in ResourceVersion.objects.filter(author=user)
            .select_related("resource")
            .order_by("created_at", "pk")
        ],
    }


def forget_library_authorship(user) -> None:
    Resource.objects.filter(owner=user).update(owner=None)
    ResourceVersion.objects.filter(author=user).update(author=None)


register(
    "library",
    models={
        "library.Resource": Fate.KEPT_ANONYMISED,
        "library.ResourceVersion": Fate.KEPT_ANONYMISED,
        # Part of a resource, with nothing of the person: kept with it.
        "library.ResourceAudience": Fate.KEPT_ANONYMISED,
    },
    export=export_library,
    erase={Step.RECORDS: forget_library_authorship},
)
