"""Who may import, and which imports a person may see. The only place such rules live."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Organisation, User
from pahub.accounts.permissions import is_organisation_staff
from pahub.core.imports.models import ImportRun


def importing_organisations(user: User) -> QuerySet[Organisation]:
    """The organisations a person imports for: those they work for, and no other (a site
    admin without a membership imports nothing, as they serve no area)."""
    if not is_organisation_staff(user):
        raise PermissionDenied("Imports are for organisation staff.")
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def import_runs_for(user: User) -> QuerySet[ImportRun]:
    return ImportRun.objects.filter(
        organisation__in=importing_organisations(user).values("pk")
    ).select_related("organisation", "started_by")


def access_import_run(user: User, run_id: int) -> ImportRun:
    """The only way to load an import: another organisation's is a 404, as if it did not exist."""
    return get_object_or_404(import_runs_for(user), pk=run_id)
