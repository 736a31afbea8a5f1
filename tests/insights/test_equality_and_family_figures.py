"""Equality monitoring and paid-family figures equal the same counts made naively from the PAs.

Hypothesis makes random PAs (area, month joined, answered / declined / never asked, answers,
works for family); after a refresh every table cell must equal a plain count of that list.
Each example runs in a transaction rolled back at its end.
"""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.insights import summaries
from pahub.insights.figures.equality import equality_tables
from pahub.insights.figures.family import family_tables
from pahub.insights.scope import Scope
from pahub.register.equality.counts import QUESTIONS, equality_counts
from pahub.register.equality.models import EqualityMonitoring, Ethnicity, ethnic_group_of
from pahub.register.family import family_counts
from pahub.register.models import PAProfile
from tests.factories import UserFactory

POSTCODES = {"NE1 4ST": "E08000021", "DL1 1AA": "E06000005"}


def today() -> date:
    """Asked at the moment of use: a run may cross midnight, and a month's end."""
    return timezone.localdate()


def months_ago(count: int) -> date:
    day = today().replace(day=1)
    for _ in range(count):
        day = (day - timedelta(days=1)).replace(day=1)
    return day


pa_specs = st.fixed_dictionaries(
    {
        "postcode": st.sampled_from(sorted(POSTCODES)),
        "months_ago": st.integers(0, 24),
        "status": st.sampled_from(["answered", "declined", "not_asked"]),
        "age_band": st.sampled_from([value for value, _ in QUESTIONS["age_band"]]),
        "sex": st.sampled_from([value for value, _ in QUESTIONS["sex"]]),
        "ethnicity": st.sampled_from(Ethnicity.values),
        "disability": st.sampled_from([value for value, _ in QUESTIONS["disability"]]),
        "family": st.booleans(),
    }
)


def make_pa(spec: dict) -> None:
    # Noon on the first of the month, or now if that is still to come.
    joined = timezone.make_aware(datetime.combine(months_ago(spec["months_ago"]), time(12)))
    user = UserFactory(postcode=spec["postcode"])
    profile = PAProfile.objects.create(user=user, works_for_family=spec["family"])
    PAProfile.objects.filter(pk=profile.pk).update(created_at=min(joined, timezone.now()))
    if spec["status"] == "answered":
        ethnicity = spec["ethnicity"]
        EqualityMonitoring.objects.create(
            profile=profile,
            answered_at=timezone.now(),
            age_band=spec["age_band"],
            sex=spec["sex"],
            ethnic_group=ethnicity
            if ethnicity == "prefer_not_to_say"
            else ethnic_group_of(ethnicity),
            ethnicity="" if ethnicity == "prefer_not_to_say" else ethnicity,
            disability=spec["disability"],
        )
    elif spec["status"] == "declined":
        EqualityMonitoring.objects.create(profile=profile, declined_at=timezone.now())


def answer_of(spec: dict, question: str) -> str:
    if question == "ethnic_group":
        ethnicity = spec["ethnicity"]
        return ethnicity if ethnicity == "prefer_not_to_say" else ethnic_group_of(ethnicity)
    return spec[question]


def naive_cell(people, scope_las, period_months, keep, in_period: bool) -> int:
    return sum(
        1
        for spec in people
        if POSTCODES[spec["postcode"]] in scope_las
        and keep(spec)
        and (spec["months_ago"] < period_months) == in_period
    )


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    people=st.lists(pa_specs, min_size=1, max_size=10),
    period_months=st.integers(1, 18),
    areas=st.sampled_from([("E08000021",), ("E06000005",), ("E08000021", "E06000005")]),
)
@pytest.mark.django_db
def test_every_cell_equals_a_naive_count(people, period_months, areas):
    with transaction.atomic():
        for spec in people:
            make_pa(spec)
        summaries.refresh(["equality", "family"])
        scope = Scope(
            local_authority_ids=frozenset(areas),
            start=months_ago(period_months - 1),
            end=today(),
            label="the test areas",
        )
        tables = {table.key: table for table in equality_tables(scope) + family_tables(scope)}

        def check(key: str, keeps: dict) -> None:
            table = tables[key]
            assert [row.label for row in table.rows] == list(keeps)
            for row in table.rows:
                keep = keeps[row.label]
                expected = tuple(
                    naive_cell(people, areas, period_months, keep, in_period)
                    for in_period in (False, True)
                )
                assert row.values == expected, (key, row.label)

        check(
            "equality-response",
            {
                "Answered": lambda spec: spec["status"] == "answered",
                "Did not want to answer": lambda spec: spec["status"] == "declined",
                "Not answered yet": lambda spec: spec["status"] == "not_asked",
            },
        )
        keys = {
            "age_band": "equality-age",
            "sex": "equality-sex",
            "ethnic_group": "equality-ethnic-group",
            "disability": "equality-disability",
        }
        for question, answers in QUESTIONS.items():
            check(
                keys[question],
                {
                    label: (
                        lambda spec, question=question, value=value: (
                            spec["status"] == "answered" and answer_of(spec, question) == value
                        )
                    )
                    for value, label in answers
                },
            )
        check(
            "family",
            {
                "Paid to support a family member": lambda spec: spec["family"],
                "Other PAs": lambda spec: not spec["family"],
            },
        )
        transaction.set_rollback(True)


def test_the_counts_take_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    for postcode in POSTCODES:
        for _ in range(3):
            make_pa({"postcode": postcode, "months_ago": 1, "status": "declined", "family": True})
    with django_assert_max_num_queries(6):
        equality_counts()
        family_counts()


def test_suspended_and_deleted_accounts_are_not_counted_like_every_workforce_figure(db):
    for postcode in POSTCODES:
        make_pa({"postcode": postcode, "months_ago": 0, "status": "declined", "family": True})
    first, second = (profile.user for profile in PAProfile.objects.select_related("user"))
    first.is_active = False
    first.save(update_fields=["is_active"])
    second.deleted_at = timezone.now()
    second.save(update_fields=["deleted_at"])

    assert equality_counts() == []
    assert family_counts() == []
