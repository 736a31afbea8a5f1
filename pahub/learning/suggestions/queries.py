"""Reads for module suggestions: an employer's PAs, the modules one may suggest, and the
suggestions a person made or received."""

from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import User
from pahub.cover.models import Booking
from pahub.jobs.models import Job
from pahub.learning.models import Audience, Module, ModuleSuggestion

# A PA who covered for an employer this recently still counts as theirs.
COVER_LOOKBACK = timedelta(days=365)
# The newest this many suggestions show on a page or in the API.
LIST_LIMIT = 100


def module_path(module: Module) -> str:
    """The learner's page of a module. Load the module with its course."""
    return reverse(
        "learning:module", kwargs={"course_slug": module.course.slug, "module_slug": module.slug}
    )


def pas_of_employer(employer: User, *, now: datetime | None = None) -> QuerySet[User]:
    """The employer's PAs: hired for one of their filled jobs, or with a confirmed cover
    booking for them starting in the last 12 months (or still to come). Active accounts
    only, in name order, with the PA profile for the name they go by. The one definition:
    the form's choices, the service's check and the API all read it."""
    since = (now or timezone.now()) - COVER_LOOKBACK
    hired = Job.objects.filter(
        employer=employer, status=Job.Status.FILLED, hired_pa__isnull=False
    ).values("hired_pa")
    booked = Booking.objects.filter(
        employer=employer, status=Booking.Status.CONFIRMED, starts_at__gte=since
    ).values("pa")
    return (
        User.objects.filter(Q(pk__in=hired) | Q(pk__in=booked))
        .filter(is_active=True, deleted_at__isnull=True)
        .select_related("pa_profile")
        .order_by("full_name", "pk")
    )


def pa_name(pa: User) -> str:
    """The name a PA goes by on their profile, else their account's."""
    profile = getattr(pa, "pa_profile", None)
    return profile.shown_name if profile is not None else pa.display_name


def suggestable_modules() -> QuerySet[Module]:
    """Modules an employer may suggest to a PA: in a published course that is not for
    employers only, not retired, with a current version; in the courses' and modules' order."""
    return (
        Module.objects.filter(
            retired_at__isnull=True,
            current_version__isnull=False,
            course__published_at__isnull=False,
        )
        .exclude(course__audience=Audience.EMPLOYER)
        .select_related("course", "current_version")
        .order_by("course__order", "course__title", "course__pk", "order", "pk")
    )


def with_details(suggestions: QuerySet[ModuleSuggestion]) -> QuerySet[ModuleSuggestion]:
    """What a list of suggestions shows, in one query: module, course, employer, PA."""
    return suggestions.select_related(
        "module__course",
        "module__current_version",
        "employer__employer_profile",
        "pa__pa_profile",
    ).order_by("-created_at", "-pk")


def suggestions_to(pa: User) -> QuerySet[ModuleSuggestion]:
    """Suggestions made to this PA that they have not dismissed, newest first."""
    return with_details(ModuleSuggestion.objects.filter(pa=pa, dismissed_at__isnull=True))


def suggestions_made_for(employers: QuerySet[User] | list[User]) -> QuerySet[ModuleSuggestion]:
    """Suggestions made for these employers (by them or someone acting for them)."""
    return with_details(ModuleSuggestion.objects.filter(employer__in=employers))
