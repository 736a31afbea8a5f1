"""SQL built once per shape: stand-in ids must be parameters, and each call's values replace
them wherever they appear."""

from datetime import UTC, date, datetime

import pytest
from django.db.models import Q

from pahub.accounts.models import User
from pahub.core.sql_shapes import (
    STAND_IN_DAY,
    compile_shape,
    day_value,
    padded_ids,
    padded_size,
    stand_ins,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def users_shaped(user_id: int, other_ids: list[int]):
    return User.objects.filter(Q(pk=user_id) | Q(pk__in=other_ids)).order_by("pk").values("pk")


def test_stand_ins_are_distinct_and_far_below_any_id():
    values = stand_ins(3) + stand_ins(2, start=3)
    assert len(set(values)) == 5
    assert max(values) < -1_000_000_000_000


def test_each_calls_values_replace_the_stand_ins():
    first, second, third = (UserFactory() for _ in range(3))
    user_id, *others = stand_ins(3)
    shape = compile_shape(users_shaped(user_id, others), [user_id, *others])

    with_counts = "SELECT COUNT(*) FROM ({}) AS chosen"
    assert shape.fetchone([first.pk, second.pk, third.pk], wrap=with_counts) == (3,)
    assert shape.fetchone([first.pk, first.pk, first.pk], wrap=with_counts) == (1,)
    assert shape.fetchone([second.pk, -1, -2]) == (second.pk,)


def test_a_stand_in_that_is_not_a_parameter_is_refused_when_built():
    user_id, other = stand_ins(2)
    # `other` never reaches the query, so no call could ever set it.
    with pytest.raises(ValueError, match="not parameters"):
        compile_shape(users_shaped(user_id, []), [user_id, other])


def test_each_call_gets_its_own_parameters_and_the_shape_is_unchanged():
    user_id, other = stand_ins(2)
    shape = compile_shape(users_shaped(user_id, [other]), [user_id, other])
    before = shape.params

    assert shape.params_for([5, 6]) != shape.params_for([7, 8])
    assert shape.params == before
    with pytest.raises(ValueError):
        shape.params_for([5])


def test_a_list_of_ids_is_padded_to_one_of_a_few_sizes_with_its_first_id():
    assert padded_size(1) == 8
    assert padded_size(9) == 16
    assert padded_size(512) == 512
    assert padded_size(513) is None
    assert padded_ids([4, 5], 8) == [4, 5, 4, 4, 4, 4, 4, 4]


def test_a_day_can_stand_in_too_as_the_database_holds_it():
    today = date(2026, 12, 6)
    joined_today = UserFactory()
    User.objects.filter(pk=joined_today.pk).update(date_joined=datetime(2026, 12, 6, 9, tzinfo=UTC))
    ids = stand_ins(8)
    shaped = User.objects.filter(pk__in=ids, date_joined__date__gte=STAND_IN_DAY).values("pk")
    shape = compile_shape(shaped, [*ids, day_value(STAND_IN_DAY)])

    chosen = padded_ids([joined_today.pk], 8)
    assert shape.fetchall([*chosen, day_value(today)]) == [(joined_today.pk,)]
    assert shape.fetchall([*chosen, day_value(date(2026, 12, 7))]) == []
