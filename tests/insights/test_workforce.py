"""Every workforce figure equals the same count made naively, in Python, from the PAs made.

Hypothesis builds a few PAs at random (in and out of the scope's areas, paused, hidden,
deleted, of every level, skill, language, availability and travel distance), the workforce
facts are refreshed, and each table of the dashboard is checked cell by cell.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.accounts.models import Role
from pahub.accounts.services import user_delete
from pahub.insights import summaries
from pahub.insights.dashboards.workforce import DASHBOARD, register_tables, workforce_tables
from pahub.insights.facts import months_in
from pahub.insights.figures.equality import equality_tables
from pahub.insights.figures.family import family_tables
from pahub.insights.models import Fact
from pahub.insights.scope import Scope
from pahub.register.availability import DAYS, FULL_WEEK, PARTS, Slot
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.register.workforce_counts import DRIVING, TRAVEL_BANDS
from pahub.taxonomy.models import Language, Skill, SkillCategory
from tests.factories import UserFactory, district

# Newcastle and Durham are in the scope; Gateshead (NE8) is not.
POSTCODES = ("NE1 4ST", "NE3 1AA", "DH1 1AA", "NE8 1HH")
SKILLS = ("test.hoist", "test.peg", "test.bsl_chat")
LANGUAGES = (("bfi", "British Sign Language (BSL)"), ("makaton", "Makaton"), ("pl", "Polish"))


def today() -> date:
    """Asked at the moment of use: a run may cross midnight, and a month's end."""
    return timezone.localdate()


@dataclass(frozen=True)
class PASpec:
    postcode: str
    paused: bool
    visibility: str
    level: int
    skills: frozenset[str]
    languages: frozenset[str]
    availability: int
    travel_miles: int
    licence: bool
    car: bool
    offers_driving: bool
    months_ago: int
    # "active", "deleted" (the PA deleted their account) or "suspended" (is_active off).
    account: str


pa_specs = st.builds(
    PASpec,
    postcode=st.sampled_from(POSTCODES),
    paused=st.booleans(),
    visibility=st.sampled_from(PAProfile.Visibility.values),
    level=st.integers(0, 4),
    skills=st.frozensets(st.sampled_from(SKILLS)),
    languages=st.frozensets(st.sampled_from([code for code, _ in LANGUAGES])),
    availability=st.integers(0, FULL_WEEK),
    travel_miles=st.integers(1, 100),
    licence=st.booleans(),
    car=st.booleans(),
    offers_driving=st.booleans(),
    months_ago=st.integers(0, 3),
    account=st.sampled_from(["active", "active", "active", "deleted", "suspended"]),
)


def months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


@pytest.fixture
def taxonomy(db):
    category, _ = SkillCategory.objects.get_or_create(name="Test skills")
    skills = {
        code: Skill.objects.get_or_create(
            code=code, defaults={"category": category, "name": f"Skill {code}"}
        )[0]
        for code in SKILLS
    }
    languages = {
        code: Language.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in LANGUAGES
    }
    return skills, languages


@pytest.fixture
def scope(db) -> Scope:
    areas = {district(outcode).local_authority_id for outcode in ("NE1", "DH1")}
    return Scope(frozenset(areas), months_before(today(), 2), today(), "Newcastle and Durham")


def make_pa(number: int, spec: PASpec, skills: dict, languages: dict) -> PAProfile:
    user = UserFactory(email=f"pa{number}@example.org", postcode=spec.postcode, roles=[Role.PA])
    profile = PAProfile.objects.create(
        user=user,
        is_paused=spec.paused,
        visibility=spec.visibility,
        level=spec.level,
        availability=spec.availability,
        travel_miles=spec.travel_miles,
        has_driving_licence=spec.licence,
        has_own_car=spec.car,
        offers_driving=spec.offers_driving,
    )
    profile.skills.set([skills[code] for code in spec.skills])
    for code in spec.languages:
        ProfileLanguage.objects.create(profile=profile, language=languages[code], level="basic")
    made = datetime.combine(
        months_before(today(), spec.months_ago), datetime.min.time()
    ) + timedelta(days=3)
    PAProfile.objects.filter(pk=profile.pk).update(created_at=timezone.make_aware(made))
    if spec.account == "deleted":
        user_delete(user=user, by=user)
    elif spec.account == "suspended":
        user.is_active = False
        user.save(update_fields=["is_active"])
    return profile


def figures(table) -> dict[str, tuple]:
    return {row.label: row.values for row in table.rows}


def naive_expectations(specs: list[PASpec], scope: Scope, names: dict) -> dict[str, dict]:
    """Each table's figures, counted one PA at a time in Python from what was made."""
    area_of = {postcode: district(postcode.split()[0]).local_authority_id for postcode in POSTCODES}
    in_area = [spec for spec in specs if area_of[spec.postcode] in scope.local_authority_ids]
    counted = [spec for spec in in_area if spec.account == "active"]

    def status(spec: PASpec) -> str:
        if spec.paused:
            return "paused"
        return "hidden" if spec.visibility == PAProfile.Visibility.HIDDEN else "looking"

    def by_status(key) -> dict:
        found = Counter((key(spec), status(spec)) for spec in counted)
        return {
            place: tuple(found[place, s] for s in ("looking", "paused", "hidden"))
            for place in {key(spec) for spec in counted}
        }

    def single(counter: Counter, labels) -> dict:
        return {label: (counter[code],) for code, label in labels}

    def free(spec: PASpec, mask: int) -> bool:
        return bool(spec.availability & mask)

    part_masks = {
        key: sum(Slot(day, part).bit for day in range(7)) for part, (key, _, _) in enumerate(PARTS)
    }
    weekend = sum(Slot(day, part).bit for day in (5, 6) for part in range(len(PARTS)))

    def band(miles: int) -> str:
        return next(key for key, _, upper in TRAVEL_BANDS if miles <= upper)

    months = months_in(scope)
    joined = Counter(months_before(today(), spec.months_ago) for spec in counted)
    left = Counter(months_before(today(), 0) for spec in in_area if spec.account == "deleted")
    language_labels = [(code, name) for code, name in LANGUAGES if code in {"bfi", "makaton"}]
    language_labels += [
        (code, name)
        for code, name in LANGUAGES
        if code not in {"bfi", "makaton"} and any(code in spec.languages for spec in counted)
    ]
    return {
        "registered-by-local-authority": {
            names[area]: values
            for area, values in by_status(lambda spec: area_of[spec.postcode]).items()
        },
        "registered-by-district": by_status(lambda spec: spec.postcode.split()[0]),
        "level": single(
            Counter(str(spec.level) for spec in counted),
            [(str(level), name) for level, name in LEVEL_NAMES.items()],
        ),
        "skill": {
            f"Skill {code}": (sum(code in spec.skills for spec in counted),)
            for code in SKILLS
            if any(code in spec.skills for spec in counted)
        },
        "language": single(
            Counter(code for spec in counted for code in spec.languages), language_labels
        ),
        "time-of-day": {
            **{
                f"{label} ({hours})": (sum(free(spec, part_masks[key]) for spec in counted),)
                for key, label, hours in PARTS
            },
            "Weekend (any time)": (sum(free(spec, weekend) for spec in counted),),
        },
        "availability-grid": {
            day_name: tuple(
                sum(free(spec, Slot(day, part).bit) for spec in counted)
                for part in range(len(PARTS))
            )
            for day, day_name in enumerate(DAYS)
        },
        "travel-distance": single(
            Counter(band(spec.travel_miles) for spec in counted),
            [(key, label) for key, label, _ in TRAVEL_BANDS],
        ),
        "driving": {
            label: (sum(getattr(spec, attribute) for spec in counted),)
            for (_, label, _), attribute in zip(
                DRIVING, ("licence", "car", "offers_driving"), strict=True
            )
        },
        "new-pas": {month.strftime("%B %Y"): (joined[month],) for month in months},
        "leaving-pas": {month.strftime("%B %Y"): (left[month],) for month in months},
    }


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=st.lists(pa_specs, max_size=7))
def test_every_workforce_figure_equals_a_naive_count(taxonomy, scope, specs):
    skills, languages = taxonomy
    with transaction.atomic():
        for number, spec in enumerate(specs):
            make_pa(number, spec, skills, languages)
        summaries.refresh(["workforce"])
        names = {
            district(outcode).local_authority_id: district(outcode).local_authority.name
            for outcode in ("NE1", "DH1", "NE8")
        }

        tables = {table.key: figures(table) for table in register_tables(scope)}

        assert tables == naive_expectations(specs, scope, names)
        transaction.set_rollback(True)


def test_every_table_has_a_definition_and_the_dashboard_is_found(scope):
    assert DASHBOARD.slug == "workforce"
    for table in workforce_tables(scope):
        assert table.definition.endswith(".")
        assert all(len(row.values) == len(table.columns) for row in table.rows)


def test_the_dashboard_reads_one_query_per_table(taxonomy, scope, django_assert_max_num_queries):
    skills, languages = taxonomy
    for number, postcode in enumerate(POSTCODES * 5):
        spec = PASpec(
            postcode,
            False,
            "all",
            number % 5,
            frozenset(SKILLS),
            frozenset({"bfi"}),
            FULL_WEEK,
            10,
            True,
            True,
            True,
            number % 3,
            "active",
        )
        make_pa(number, spec, skills, languages)
    summaries.refresh(["workforce"])
    # Eleven tables, and the names of councils, skills and languages.
    with django_assert_max_num_queries(14):
        tables = register_tables(scope)
    assert figures(tables[0])  # something was counted


def test_the_dashboard_shows_the_register_then_family_then_equality_tables(db, scope):
    keys = [table.key for table in workforce_tables(scope)]
    register_keys = [table.key for table in register_tables(scope)]
    family_keys = [table.key for table in family_tables(scope)]
    equality_keys = [table.key for table in equality_tables(scope)]
    assert keys == register_keys + family_keys + equality_keys
    assert "family" in keys and len(equality_keys) > 1


def test_a_deleted_employer_is_not_a_leaving_pa(db, scope):
    employer = UserFactory(email="employer@example.org", roles=[Role.EMPLOYER])
    user_delete(user=employer, by=employer)
    summaries.refresh(["workforce"])
    left = next(table for table in workforce_tables(scope) if table.key == "leaving-pas")
    assert all(row.values == (0,) for row in left.rows)


def test_a_pa_without_a_postcode_is_in_no_area_and_not_counted(db, scope):
    user = UserFactory(postcode="", district=None, local_authority=None, roles=[Role.PA])
    PAProfile.objects.create(user=user)
    summaries.refresh(["workforce"])

    tables = {table.key: table for table in workforce_tables(scope)}

    assert tables["registered-by-local-authority"].rows == ()
    assert not Fact.objects.filter(metric="workforce.pas").exists()
