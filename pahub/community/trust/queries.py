"""Reads for endorsement and feedback pages, each in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, QuerySet
from django.utils import timezone

from pahub.accounts.models import User
from pahub.community.models import Endorsement, Feedback
from pahub.community.trust.permissions import employers_written_for, feedback_for_staff
from pahub.community.trust.services import (
    REPEATED_CONCERN_PEOPLE,
    REPEATED_CONCERN_WINDOW,
    first_name,
)

WITH_EMPLOYER = ("employer__district", "employer__employer_profile")


def employer_district(employer: User) -> str:
    """The employer's postcode district: their employer profile's, else their account's."""
    profile = getattr(employer, "employer_profile", None)
    if profile is not None and profile.district_id:
        return profile.district_id
    return employer.district_id or ""


def endorser_label(endorsement: Endorsement) -> str:
    """Who gave it, as the profile shows it: "Amira, NE1"."""
    employer = endorsement.employer
    district = employer_district(employer)
    name = first_name(employer)
    return f"{name}, {district}" if district else name


def endorsements_of_pa(pa: User) -> list[Endorsement]:
    return list(
        Endorsement.objects.filter(pa=pa)
        .select_related(*WITH_EMPLOYER)
        .order_by("-requested_at", "-pk")
    )


def shown_endorsements(pa_id: int) -> list[Endorsement]:
    return list(
        Endorsement.objects.filter(pa_id=pa_id, status=Endorsement.Status.WRITTEN, shown=True)
        .select_related(*WITH_EMPLOYER)
        .order_by("-written_at", "-pk")
    )


def endorsements_for_writer(user: User) -> QuerySet[Endorsement]:
    """Requests to, and endorsements by, the employers this person writes for."""
    return (
        Endorsement.objects.filter(employer__in=employers_written_for(user))
        .select_related("pa", "employer")
        .order_by("-requested_at", "-pk")
    )


def pending_requests(user: User) -> list[Endorsement]:
    return list(endorsements_for_writer(user).filter(status=Endorsement.Status.REQUESTED))


def written_endorsements(user: User) -> list[Endorsement]:
    return list(endorsements_for_writer(user).filter(status=Endorsement.Status.WRITTEN))


# The staff queue ---------------------------------------------------------------------------


@dataclass
class PersonFeedback:
    """All the feedback one staff member may read about one person."""

    about: User
    flagged: bool
    latest: datetime
    items: list[Feedback] = field(default_factory=list)


def flagged_people(feedback: QuerySet[Feedback], *, now: datetime | None = None) -> set[int]:
    """The people two or more different people raised a concern about in the last 12 months,
    in one query."""
    since = (now or timezone.now()) - REPEATED_CONCERN_WINDOW
    return set(
        feedback.filter(category=Feedback.Category.CONCERN, created_at__gte=since)
        .values("about_id")
        .annotate(people=Count("sender", distinct=True))
        .filter(people__gte=REPEATED_CONCERN_PEOPLE)
        .values_list("about_id", flat=True)
    )


def staff_queue(user: User, *, now: datetime | None = None) -> list[PersonFeedback]:
    """The feedback a staff member may read, grouped by the person it is about: people with
    repeated concerns first, then the most recent. Two queries, however many rows."""
    visible = feedback_for_staff(user)
    flagged = flagged_people(visible, now=now)
    people: dict[int, PersonFeedback] = {}
    rows = visible.select_related("about", "sender", "local_authority").order_by(
        "-created_at", "-pk"
    )
    for feedback in rows:
        person = people.get(feedback.about_id)
        if person is None:
            person = people[feedback.about_id] = PersonFeedback(
                about=feedback.about,
                flagged=feedback.about_id in flagged,
                latest=feedback.created_at,
            )
        person.items.append(feedback)
    return sorted(
        people.values(), key=lambda person: (not person.flagged, -person.latest.timestamp())
    )


def new_feedback_count(user: User) -> int:
    return feedback_for_staff(user).filter(status=Feedback.Status.NEW).count()


def concern_people_about(user: User, about_id: int) -> int:
    since = timezone.now() - REPEATED_CONCERN_WINDOW
    return (
        feedback_for_staff(user)
        .filter(about_id=about_id, category=Feedback.Category.CONCERN, created_at__gte=since)
        .aggregate(people=Count("sender", distinct=True))["people"]
    )
