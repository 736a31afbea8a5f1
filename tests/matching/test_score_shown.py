"""The score's table on a match card: each part's points written as the `floatformat` filter
writes them, though the presenter formats each number once (`presenters.points_text`)."""

from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from pahub.matching.presenters import parts_shown
from pahub.matching.scoring import ScorePart

FILTERS = Template("{{ points|floatformat:1 }} of {{ max_points|floatformat:0 }}")


def filtered(points: float, max_points: float) -> str:
    return FILTERS.render(Context({"points": points, "max_points": max_points}))


@given(
    points=st.floats(min_value=0, max_value=30, allow_nan=False),
    max_points=st.sampled_from([5.0, 10.0, 15.0, 20.0, 30.0]),
)
def test_each_parts_points_read_as_the_filters_wrote_them(points, max_points):
    part = ScorePart(
        key="distance", label="Distance", points=points, max_points=max_points, sentence=""
    )

    assert parts_shown((part,))[0].points == filtered(points, max_points)


def test_halves_round_up_as_the_filter_does_and_parts_worth_nothing_are_left_out():
    parts = tuple(
        ScorePart(key=key, label=key, points=points, max_points=most, sentence="")
        for key, points, most in [("a", 0.25, 10.0), ("b", 2.25, 10.0), ("c", 0.0, 0.0)]
    )

    assert [part.points for part in parts_shown(parts)] == ["0.3 of 10", "2.3 of 10"]
