"""SQL built once per shape: stand-in ids must be parameters, and each call's values replace
them wherever they appear."""

import pytest
from django.db.models import Q

from pahub.accounts.models import User
from pahub.core.sql_shapes import compile_shape, stand_ins
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
