"""Saved searches and their daily email digest.

A PA keeps a job search from /jobs/; the employer side keeps a talent search from
/matches/talent/ (for one employer they act for). With alerts on, a daily run emails each
person once, listing only results that are new since they saved the search or were last told
(`seen_ids`); nothing new, no email. Talent searches are rerun as the person who saved them,
at send time, so a PA who has since hidden their profile, or an employer whose grant was
withdrawn, drops out by the same rules the pages use.

Every email carries a one-click link (a signed token, no sign-in needed) to turn alerts off,
for one search or for all of them.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Role, User
from pahub.core import audit
from pahub.employers.models import EmployerProfile
from pahub.employers.permissions import can_act_for_employer, employers_user_can_act_for
from pahub.jobs.models import SavedSearch
from pahub.jobs.notices import SAVED_SEARCH_RESULTS
from pahub.jobs.vacancies.forms import (
    job_filters_from_query,
    query_to_querydict,
    task_choices,
)
from pahub.jobs.vacancies.search import JobFilters, search_jobs
from pahub.matching.engine import search_talent
from pahub.matching.filters import TalentFilters
from pahub.notifications.services import notify

logger = logging.getLogger(__name__)

MAX_SAVED_SEARCHES = 20
MAX_NAME_LENGTH = 80
# How many results of each search a digest looks at (nearest or newest first).
RESULTS_CHECKED = 50
# Enough memory of what was sent that an old result never comes back as "new".
SEEN_IDS_KEPT = 1000
# A person gets at most one digest in this time, however often the task runs: "daily", with
# slack for a scheduler that runs a little early.
DIGEST_INTERVAL = timedelta(hours=20)
UNSUBSCRIBE_SALT = "pahub.jobs.saved-search-alerts-off"


class SavedSearchError(Exception):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# Reading a stored query


def job_filters_of(query: dict[str, list[str]]) -> JobFilters | None:
    filters, errors = job_filters_from_query(query_to_querydict(query))
    return None if errors else filters


def talent_filters_of(query: dict[str, list[str]]) -> TalentFilters | None:
    filters, errors = TalentFilters.from_query(query)
    return None if errors else filters


def describe_talent(filters: TalentFilters) -> str:
    """A talent search in a few words, to name it: "PAs within 10 miles of NE1, level 2+"."""
    parts = [f"within {filters.miles} miles of {filters.outcode}"]
    if filters.skill_codes:
        parts.append(
            f"{len(filters.skill_codes)} skill{'s' if len(filters.skill_codes) != 1 else ''}"
        )
    if filters.language_codes:
        parts.append("speaks " + ", ".join(filters.language_codes))
    if filters.availability_keys:
        parts.append(f"free at {len(filters.availability_keys)} chosen times")
    if filters.min_level:
        parts.append(f"level {filters.min_level} or above")
    if filters.driver:
        parts.append("drivers")
    return "PAs " + ", ".join(parts)


def default_name(kind: str, query: dict[str, list[str]]) -> str:
    if kind == SavedSearch.Kind.JOBS:
        filters = job_filters_of(query)
        return filters.describe(dict(task_choices())) if filters else "My job search"
    filters = talent_filters_of(query)
    return describe_talent(filters) if filters else "My search for PAs"


# Changes


@transaction.atomic
def saved_search_create(
    *,
    user: User,
    kind: str,
    query: dict[str, list[str]],
    name: str = "",
    employer: User | None = None,
) -> SavedSearch:
    """Keep a search. What it finds today counts as seen, so the first digest lists only
    what appears after this."""
    if kind == SavedSearch.Kind.JOBS:
        if not user.has_role(Role.PA):
            raise SavedSearchError("Saved job searches are for Personal Assistants.")
        if job_filters_of(query) is None:
            raise SavedSearchError("This search has a mistake in it. Correct it, then save it.")
        employer = None
    elif kind == SavedSearch.Kind.TALENT:
        if employer is None or not can_act_for_employer(user, employer):
            raise SavedSearchError("Choose the employer this search is for.", field="employer")
        if talent_filters_of(query) is None:
            raise SavedSearchError("This search has a mistake in it. Correct it, then save it.")
    else:
        raise SavedSearchError("Choose whether this is a search for jobs or for PAs.", field="kind")
    name = " ".join(name.split())
    if len(name) > MAX_NAME_LENGTH:
        raise SavedSearchError(
            f"The name must be {MAX_NAME_LENGTH} characters or fewer.", field="name"
        )
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise SavedSearchError(
            f"You can keep up to {MAX_SAVED_SEARCHES} searches. "
            "Delete one you no longer need first."
        )
    search = SavedSearch(
        user=user,
        employer=employer,
        kind=kind,
        name=name or default_name(kind, query)[:MAX_NAME_LENGTH],
        query=query,
        alerts_enabled=True,
    )
    search.seen_ids = [item.id for item in current_results(search)]
    search.save()
    audit.record(user, "saved_search.created", search, kind=kind)
    return search


@transaction.atomic
def saved_search_set_alerts(*, search: SavedSearch, enabled: bool, by: User | None) -> SavedSearch:
    """Turn a search's alerts on or off. `by` is None for the signed unsubscribe link."""
    if search.alerts_enabled != enabled:
        search.alerts_enabled = enabled
        if enabled:
            # Turning alerts back on starts from now: no flood of everything missed.
            search.seen_ids = [item.id for item in current_results(search)]
        search.save(update_fields=["alerts_enabled", "seen_ids"])
        audit.record(
            by or search.user,
            "saved_search.alerts_on" if enabled else "saved_search.alerts_off",
            search,
            by_email_link=by is None,
        )
    return search


@transaction.atomic
def saved_search_delete(*, search: SavedSearch, by: User) -> None:
    audit.record(by, "saved_search.deleted", search, kind=search.kind)
    search.delete()


# Reads


def access_own_saved_search(user: User, search_id: int) -> SavedSearch:
    """Only the person who saved a search may see or change it; 404 for anyone else."""
    search = get_object_or_404(SavedSearch.objects.select_related("employer"), pk=search_id)
    if search.user_id != user.pk:
        raise Http404
    return search


def saved_searches_of(user: User) -> QuerySet[SavedSearch]:
    return (
        SavedSearch.objects.filter(user=user)
        .select_related("employer")
        .order_by("-created_at", "-pk")
    )


def url_or_none(name: str, *args) -> str:
    """A page's address; a missing page is a broken link and fails loudly."""
    return reverse(name, args=args)


def run_url(search: SavedSearch) -> str | None:
    """The search page with the saved filters, to see every result now."""
    page = url_or_none("jobs:list" if search.kind == SavedSearch.Kind.JOBS else "matching:talent")
    if page is None:
        return None
    return f"{page}?{urlencode(search.query, doseq=True)}" if search.query else page


def employers_for_talent_searches(user: User) -> list[tuple[int, str]]:
    """Who a talent search may be saved for: everyone the person acts for, by display name."""
    employers = list(employers_user_can_act_for(user).order_by("full_name", "pk"))
    names = dict(
        EmployerProfile.objects.filter(user__in=employers).values_list("user_id", "display_name")
    )
    return [
        (employer.pk, names.get(employer.pk) or employer.display_name) for employer in employers
    ]


# What a search finds, as a digest lists it


@dataclass(frozen=True)
class DigestItem:
    id: int
    title: str
    detail: str
    url: str


def current_results(search: SavedSearch) -> list[DigestItem]:
    """What the search finds now, as the person who saved it may see it."""
    if search.kind == SavedSearch.Kind.JOBS:
        return job_results(search)
    return talent_results(search)


def job_results(search: SavedSearch) -> list[DigestItem]:
    filters = job_filters_of(search.query)
    if filters is None:
        return []
    found = search_jobs(filters)
    items = []
    for job in found.jobs.select_related("district", "local_authority")[:RESULTS_CHECKED]:
        public = found.public(job)
        where = public.distance_label or public.place_label
        items.append(
            DigestItem(
                id=job.pk,
                title=public.title,
                detail=f"{where}; {public.hours_label}; {public.pay_label}",
                url=settings.SITE_URL + reverse("jobs:detail", args=[job.pk]),
            )
        )
    return items


def talent_results(search: SavedSearch) -> list[DigestItem]:
    user = search.user
    if not user.is_active:
        return []
    if search.employer_id is None or not can_act_for_employer(user, search.employer):
        # The grant or consent behind this search has ended: it finds nothing now.
        return []
    filters = talent_filters_of(search.query)
    if filters is None:
        return []
    items = []
    for result in search_talent(viewer=user, filters=filters, limit=RESULTS_CHECKED):
        profile = result.profile
        profile_url = url_or_none("register:profile_detail", profile.pk) or ""
        # Only the name the PA chose to show and their district: nothing else leaves PA Hub.
        items.append(
            DigestItem(
                id=profile.pk,
                title=profile.shown_name,
                detail=profile.user.district_id or "District not given",
                url=settings.SITE_URL + profile_url,
            )
        )
    return items


# The daily digest


def unsubscribe_token(user: User, search: SavedSearch | None = None) -> str:
    """A signed token that turns off one search's alerts, or all of a person's (no search)."""
    return signing.dumps(
        {"user": user.pk, "search": search.pk if search else None}, salt=UNSUBSCRIBE_SALT
    )


def unsubscribe_url(user: User, search: SavedSearch | None = None) -> str:
    return settings.SITE_URL + reverse(
        "jobs:saved_search_unsubscribe", args=[unsubscribe_token(user, search)]
    )


@dataclass(frozen=True)
class Unsubscribe:
    user: User
    searches: list[SavedSearch]
    all_searches: bool


def searches_for_token(token: str) -> Unsubscribe:
    """The searches an unsubscribe link is for; Http404 when the link is not genuine."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise Http404 from None
    user = User.objects.filter(pk=payload.get("user")).first()
    if user is None:
        raise Http404
    searches = SavedSearch.objects.filter(user=user)
    if payload.get("search") is not None:
        searches = searches.filter(pk=payload["search"])
        if not searches.exists():
            raise Http404
    return Unsubscribe(user, list(searches), payload.get("search") is None)


@transaction.atomic
def alerts_off_by_link(*, token: str) -> Unsubscribe:
    unsubscribe = searches_for_token(token)
    for search in unsubscribe.searches:
        saved_search_set_alerts(search=search, enabled=False, by=None)
    return unsubscribe


@dataclass
class DigestSection:
    search: SavedSearch
    items: list[DigestItem]
    run_url: str | None
    unsubscribe_url: str


@dataclass
class DigestRun:
    people_checked: int = 0
    emails_sent: int = 0
    new_results: int = 0
    skipped_recent: int = 0


def people_with_alerts() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True, saved_searches__alerts_enabled=True)
        .distinct()
        .order_by("pk")
    )


def run_digests(*, now: datetime | None = None) -> DigestRun:
    """The daily run: at most one email per person, listing only new results."""
    now = now or timezone.now()
    run = DigestRun()
    for user in people_with_alerts().iterator(chunk_size=200):
        run.people_checked += 1
        try:
            sent = send_digest(user=user, now=now, run=run)
        except Exception:
            # One person's broken search must not stop everyone else's digest.
            logger.exception("Saved-search digest failed for user %s", user.pk)
            continue
        if sent:
            run.emails_sent += 1
    logger.info(
        "Saved-search digests: %s people checked, %s emails, %s new results.",
        run.people_checked,
        run.emails_sent,
        run.new_results,
    )
    return run


@transaction.atomic
def send_digest(*, user: User, now: datetime, run: DigestRun) -> bool:
    """Check one person's searches and email what is new. Locked per search, and recorded
    before the email is queued (after commit), so two runs at once never send it twice."""
    searches = list(
        SavedSearch.objects.select_for_update(of=("self",))
        .filter(user=user, alerts_enabled=True)
        .select_related("employer", "user")
        .order_by("pk")
    )
    recent = [
        s for s in searches if s.last_alerted_at and now - s.last_alerted_at < DIGEST_INTERVAL
    ]
    if recent:
        run.skipped_recent += 1
        return False
    sections = []
    for search in searches:
        seen = set(search.seen_ids)
        found = current_results(search)
        new = [item for item in found if item.id not in seen]
        search.last_alerted_at = now
        if new:
            search.seen_ids = (search.seen_ids + [item.id for item in new])[-SEEN_IDS_KEPT:]
            sections.append(
                DigestSection(
                    search=search,
                    items=new,
                    run_url=(settings.SITE_URL + run_url(search)) if run_url(search) else None,
                    unsubscribe_url=unsubscribe_url(user, search),
                )
            )
        search.save(update_fields=["seen_ids", "last_alerted_at"])
    if not sections:
        return False
    total = sum(len(section.items) for section in sections)
    run.new_results += total
    email_digest(user, sections, total)
    return True


def email_digest(user: User, sections: list[DigestSection], total: int) -> None:
    context: dict[str, Any] = {
        "name": user.known_as or user.full_name.split(" ")[0] or "there",
        "sections": sections,
        "total": total,
        "manage_url": settings.SITE_URL + reverse("jobs:saved_searches"),
        "all_off_url": unsubscribe_url(user),
        "site_url": settings.SITE_URL,
    }
    subject = render_to_string("jobs/email/digest_subject.txt", context).strip()
    body = render_to_string("jobs/email/digest_body.txt", context)
    # Through the notification service: an in-app notice, and the email by the person's choice
    # for saved-search results. Mail programs show their own "Unsubscribe" button, which posts
    # to the link (RFC 8058): here saved searches' own, alerts off for every search.
    notify(
        user,
        SAVED_SEARCH_RESULTS.key,
        title=subject,
        body=", ".join(section.search.name for section in sections),
        url=reverse("jobs:saved_searches"),
        email=(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body),
        unsubscribe_link=context["all_off_url"],
    )
