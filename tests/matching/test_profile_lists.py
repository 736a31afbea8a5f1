"""The lists a page of PAs is explained with (`engine.profile_lists`) are the same whether
their SQL was built for this call or once for the size of list (`core.sql_shapes`), for any
number of ids, and the day decides which specialist evidence still counts."""

from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone

from pahub.matching import engine
from pahub.matching.engine import LANGUAGE, SKILL, VERIFIED_SKILL, profile_lists
from pahub.register.models import Evidence, PAProfile
from pahub.taxonomy.models import Skill
from tests.matching.conftest import make_pa

pytestmark = pytest.mark.django_db

HOIST = "mobility.hoist"


@pytest.fixture
def three_pas():
    pas = [make_pa(name=f"PA {number}", interests=("gardening",)) for number in range(3)]
    pas[0].skills.add(Skill.objects.get(code=HOIST))
    Evidence.objects.create(
        profile=pas[0],
        kind=Evidence.Kind.SPECIALIST,
        skill=Skill.objects.get(code=HOIST),
        title="Moving and handling",
        status=Evidence.Status.VERIFIED,
        expires_on=timezone.localdate() + timedelta(days=10),
    )
    return pas


def built_now(ids, today):
    return sorted(engine.profile_lists_query(list(ids), today=today))


@pytest.mark.parametrize("padding", [0, 5, 13, 600])
def test_the_lists_are_the_same_for_any_number_of_ids(three_pas, padding):
    today = timezone.localdate()
    # Ids of no profile make the list longer: one size of list, the next, beyond the largest.
    ids = [pa.pk for pa in three_pas] + [-(number + 1) for number in range(padding)]

    found = sorted(profile_lists(ids, today=today))

    assert found == built_now(ids, today)
    assert {row[0] for row in found} >= {SKILL, VERIFIED_SKILL, LANGUAGE}


def test_the_day_decides_whether_evidence_still_counts(three_pas):
    hoist = Skill.objects.get(code=HOIST).pk
    owner = three_pas[0].pk
    today = timezone.localdate()

    assert (VERIFIED_SKILL, owner, hoist) in profile_lists([owner], today=today)
    later = profile_lists([owner], today=today + timedelta(days=11))
    assert (VERIFIED_SKILL, owner, hoist) not in later
    assert (SKILL, owner, hoist) in later


def test_the_pools_numpy_ids_are_taken(three_pas):
    ids = np.array([pa.pk for pa in three_pas], dtype=np.int64)

    assert sorted(profile_lists(ids, today=timezone.localdate())) == built_now(
        [int(pk) for pk in ids], timezone.localdate()
    )


def test_no_ids_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert profile_lists([], today=timezone.localdate()) == []


def test_a_subquery_of_ids_is_taken_as_it_is(three_pas):
    today = timezone.localdate()
    subquery = PAProfile.objects.filter(pk__in=[pa.pk for pa in three_pas]).values("pk")

    assert sorted(profile_lists(subquery, today=today)) == built_now(
        [pa.pk for pa in three_pas], today
    )
