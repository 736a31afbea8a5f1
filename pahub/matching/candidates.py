"""The database prefilter: which PAs are worth scoring at all.

Everything here narrows a queryset with rules the pure `scoring.unmet_must_haves` also
checks, so the engine scores only rows that can be results, and the results never depend on
the prefilter being right (the engine checks each result again in Python). Which open jobs a
PA could match is the job side's prefilter: `pahub.jobs.matches.queries.open_jobs_for`.

Visibility is `pahub.register.permissions.can_view_profile`, written as a query:
`visible_profiles_q(viewer)` must give exactly the profiles that function allows, and
tests/matching/test_visibility_prefilter.py checks the two agree over every combination of
visibility, pause, role, area and verified email.
"""

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import (
    BigIntegerField,
    Expression,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
)
from django.db.models.lookups import GreaterThanOrEqual

from pahub.accounts.models import Role, User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.places.distance import bounding_box, miles_between
from pahub.places.models import District
from pahub.register.masks import has_bit, mask_of
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.register.permissions import is_verified_employer
from pahub.register.profile.services import MAX_TRAVEL_MILES

from .scoring import JobNeeds, PACandidate

NOTHING = Q(pk__in=[])


# Visibility


@dataclass(frozen=True)
class ViewerScope:
    """Who a viewer may see among the PAs looking for work: `can_view_profile`'s rule as the
    few facts about the viewer it turns on, read once. `visible_profiles_q` writes it as a
    query, and the in-memory pool (`pool.ProfilePool._visible`) as arrays; the tests check
    both against `can_view_profile` for every kind of viewer."""

    signed_in: bool
    user_id: int | None = None
    sees_everyone: bool = False  # a site admin
    # Staff in a PA's home area or chosen areas see them even when hidden or paused.
    staff_areas: frozenset[str] = frozenset()
    # Employers and representatives see profiles visible to all employers...
    sees_all_employers_profiles: bool = False
    # ...and, with a verified email, those visible locally who chose their own area.
    local_area: str | None = None


def viewer_scope(viewer: User) -> ViewerScope:
    """The viewer's scope, worked out once per user object (a request's `request.user`), as
    Django keeps a user's permissions: a match asks it for the pool and for the query."""
    if not viewer.is_authenticated:
        return ViewerScope(signed_in=False)
    scope = getattr(viewer, "_matching_scope", None)
    if scope is None:
        scope = viewer._matching_scope = _work_out_scope(viewer)
    return scope


def _work_out_scope(viewer: User) -> ViewerScope:
    if not viewer.is_authenticated:
        return ViewerScope(signed_in=False)
    if is_site_admin(viewer):
        return ViewerScope(signed_in=True, user_id=viewer.pk, sees_everyone=True)
    employs = viewer.has_role(Role.EMPLOYER) or viewer.has_role(Role.REPRESENTATIVE)
    verified_local = viewer.local_authority_id is not None and is_verified_employer(viewer)
    return ViewerScope(
        signed_in=True,
        user_id=viewer.pk,
        staff_areas=frozenset(staff_local_authority_ids(viewer)),
        sees_all_employers_profiles=employs,
        local_area=viewer.local_authority_id if verified_local else None,
    )


def visible_profiles_q(viewer: User, *, among: Sequence[int] | None = None) -> Q:
    """The profiles `can_view_profile(viewer, profile)` allows, as a filter on PAProfile.

    `among`: the filter is only ever asked of these profile ids, so the chosen areas are read
    for them alone (PostgreSQL otherwise hashes every PA who chose the area, each time)."""
    scope = viewer_scope(viewer)
    if not scope.signed_in:
        return NOTHING
    if scope.sees_everyone:
        return Q()
    own = Q(user_id=scope.user_id)
    areas = sorted(scope.staff_areas)
    # Staff in a PA's areas see them even when hidden or paused (the register's purpose).
    staff = (
        Q(user__local_authority_id__in=areas) | Q(pk__in=chosen_in(areas, among))
        if areas
        else NOTHING
    )
    to_all = (
        Q(visibility=PAProfile.Visibility.ALL_EMPLOYERS)
        if scope.sees_all_employers_profiles
        else NOTHING
    )
    local = NOTHING
    if scope.local_area is not None:
        local = Q(
            visibility=PAProfile.Visibility.LOCAL, pk__in=chosen_in([scope.local_area], among)
        )
    listed = Q(is_paused=False) & ~Q(visibility=PAProfile.Visibility.HIDDEN)
    return own | staff | (listed & (to_all | local))


def chosen_in(area_ids, among: Sequence[int] | None = None) -> QuerySet:
    """Profiles (of `among`, when given) whose PA chose to be visible in any of these areas
    (a subquery of ids)."""
    chosen = PAProfile.visible_in.through.objects.filter(localauthority_id__in=list(area_ids))
    if among is not None:
        chosen = chosen.filter(paprofile_id__in=list(among))
    return chosen.values("paprofile_id")


LOOKING_VISIBILITIES = [PAProfile.Visibility.ALL_EMPLOYERS, PAProfile.Visibility.LOCAL]


def looking_for_work() -> Q:
    """Hidden or paused profiles never appear in matches, whoever is looking.

    Written as a range on (is_paused, visibility), not "not hidden", so the database can read
    it from the front of the matching index alone.
    """
    return Q(is_paused=False, visibility__in=LOOKING_VISIBILITIES)


def profiles_for_viewers(
    *viewers: User,
    profiles: QuerySet[PAProfile] | None = None,
    among: Sequence[int] | None = None,
) -> QuerySet[PAProfile]:
    """Profiles that every one of these people may see and that are looking for work (of
    the ids `among`, when given)."""
    if profiles is None:
        profiles = PAProfile.objects.filter(looking_for_work())
    if among is not None:
        profiles = profiles.filter(pk__in=list(among))
    for viewer in dict.fromkeys(viewers):  # the same person twice is one filter
        profiles = profiles.filter(visible_profiles_q(viewer, among=among))
    return profiles


# Distance


@dataclass(frozen=True)
class Reach:
    """Districts a job could draw PAs from, with their exact distance from it in miles."""

    miles_by_district: dict[str, float]
    centre: tuple[float, float] | None

    def groups(self) -> list[tuple[int, list[str]]]:
        """Districts by the whole miles a PA must travel to reach the job from them."""
        grouped: dict[int, list[str]] = defaultdict(list)
        for outcode, miles in self.miles_by_district.items():
            grouped[math.ceil(miles)].append(outcode)
        return [(at_least, sorted(outcodes)) for at_least, outcodes in sorted(grouped.items())]

    def profiles_q(self) -> Q:
        """PAs in one of these districts who travel at least that far.

        The district is the profile's copy of the user's (`PAProfile.district`, in the
        matching index), so no candidate's user row is read. `travel_miles` is a whole number,
        so "travels at least 6.3 miles" is "travels at least 7": districts are grouped by that
        whole number and the rule is exact (the same floats `scoring` compares). One
        expression, `travel_miles >= CASE district WHEN ...`, rather than a condition per
        group: as fast to run and far faster to build.
        """
        if not self.miles_by_district:
            return NOTHING
        return Q(
            GreaterThanOrEqual(F("travel_miles"), MilesToTravel(F("district_id"), self.groups()))
        )


class MilesToTravel(Expression):
    """`CASE WHEN district IN (...) THEN 3 WHEN district IN (...) THEN 4 ... END`: the whole
    miles a PA living in a district must travel to the job (NULL outside its reach)."""

    output_field = IntegerField()

    def __init__(self, district, groups: list[tuple[int, list[str]]]) -> None:
        super().__init__()
        self.district = district
        self.district_groups = groups

    def get_source_expressions(self) -> list:
        return [self.district]

    def set_source_expressions(self, expressions: list) -> None:
        (self.district,) = expressions

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        column, column_params = compiler.compile(self.district)
        whens, params = [], []
        for at_least, outcodes in self.district_groups:
            param_marks = ", ".join(["%s"] * len(outcodes))
            whens.append(f"WHEN {column} IN ({param_marks}) THEN %s")
            params += [*column_params, *outcodes, at_least]
        return f"CASE {' '.join(whens)} ELSE NULL END", params


def reach_of(needs: JobNeeds, *, furthest_travel: float = MAX_TRAVEL_MILES) -> Reach:
    """Districts within the furthest anyone travels (`furthest_travel`: anyone may choose up
    to 100 miles; the pool knows how far its PAs do) or the search's own radius of the job,
    by an indexed bounding box on their centroids, then the exact great-circle distance."""
    if needs.latitude is None or needs.longitude is None:
        return Reach({}, None)
    furthest = float(min(furthest_travel, MAX_TRAVEL_MILES))
    if needs.max_miles is not None:
        furthest = min(furthest, needs.max_miles)
    min_lat, max_lat, min_lon, max_lon = bounding_box(needs.latitude, needs.longitude, furthest)
    rows = District.objects.filter(
        latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon)
    ).values_list("outcode", "latitude", "longitude")
    miles_by_district = {}
    for outcode, latitude, longitude in rows:
        # The same argument order as scoring.miles_to, so both compute the same float.
        miles = miles_between(needs.latitude, needs.longitude, latitude, longitude)
        if miles <= furthest:
            miles_by_district[outcode] = miles
    return Reach(miles_by_district, (needs.latitude, needs.longitude))


# Must-haves, for a job's PAs


def meeting_column_must_haves(
    profiles: QuerySet[PAProfile], needs: JobNeeds
) -> QuerySet[PAProfile]:
    """The must-haves held in the profile's own columns: cheap to test on every row."""
    if needs.required_dbs_rank:
        profiles = profiles.filter(dbs_rank__gte=needs.required_dbs_rank)
    if needs.requires_driver:
        profiles = profiles.filter(has_driving_licence=True, has_own_car=True)
    if needs.required_gender:
        profiles = profiles.filter(gender=needs.required_gender)
    if needs.min_level:
        profiles = profiles.filter(level__gte=needs.min_level)
    return profiles


def meeting_listed_must_haves(
    profiles: QuerySet[PAProfile], needs: JobNeeds
) -> QuerySet[PAProfile]:
    """The must-haves in the profile's lists: the required skills from the skills mask (every
    bit set), languages and any skill numbered beyond the mask by a subquery each, read once."""
    required_bits = mask_of(needs.required_skill_ids)
    if required_bits:
        # A 64-bit result: as Django's default integer, a bit above 31 compared "out of range"
        # on PostgreSQL and matched nobody.
        held = ExpressionWrapper(
            F("skills_mask").bitand(required_bits), output_field=BigIntegerField()
        )
        profiles = profiles.alias(required_held=held).filter(required_held=required_bits)
    for language_id in sorted(needs.required_language_ids):
        profiles = profiles.filter(
            pk__in=ProfileLanguage.objects.filter(language_id=language_id).values("profile_id")
        )
    for skill_id in sorted(needs.required_skill_ids):
        if not has_bit(skill_id):
            profiles = profiles.filter(pk__in=profiles_with_skill(skill_id))
    return profiles


def profiles_with_skill(skill_id: int) -> QuerySet:
    return PAProfile.skills.through.objects.filter(skill_id=skill_id).values("paprofile_id")


def free_at_some_time(profiles: QuerySet[PAProfile], grid: int) -> QuerySet[PAProfile]:
    """PAs free for at least one of these slots: a bitwise AND in the database."""
    if not grid:
        return profiles
    return profiles.alias(free_in_grid=F("availability").bitand(grid)).exclude(free_in_grid=0)


def candidate_profiles(
    needs: JobNeeds, reach: Reach, *, viewers: tuple[User, ...], exclude_user_id: int | None
) -> QuerySet[PAProfile]:
    """Every PA who could be a result: visible to all the viewers, looking for work, meeting
    the must-haves, within their own travel distance and free at some of the job's times.

    The conditions are written cheapest and most selective first (the database tests them in
    that order on each row it reads): the availability bitmask and the profile's own columns,
    then visibility and the lists, then the user's district.
    """
    profiles = PAProfile.objects.filter(looking_for_work())
    profiles = free_at_some_time(profiles, needs.hours_grid)
    profiles = meeting_column_must_haves(profiles, needs)
    profiles = profiles_for_viewers(*viewers, profiles=profiles)
    profiles = meeting_listed_must_haves(profiles, needs)
    if exclude_user_id is not None:
        profiles = profiles.exclude(user_id=exclude_user_id)
    return profiles.filter(reach.profiles_q())


# Districts, for a PA


def districts_within_travel(pa: PACandidate) -> dict[str, float]:
    """Districts within the PA's travel distance of their own, with the miles to each."""
    if pa.latitude is None or pa.longitude is None:
        return {}
    min_lat, max_lat, min_lon, max_lon = bounding_box(pa.latitude, pa.longitude, pa.travel_miles)
    rows = District.objects.filter(
        latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon)
    ).values_list("outcode", "latitude", "longitude")
    found = {}
    for outcode, latitude, longitude in rows:
        # Job first, PA second: scoring.miles_to's order, so the floats are identical.
        miles = miles_between(latitude, longitude, pa.latitude, pa.longitude)
        if miles <= pa.travel_miles:
            found[outcode] = miles
    return found
