"""Staff reads of the register: the register search, the verification queue and the badge.

Every function takes a queryset already scoped to what the person (or the organisation behind
an API key) may see, and only narrows it: scoping is done once, by
`permissions.visible_profiles_for_staff` or `visible_profiles_for_organisation`, and nothing
here can widen it.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.paginator import Page, Paginator
from django.db import connections, transaction
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

from pahub.accounts.models import Membership, Organisation, User
from pahub.register.availability import DAYS, PARTS, Slot
from pahub.register.levels import LEVEL_NAMES, level_for, still_needed_for_next_level
from pahub.register.masks import has_bit
from pahub.register.models import (
    Evidence,
    ExpiryReminder,
    InductionCompletion,
    PAProfile,
    ProfileLanguage,
)
from pahub.register.permissions import profiles_in_areas, staff_search_areas
from pahub.register.queries import badge_items, level_facts_for
from pahub.register.search_index import INDEX
from pahub.taxonomy.models import Skill
from pahub.taxonomy.snapshot import taxonomy

PAGE_SIZE = 25
EXPIRING_SOON_DAYS = 60
# The register search counts its matches up to here and says "more than" beyond: an exact
# count of every PA in a whole region (200,000) costs more than the rest of the page.
COUNT_LIMIT = 10_000
# Names are not English prose: no stemming and no stop words ("Will" is one in English).
NAME_SEARCH_CONFIG = "simple"
MAX_NAME_WORDS = 5


class EvidenceFilter:
    """The evidence-status filters staff choose from, with the words they read."""

    DBS_VERIFIED = "dbs_verified"
    DBS_EXPIRING = "dbs_expiring"
    DBS_LAPSED = "dbs_lapsed"
    AWAITING = "awaiting"
    NEEDS_MORE = "needs_more"

    CHOICES = (
        (DBS_VERIFIED, "DBS verified and current"),
        (DBS_EXPIRING, f"DBS expiring in the next {EXPIRING_SOON_DAYS} days"),
        (DBS_LAPSED, "DBS verified but no longer current"),
        (AWAITING, "Has evidence waiting to be checked"),
        (NEEDS_MORE, "Was asked for more information"),
    )
    VALUES = frozenset(value for value, _ in CHOICES)


class ProfileStatusFilter:
    LOOKING = "looking"
    PAUSED = "paused"
    HIDDEN = "hidden"

    CHOICES = (
        (LOOKING, "Looking for work (not paused or hidden)"),
        (PAUSED, "Paused: not looking right now"),
        (HIDDEN, "Hidden from employers"),
    )
    VALUES = frozenset(value for value, _ in CHOICES)


@dataclass(frozen=True)
class RegisterFilters:
    """What staff (or an organisation's system) asked for; every field is optional."""

    name: str = ""
    district: str = ""
    local_authority: str = ""
    min_level: int | None = None
    skill: str = ""
    language: str = ""
    # Free in every one of these slots: profile.availability & mask == mask.
    availability_mask: int = 0
    # Free at some time in each of these groups of slots (a day, or a part of the day).
    available_in_each: tuple[int, ...] = field(default_factory=tuple)
    evidence: str = ""
    status: str = ""

    @property
    def is_empty(self) -> bool:
        return self == RegisterFilters()


def availability_filters(days: Iterable[int], parts: Iterable[int]) -> tuple[int, tuple[int, ...]]:
    """Days and parts of the day ticked on the search form, as (all-of mask, any-of masks).

    Both ticked: free in every chosen part of every chosen day. Only days: free at some time
    on each chosen day. Only parts: free in each chosen part on some day.
    """
    days, parts = sorted(set(days)), sorted(set(parts))
    if days and parts:
        mask = 0
        for day in days:
            for part in parts:
                mask |= Slot(day, part).bit
        return mask, ()
    if days:
        return 0, tuple(_day_mask(day) for day in days)
    if parts:
        return 0, tuple(_part_mask(part) for part in parts)
    return 0, ()


def _day_mask(day: int) -> int:
    return sum(Slot(day, part).bit for part in range(len(PARTS)))


def _part_mask(part: int) -> int:
    return sum(Slot(day, part).bit for day in range(len(DAYS)))


def visible_profiles_for_organisation(organisation: Organisation) -> QuerySet[PAProfile]:
    """Profiles an organisation's systems may read: PAs living in, or visible in, its areas
    (`permissions.profiles_in_areas`, the rule a staff member's search follows too)."""
    return profiles_in_areas(organisation_areas(organisation))


def organisation_areas(organisation: Organisation) -> set[str]:
    return set(organisation.local_authorities.values_list("gss_code", flat=True))


def counting_dbs(today: date) -> Q:
    return Q(kind=Evidence.Kind.DBS, status=Evidence.Status.VERIFIED) & (
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )


def evidence_with_status(choice: str, today: date) -> QuerySet[Evidence]:
    """The evidence one evidence-status choice looks for; unknown choices raise KeyError."""
    return Evidence.objects.filter(evidence_status_condition(choice, today))


def evidence_condition(choice: str, today: date) -> Q:
    """Profiles with evidence of the chosen status."""
    return Q(pk__in=evidence_with_status(choice, today).values("profile_id"))


def evidence_status_condition(choice: str, today: date) -> Q:
    """The filter for one evidence-status choice; unknown choices raise KeyError."""
    conditions = {
        EvidenceFilter.DBS_VERIFIED: counting_dbs(today),
        EvidenceFilter.DBS_EXPIRING: Q(
            kind=Evidence.Kind.DBS,
            status=Evidence.Status.VERIFIED,
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=EXPIRING_SOON_DAYS),
        ),
        EvidenceFilter.DBS_LAPSED: Q(
            kind=Evidence.Kind.DBS, status=Evidence.Status.VERIFIED, expires_on__lt=today
        ),
        EvidenceFilter.AWAITING: Q(status=Evidence.Status.AWAITING),
        EvidenceFilter.NEEDS_MORE: Q(status=Evidence.Status.NEEDS_MORE),
    }
    return conditions[choice]


def search_profiles(
    profiles: QuerySet[PAProfile], filters: RegisterFilters, *, today: date | None = None
) -> QuerySet[PAProfile]:
    """Narrow an already scoped queryset by the filters; ordered by name, ready to list."""
    today = today or timezone.localdate()
    if words := name_words(filters.name):
        profiles = profiles.filter(name_condition(words, using=profiles.db))
    profiles = profiles.filter(
        **{f"user__{lookup}": value for lookup, value in user_lookups(filters).items()}
    )
    if filters.min_level:
        profiles = profiles.filter(level__gte=filters.min_level)
    # Subqueries by value (IN), not correlated EXISTS: each uses its table's index on the
    # skill, language or status once, instead of one lookup per profile in scope.
    if filters.skill:
        profiles = profiles.filter(
            pk__in=PAProfile.skills.through.objects.filter(skill__code=filters.skill).values(
                "paprofile_id"
            )
        )
    if filters.language:
        profiles = profiles.filter(
            pk__in=ProfileLanguage.objects.filter(language__code=filters.language).values(
                "profile_id"
            )
        )
    if filters.availability_mask:
        # The bitwise AND runs in the database, so it stays one indexed-scan query.
        profiles = profiles.alias(
            free_in_mask=F("availability").bitand(filters.availability_mask)
        ).filter(free_in_mask=filters.availability_mask)
    for number, mask in enumerate(filters.available_in_each):
        profiles = profiles.alias(**{f"free_in_group_{number}": F("availability").bitand(mask)})
        profiles = profiles.exclude(**{f"free_in_group_{number}": 0})
    if filters.evidence:
        profiles = profiles.filter(evidence_condition(filters.evidence, today))
    if filters.status == ProfileStatusFilter.LOOKING:
        profiles = profiles.filter(is_paused=False).exclude(visibility=PAProfile.Visibility.HIDDEN)
    elif filters.status == ProfileStatusFilter.PAUSED:
        profiles = profiles.filter(is_paused=True)
    elif filters.status == ProfileStatusFilter.HIDDEN:
        profiles = profiles.filter(visibility=PAProfile.Visibility.HIDDEN)
    # By name, then by person (the user's id, not the profile's): both in one index on the
    # users (migration 0017), so a page is read in order instead of sorting every match.
    return profiles.order_by("user__full_name", "user_id")


# The name search


def name_words(text: str) -> list[str]:
    """The words of a name search: letters and digits, so punctuation ("O'Brien",
    "Smith-Jones") separates words as it does in the names searched."""
    return re.findall(r"[^\W_]+", text)[:MAX_NAME_WORDS]


def name_condition(words: list[str], *, using: str) -> Q:
    """Profiles whose names hold every word: all in the person's full name and known-as
    name, or all in the profile's display name.

    The one place the database decides how. PostgreSQL: full-text search, each word a prefix
    of a word of the name ("sar smi" finds Sarah Smith, and Smith Sarah), through the GIN
    indexes of migration 0016, as a list of ids. SQLite: each word anywhere in the names
    (icontains), tested on the rows the other filters leave; it finds the same people, and
    also a word inside a name ("arah" finds Sarah there only).
    """
    if connections[using].vendor == "postgresql":
        return Q(pk__in=profiles_named(words))
    person, shown = Q(), Q()
    for word in words:
        person &= Q(user__full_name__icontains=word) | Q(user__known_as__icontains=word)
        shown &= Q(display_name__icontains=word)
    return person | shown


def _name_query(words: list[str]) -> SearchQuery:
    return SearchQuery(
        " & ".join(f"{word}:*" for word in words), search_type="raw", config=NAME_SEARCH_CONFIG
    )


def users_named(words: list[str], **where) -> QuerySet[User]:
    """On PostgreSQL, the people whose full name or known-as has every word as a word prefix,
    with the same expression as the GIN index on `accounts_user`, so it can be used; `where`:
    lookups on the user that narrow it (see `profiles_named`)."""
    return (
        User.objects.alias(names=SearchVector("full_name", "known_as", config=NAME_SEARCH_CONFIG))
        .filter(names=_name_query(words))
        .filter(**where)
    )


def profiles_named(words: list[str], **people_where) -> QuerySet[PAProfile]:
    """On PostgreSQL, the ids of the profiles `name_condition` finds, each side from its
    GIN index: the names are in two tables, and one index cannot span both.

    `people_where`: lookups on the user that the search filters by anyway (the district, the
    local authority; `user_lookups`), so PostgreSQL reads the name index and the user's index
    together: a short prefix ("sam") names some 1,400 people across the country, each read
    from the table to be rechecked, of whom a district holds a few. Only the people's side
    is narrowed, so the result is a superset the caller still filters: narrowing the display
    names by their user's district made PostgreSQL read the district's every user instead
    (bench/README.md, "A name within a district")."""
    # The same expressions as the indexes, so PostgreSQL can use them.
    shown = PAProfile.objects.alias(
        names=SearchVector("display_name", config=NAME_SEARCH_CONFIG)
    ).filter(names=_name_query(words))
    by_person = PAProfile.objects.filter(
        user_id__in=users_named(words, **people_where).values("pk")
    ).values("pk")
    return by_person.union(shown.values("pk"))


def user_lookups(filters: RegisterFilters) -> dict[str, str]:
    """The filters on the PA's person, as lookups on the user: `search_profiles` applies
    them to the profiles, and the name search on PostgreSQL narrows the people it reads."""
    lookups = {}
    if filters.district:
        lookups["district_id"] = filters.district
    if filters.local_authority:
        lookups["local_authority_id"] = filters.local_authority
    return lookups


@contextmanager
def without_parallel_workers(using: str) -> Iterator[None]:
    """PostgreSQL runs the queries inside with no parallel workers (in a transaction, so the
    setting ends with it). A name found in a few thousand rows is read in some 10 ms; with
    the two workers PostgreSQL chose to start for it, it took 15 to 20 ms on a busy 2-core
    server (bench/register_search_bench.py, "district + name")."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


class CappedPaginator(Paginator):
    """A paginator that counts at most `limit` results (and knows when there are more), so
    counting costs the same for 10,001 matches as for 200,000. Pages go up to the limit."""

    def __init__(self, object_list: QuerySet | Sequence[int], per_page: int, *, limit: int):
        super().__init__(object_list, per_page)
        self.limit = limit

    @cached_property
    def found(self) -> int:
        """How many matched, counting no further than one past the limit."""
        if isinstance(self.object_list, QuerySet):
            return self.object_list.order_by()[: self.limit + 1].count()
        return min(len(self.object_list), self.limit + 1)  # the index's ids, counted already

    @cached_property
    def count(self) -> int:
        return min(self.found, self.limit)

    @property
    def is_capped(self) -> bool:
        return self.found > self.limit


def register_page(
    areas: set[str] | None, filters: RegisterFilters, number, *, per_page: int = PAGE_SIZE
) -> Page:
    """One page of the register search by someone who may search these local authorities
    (None: every PA; `permissions.staff_search_areas`), its rows ready to list.

    The profiles found and their order come from the in-memory index (`search_index`) when it
    can answer, else from the database (`search_profiles`); either way the rows shown are
    loaded through `profiles_in_areas` as SQL, so nobody out of scope is ever listed."""
    ids = indexed_profile_ids(areas, filters)
    if ids is None:
        profiles = search_profiles(profiles_in_areas(areas), filters)
        return page_of_profiles(profiles, number, per_page=per_page)
    paginator = CappedPaginator(ids, per_page, limit=COUNT_LIMIT)
    page = paginator.get_page(number)
    shown = [int(pk) for pk in page.object_list]
    page.object_list = profiles_in_order(shown, among=profiles_in_areas(areas, among_ids=shown))
    return page


def register_profile_ids(
    areas: set[str] | None, filters: RegisterFilters
) -> np.ndarray | QuerySet[PAProfile]:
    """Every profile id the search finds, in order (a sequence: `len`/`count()` and slices),
    from the index or the database; for the API's own pages."""
    ids = indexed_profile_ids(areas, filters)
    if ids is None:
        return search_profiles(profiles_in_areas(areas), filters).values_list("pk", flat=True)
    return ids


def indexed_profile_ids(
    areas: set[str] | None, filters: RegisterFilters, *, today: date | None = None
) -> np.ndarray | None:
    """The ids `search_profiles` would find for these areas, by name, from the in-memory
    index; None when it cannot answer. What the index does not hold is asked of the database
    here: the skill's and language's ids, the evidence, and on PostgreSQL the full-text name
    search (SQLite's rule, each word anywhere in the names, is the index's own)."""
    if not INDEX.available:
        return None
    skill_id = language_id = None
    if filters.skill or filters.language:
        known = taxonomy()
        skill_id = (known.skill_id(filters.skill) or 0) if filters.skill else None
        language_id = (known.language_id(filters.language) or 0) if filters.language else None
    if any(item and not has_bit(item) for item in (skill_id, language_id)):
        return None
    words = name_words(filters.name)
    among: set[int] | None = None
    if words and connections[PAProfile.objects.db].vendor == "postgresql":
        with without_parallel_workers(PAProfile.objects.db):
            named = profiles_named(words, **user_lookups(filters))
            among = set(named.values_list("pk", flat=True))
        words = []
    if filters.evidence:
        today = today or timezone.localdate()
        evidenced = set(
            evidence_with_status(filters.evidence, today).values_list("profile_id", flat=True)
        )
        among = evidenced if among is None else among & evidenced
    return INDEX.find(
        filters,
        areas=areas,
        skill_id=skill_id,
        language_id=language_id,
        name_words=words,
        among_ids=None if among is None else sorted(among),
    )


def page_of_profiles(profiles: QuerySet[PAProfile], number, *, per_page: int = PAGE_SIZE) -> Page:
    """One page of search results, its rows ready to list.

    In three narrow queries (how many, up to COUNT_LIMIT; this page's ids, in order; their
    rows) rather than one wide one, so ordering and counting read ids and names only.
    """
    paginator = CappedPaginator(profiles.values_list("pk", flat=True), per_page, limit=COUNT_LIMIT)
    page = paginator.get_page(number)
    page.object_list = profiles_in_order(list(page.object_list))
    return page


def profiles_in_order(
    ids: list[int],
    *,
    today: date | None = None,
    for_api: bool = False,
    among: QuerySet[PAProfile] | None = None,
) -> list[PAProfile]:
    """The profiles with these ids, in the same order: those `among` the scoped profiles,
    when the ids came from the in-memory index, or all of them (already scoped by the
    caller)."""
    source = PAProfile.objects if among is None else among
    found = source.filter(pk__in=ids)
    rows = with_listing_data(found, today=today, for_api=True) if for_api else page_rows(found)
    by_id = {profile.pk: profile for profile in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


# What a row of the register page shows (register/staff/search.html and its status tag), and
# nothing else: a page builds 25 narrow profiles, users and councils instead of whole ones with
# their districts, and the text of every profile never leaves the database.
PAGE_ROW_FIELDS = (
    "user_id",
    "display_name",
    "level",
    "is_paused",
    "visibility",
    "user__full_name",
    "user__district_id",
    "user__local_authority__name",
)


def page_rows(profiles: QuerySet[PAProfile]) -> QuerySet[PAProfile]:
    """The register page's rows, with the names of their skills, in two queries."""
    return (
        profiles.select_related("user__local_authority")
        .only(*PAGE_ROW_FIELDS)
        .prefetch_related(Prefetch("skills", queryset=Skill.objects.only("pk", "name")))
    )


def with_listing_data(
    profiles: QuerySet[PAProfile], *, today: date | None = None, for_api: bool = False
) -> QuerySet[PAProfile]:
    """Everything a results row shows, in a fixed number of queries however many rows."""
    today = today or timezone.localdate()
    profiles = profiles.select_related("user__district", "user__local_authority").prefetch_related(
        Prefetch("skills", queryset=Skill.objects.only("pk", "code", "name"))
    )
    if for_api:
        profiles = profiles.prefetch_related(
            Prefetch(
                "languages",
                queryset=ProfileLanguage.objects.select_related("language"),
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(
                    Q(status=Evidence.Status.VERIFIED)
                    & (Q(expires_on__isnull=True) | Q(expires_on__gte=today))
                ).only("pk", "kind", "profile_id"),
                to_attr="counting_evidence",
            ),
        )
    return profiles


# The verification queue


def verifier_area_ids(user: User) -> set[str]:
    """Areas whose PAs' evidence this person may check (verifier or admin, verifying org)."""
    return set(
        Organisation.local_authorities.through.objects.filter(
            organisation__verifies_evidence=True,
            organisation__memberships__user=user,
            organisation__memberships__role__in=[
                Membership.StaffRole.VERIFIER,
                Membership.StaffRole.ADMIN,
            ],
        ).values_list("localauthority_id", flat=True)
    )


def evidence_in_areas(area_ids: Iterable[str]) -> QuerySet[Evidence]:
    """Evidence of PAs living in, or visible in, these areas (the verifier's reach)."""
    area_ids = list(area_ids)
    chosen_areas = PAProfile.visible_in.through.objects.filter(
        localauthority_id__in=area_ids
    ).values("paprofile_id")
    return Evidence.objects.filter(
        Q(profile__user__local_authority_id__in=area_ids) | Q(profile_id__in=chosen_areas)
    )


def verification_queue(user: User, *, kind: str = "") -> QuerySet[Evidence]:
    """Evidence waiting for a verifier in this person's areas, oldest first.

    References join the queue only once the referee has answered: there is nothing to check
    before that.
    """
    queue = evidence_in_areas(verifier_area_ids(user)).filter(
        status__in=[Evidence.Status.AWAITING, Evidence.Status.NEEDS_MORE]
    )
    queue = queue.exclude(
        Q(kind=Evidence.Kind.REFERENCE)
        & (
            Q(reference_request__isnull=True)
            | Q(reference_request__answered_at__isnull=True)
            | Q(reference_request__declined=True)
        )
    )
    if kind:
        queue = queue.filter(kind=kind)
    return queue.select_related(
        "profile__user__district", "profile__user__local_authority"
    ).order_by("created_at", "pk")


# The badge


@dataclass(frozen=True)
class Badge:
    level: int
    level_name: str
    items: list[Evidence]
    induction: InductionCompletion | None
    next_level_name: str | None
    still_needed: list[str]


def badge_for(profile: PAProfile, *, today: date | None = None) -> Badge:
    """What the badge shows: the level, what was verified, by whom and when, and what next."""
    today = today or timezone.localdate()
    facts = level_facts_for(profile, today=today)
    next_level, missing = still_needed_for_next_level(facts)
    induction = (
        InductionCompletion.objects.select_related("organisation")
        .filter(user_id=profile.user_id)
        .first()
    )
    # The level from today's facts, so it always agrees with what the badge lists.
    level = level_for(facts)
    return Badge(
        level=level,
        level_name=LEVEL_NAMES[level],
        items=badge_items(profile, today=today),
        induction=induction,
        next_level_name=LEVEL_NAMES[next_level] if next_level is not None else None,
        still_needed=missing,
    )


# Reminders staff see


def expiring_soon(user: User, *, today: date | None = None) -> QuerySet[Evidence]:
    """DBS evidence in the verifier's areas that expires within 60 days or lapsed in the
    last 60, or whose Update Service status check is due: what staff should follow up."""
    from pahub.register.reminders import status_check_due_before

    today = today or timezone.localdate()
    window = timedelta(days=EXPIRING_SOON_DAYS)
    return (
        evidence_in_areas(verifier_area_ids(user))
        .filter(kind=Evidence.Kind.DBS, status=Evidence.Status.VERIFIED)
        .filter(
            Q(expires_on__gte=today - window, expires_on__lte=today + window)
            | Q(
                dbs_on_update_service=True,
                status_checked_on__lte=status_check_due_before(today),
                expires_on__gte=today,
            )
        )
        .select_related("profile__user__district")
        .order_by("expires_on", "pk")
    )


def reminders_sent_for(evidence_ids: Iterable[int]) -> dict[int, list[ExpiryReminder]]:
    sent: dict[int, list[ExpiryReminder]] = {}
    for reminder in ExpiryReminder.objects.filter(evidence_id__in=list(evidence_ids)):
        sent.setdefault(reminder.evidence_id, []).append(reminder)
    return sent


def serving_organisation(user: User, profile: PAProfile) -> Organisation | None:
    """The staff member's organisation that serves this PA's areas (for consent and audit)."""
    areas = {profile.user.local_authority_id} | set(
        profile.visible_in.values_list("gss_code", flat=True)
    )
    return (
        Organisation.objects.filter(memberships__user=user, local_authorities__in=areas)
        .order_by("name")
        .first()
    )


def organisation_serving_area(user: User, local_authority_id: str) -> Organisation | None:
    """The staff member's organisation that works in this local authority, if any."""
    return (
        Organisation.objects.filter(
            memberships__user=user, local_authorities__gss_code=local_authority_id
        )
        .order_by("name")
        .first()
    )


def staff_areas(user: User):
    """The local authorities a staff member may search, for the search form's choices."""
    return area_choices(staff_search_areas(user))


def area_choices(scope: set[str] | None):
    """The search form's local authorities for a search scoped to `scope`
    (`staff_search_areas`): its areas, or every spoke when it is every PA (a site admin)."""
    from pahub.places.models import LocalAuthority

    if scope is None:
        return LocalAuthority.objects.filter(is_spoke=True).order_by("name")
    return LocalAuthority.objects.filter(gss_code__in=scope).order_by("name")
