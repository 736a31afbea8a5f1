"""The development dashboard: every figure equals the same count made naively from the rows,
for the scope's councils only, in a bounded number of queries."""

from collections import Counter, defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.accounts.models import Role
from pahub.insights import summaries
from pahub.insights.dashboard import dashboard_for
from pahub.insights.dashboards.development import whole_hours
from pahub.insights.facts import months_in
from pahub.learning.models import Audience, Certificate, Course, CPDEntry
from pahub.places.models import LocalAuthority
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import Evidence, InductionCompletion, PAProfile
from tests.factories import UserFactory
from tests.insights.dashboard_helpers import (
    ago,
    count_and_median,
    figures,
    month_label,
    month_of,
    monthly,
    scope_of,
    table,
)

pytestmark = pytest.mark.django_db

AREAS = ["Newcastle upon Tyne", "County Durham"]
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
days_ago = st.integers(0, 75)


@st.composite
def pa_specs(draw) -> dict:
    return {
        "postcode": draw(st.sampled_from(["NE1 2AA", "NE3 2AA", "DH1 2AA"])),
        "level": draw(st.integers(0, 4)),
        "induction_days_ago": draw(st.one_of(st.none(), days_ago)),
        "certificates": draw(st.lists(days_ago, max_size=2)),
        "cpd": draw(
            st.lists(st.tuples(days_ago, st.decimals("0.25", "12.5", places=2)), max_size=3)
        ),
        "evidence": draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["verified", "verified", "awaiting", "rejected"]),
                    days_ago,
                    st.integers(0, 20),
                ),
                max_size=4,
            )
        ),
    }


def create_pa(number: int, spec: dict, courses: list[Course]) -> PAProfile:
    user = UserFactory(email=f"dev{number}@example.org", postcode=spec["postcode"], roles=[Role.PA])
    profile = PAProfile.objects.create(user=user, level=spec["level"])
    if spec["induction_days_ago"] is not None:
        InductionCompletion.objects.create(
            user=user, completed_on=timezone.localdate() - timedelta(spec["induction_days_ago"])
        )
    for course, issued in zip(courses, spec["certificates"], strict=False):
        Certificate.objects.create(
            user=user,
            course=course,
            course_version=1,
            code=f"C{number}{course.pk}",
            name=user.full_name,
            issued_at=ago(issued, hours=number),
        )
    for learned, hours in spec["cpd"]:
        CPDEntry.objects.create(
            user=user,
            title="Moving and handling",
            learned_on=timezone.localdate() - timedelta(learned),
            hours=hours,
            what_i_learned="How to use a hoist safely.",
        )
    for status, submitted, days_to_verify in spec["evidence"]:
        evidence = Evidence.objects.create(profile=profile, kind="qualification", status=status)
        made = ago(submitted, hours=number)
        verified = min(made + timedelta(days=days_to_verify), timezone.now())
        Evidence.objects.filter(pk=evidence.pk).update(
            created_at=made, verified_at=verified if status == "verified" else None
        )
    return profile


def make_courses() -> list[Course]:
    return [
        Course.objects.create(
            slug=f"course-{n}", title=f"Course {n}", summary="About care.", audience=Audience.PA
        )
        for n in range(2)
    ]


def naive_development(scope, users) -> dict:
    areas = scope.local_authority_ids
    names = dict(LocalAuthority.objects.values_list("gss_code", "name"))
    placed = [user for user in users if user.local_authority_id in areas]
    inductions = Counter(
        month_of(found.completed_on)
        for found in InductionCompletion.objects.filter(user__in=placed)
    )
    certificates = Counter(
        month_of(found.issued_at) for found in Certificate.objects.filter(user__in=placed)
    )
    hundredths = Counter()
    for entry in CPDEntry.objects.filter(user__in=placed):
        hundredths[month_of(entry.learned_on)] += int(entry.hours * 100)
    levels = Counter(
        (profile.user.local_authority_id, profile.level)
        for profile in PAProfile.objects.filter(user__in=placed)
    )
    verify_days = defaultdict(list)
    for evidence in Evidence.objects.filter(profile__user__in=placed, status="verified"):
        days = timezone.localdate(evidence.verified_at) - timezone.localdate(evidence.created_at)
        verify_days[month_of(evidence.verified_at)].append(days.days)
    return {
        "inductions": monthly(scope, inductions),
        "course-completions": monthly(scope, certificates),
        "levels": {
            names[code]: tuple(levels[(code, level)] for level in LEVEL_NAMES) for code in areas
        },
        "cpd-hours": monthly(
            scope, {month: whole_hours(total) for month, total in hundredths.items()}
        ),
        "verification-turnaround": {
            month_label(month): count_and_median(verify_days[month]) for month in months_in(scope)
        },
    }


@EXAMPLES
@given(
    pa_list=st.lists(pa_specs(), min_size=1, max_size=10),
    areas=st.sampled_from([AREAS[:1], AREAS[1:], AREAS]),
)
def test_every_figure_equals_a_naive_count_of_the_rows(db, pa_list, areas):
    with transaction.atomic():
        courses = make_courses()
        profiles = [create_pa(number, spec, courses) for number, spec in enumerate(pa_list)]
        summaries.refresh(["development"])
        scope = scope_of(*areas)

        shown = {found.key: figures(found) for found in dashboard_for("development").tables(scope)}

        assert shown == naive_development(scope, [profile.user for profile in profiles])
        transaction.set_rollback(True)


def test_another_councils_learning_is_not_counted(db):
    durham_pa = create_pa(
        1,
        {
            "postcode": "DH1 2AA",
            "level": 2,
            "induction_days_ago": 1,
            "certificates": [],
            "cpd": [(1, Decimal("3"))],
            "evidence": [("verified", 3, 1)],
        },
        [],
    )
    summaries.refresh(["development"])
    scope = scope_of("Newcastle upon Tyne")

    tables = dashboard_for("development").tables(scope)

    assert durham_pa.user.local_authority.name == "County Durham"
    assert sum(sum(values) for values in figures(table(tables, "inductions")).values()) == 0
    assert sum(sum(values) for values in figures(table(tables, "cpd-hours")).values()) == 0
    assert figures(table(tables, "levels")) == {"Newcastle upon Tyne": (0, 0, 0, 0, 0)}


def test_cpd_hours_are_summed_exactly_and_rounded_once(db):
    spec = {"postcode": "NE1 2AA", "level": 0, "induction_days_ago": None, "certificates": []}
    spec |= {"evidence": []}
    create_pa(1, spec | {"cpd": [(0, Decimal("0.25")), (0, Decimal("0.25"))]}, [])
    create_pa(2, spec | {"cpd": [(0, Decimal("0.25"))]}, [])
    summaries.refresh(["development"])
    scope = scope_of("Newcastle upon Tyne")

    rows = figures(table(dashboard_for("development").tables(scope), "cpd-hours"))

    assert rows[month_label(month_of(timezone.localdate()))] == (1,)


def test_the_tables_take_the_same_few_queries_whatever_the_data(db):
    scope = scope_of(*AREAS)
    summaries.refresh(["development"])
    with CaptureQueriesContext(connection) as empty:
        dashboard_for("development").tables(scope)
    courses = make_courses()
    for number in range(20):
        create_pa(
            number,
            {
                "postcode": ["NE1 2AA", "DH1 2AA"][number % 2],
                "level": number % 5,
                "induction_days_ago": number,
                "certificates": [number, number + 3],
                "cpd": [(number, Decimal("1.5"))],
                "evidence": [("verified", number + 2, number % 4)],
            },
            courses,
        )
    summaries.refresh(["development"])
    with CaptureQueriesContext(connection) as full:
        dashboard_for("development").tables(scope)
    assert len(full) == len(empty) <= 6
