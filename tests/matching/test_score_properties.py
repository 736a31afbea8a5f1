"""The score's rules, as properties over random jobs and PAs (no database)."""

import dataclasses
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pahub.matching import scoring
from pahub.matching.scoring import (
    WEIGHTS,
    JobNeeds,
    PACandidate,
    explain,
    free_hours,
    miles_to,
    quick_score,
    score,
    unmet_must_haves,
)
from pahub.register.availability import FULL_WEEK
from tests.matching.strategies import SKILLS, grids, interest_sets, jobs, latitudes, longitudes, pas

FREE_FOR = re.compile(r"^Free for (?P<free>[\d.]+) of the (?P<total>[\d.]+) hours?$")
FREE_FOR_ALL = re.compile(r"^Free for all (?P<total>[\d.]+) hours?$")


# The number


@given(jobs(), pas())
def test_a_score_is_between_0_and_100(job, pa):
    assert 0 <= score(job, pa).score <= 100


@given(jobs(), pas())
def test_the_score_is_the_points_earned_over_the_points_possible(job, pa):
    match = score(job, pa)

    earned = sum(part.points for part in match.parts)
    possible = sum(part.max_points for part in match.parts)
    assert match.score == pytest.approx(earned / possible * 100, abs=1e-3)
    for part in match.parts:
        assert 0 <= part.points <= part.max_points
        assert part.max_points in (0, WEIGHTS[part.key])


@given(jobs(), pas())
def test_the_quick_score_used_for_ranking_is_the_explained_score(job, pa):
    assert quick_score(job, pa) == score(job, pa).score


@given(jobs(), pas())
def test_every_part_is_always_there_in_the_same_order(job, pa):
    assert [part.key for part in score(job, pa).parts] == list(WEIGHTS)


def test_the_weights_add_up_to_100():
    assert sum(WEIGHTS.values()) == 100


# Explanations match the parts


@given(jobs(), pas())
def test_a_part_gives_a_reason_exactly_when_it_earned_points(job, pa):
    for item in explain(job, pa):
        assert bool(item.reasons) == (item.part.points > 0), item


@given(jobs(), pas())
def test_the_reasons_and_missing_lists_are_the_parts_own_in_order(job, pa):
    match = score(job, pa)
    explained = explain(job, pa)

    assert match.reasons == tuple(reason for item in explained for reason in item.reasons)
    assert match.missing == tuple(gap for item in explained for gap in item.missing)


@given(jobs(), pas())
def test_the_availability_sentence_gives_the_hours_computed(job, pa):
    assume(job.hours_grid)
    part = score(job, pa).part("availability")
    shown, total, fraction = free_hours(job, pa)

    if fraction == 1:
        found = FREE_FOR_ALL.match(part.sentence)
        assert found and float(found["total"]) == total
    elif fraction == 0:
        assert part.sentence == "Not free at any of the job's times"
    else:
        found = FREE_FOR.match(part.sentence)
        assert found, part.sentence
        assert float(found["free"]) == shown
        assert float(found["total"]) == total
        # Someone free for some but not all of the hours never reads as none or all.
        assert 0 < shown < total
        assert abs(shown - total * fraction) <= 0.25
    assert part.points == pytest.approx(WEIGHTS["availability"] * fraction)


@given(jobs(), pas())
def test_free_hours_are_weighted_by_how_long_each_part_of_the_day_is(job, pa):
    assume(job.hours_grid)
    _, _, fraction = free_hours(job, pa)
    hours = scoring.SLOT_HOURS
    overlap = job.hours_grid & pa.availability
    weighted = sum(hours[slot] for slot in range(42) if overlap >> slot & 1)
    job_hours = sum(hours[slot] for slot in range(42) if job.hours_grid >> slot & 1)

    assert fraction == pytest.approx(weighted / job_hours)


def test_a_monday_afternoon_free_of_an_afternoon_and_an_early_morning_is_5_of_8_hours():
    monday_afternoon, tuesday_early = 1 << 2, 1 << 6
    job = JobNeeds(hours_grid=monday_afternoon | tuesday_early, hours_per_week=16)
    pa = PACandidate(profile_id=1, availability=monday_afternoon)

    assert free_hours(job, pa) == (10.0, 16.0, 5 / 8)
    assert score(job, pa).part("availability").sentence == "Free for 10 of the 16 hours"
    assert "Not free on Tuesday early mornings" in score(job, pa).missing


@given(jobs(), pas())
def test_every_slot_the_pa_is_not_free_for_is_named_in_whats_missing(job, pa):
    gaps = job.hours_grid & ~pa.availability & FULL_WEEK
    sentences = [gap for gap in score(job, pa).missing if gap.startswith("Not free on ")]

    assert bool(gaps) == bool(sentences)


@given(jobs(), pas())
def test_the_distance_reason_is_the_miles_shown(job, pa):
    match = score(job, pa)
    part = match.part("distance")
    miles = miles_to(job, pa)

    assert match.miles == miles
    if miles <= pa.travel_miles:
        assert part.sentence in match.reasons
        assert part.points >= WEIGHTS["distance"] / 2
    else:
        assert part.points == 0
        assert part.sentence in match.missing


@given(jobs(), pas())
def test_shared_interests_are_named_in_the_reason(job, pa):
    shared = job.interest_ids & pa.interest_ids
    sentence = score(job, pa).part("interests").sentence

    for pk in shared:
        assert job.interest_names[pk].lower() in sentence.lower()


@given(jobs(), pas())
def test_each_task_is_either_done_or_missing_by_name(job, pa):
    match = score(job, pa)
    text_done = " ".join(
        reason for reason in match.reasons if reason.startswith("Can do or would be happy to do ")
    )
    text_missing = " ".join(gap for gap in match.missing if gap.startswith("Has not listed "))

    for pk in job.task_ids:
        name = SKILLS[pk].lower()
        if pk in pa.skill_ids:
            assert name in text_done
        else:
            assert name in text_missing


# Must-haves


@given(jobs(), pas())
def test_a_pa_meeting_every_must_have_has_nothing_unmet(job, pa):
    miles = miles_to(job, pa)
    meets = (
        miles <= pa.travel_miles
        and pa.dbs_rank >= job.required_dbs_rank
        and (not job.requires_driver or (pa.has_driving_licence and pa.has_own_car))
        and job.required_language_ids <= pa.language_ids
        and (not job.required_gender or job.required_gender == pa.gender)
        and job.required_skill_ids <= pa.skill_ids
    )

    assert (unmet_must_haves(job, pa) == []) == meets


@given(jobs(), pas())
def test_each_unmet_must_have_is_its_own_sentence(job, pa):
    unmet = unmet_must_haves(job, pa)

    assert len(unmet) == len(set(unmet))
    if pa.dbs_rank < job.required_dbs_rank:
        assert any("DBS" in sentence for sentence in unmet)
    if job.requires_driver and not (pa.has_driving_licence and pa.has_own_car):
        assert "Needs a driver with their own car" in unmet


def test_a_search_radius_is_a_must_have_too():
    job = JobNeeds(latitude=54.97, longitude=-1.61, max_miles=2)
    pa = PACandidate(profile_id=1, latitude=55.02, longitude=-1.61, travel_miles=20)

    assert unmet_must_haves(job, pa) == ["More than 2 miles away"]


# Ranking is monotone in each factor, all else equal


@given(jobs(), pas(), grids)
def test_more_availability_never_scores_lower(job, pa, extra):
    more = dataclasses.replace(pa, availability=pa.availability | extra)

    assert score(job, more).score >= score(job, pa).score


@given(jobs(), pas(), latitudes, longitudes)
def test_being_closer_never_scores_lower(job, pa, latitude, longitude):
    elsewhere = dataclasses.replace(pa, latitude=latitude, longitude=longitude)
    nearer, further = sorted([pa, elsewhere], key=lambda candidate: miles_to(job, candidate))

    assert score(job, nearer).score >= score(job, further).score


@given(jobs(), pas(), st.frozensets(st.sampled_from(sorted(SKILLS))))
def test_more_skills_never_score_lower(job, pa, extra):
    more = dataclasses.replace(pa, skill_ids=pa.skill_ids | extra)

    assert score(job, more).score >= score(job, pa).score


@given(jobs(), pas(), interest_sets)
def test_more_shared_interests_never_score_lower(job, pa, extra):
    more = dataclasses.replace(pa, interest_ids=pa.interest_ids | extra)

    assert score(job, more).score >= score(job, pa).score


@given(jobs(), pas(), st.integers(0, 4))
def test_a_higher_level_never_scores_lower(job, pa, raise_by):
    higher = dataclasses.replace(pa, level=min(4, pa.level + raise_by))

    assert score(job, higher).score >= score(job, pa).score


@given(jobs(), pas(), st.integers(0, 400))
def test_more_recent_activity_never_scores_lower(job, pa, fewer_days):
    recent = dataclasses.replace(pa, days_since_active=max(0, pa.days_since_active - fewer_days))

    assert score(job, recent).score >= score(job, pa).score


@given(jobs(), pas(), st.integers(0, 20))
def test_more_experience_never_scores_lower(job, pa, more_years):
    experienced = dataclasses.replace(pa, years_experience=(pa.years_experience or 0) + more_years)

    assert score(job, experienced).score >= score(job, pa).score


@given(jobs(), pas(), grids)
def test_covering_more_of_the_job_with_nothing_else_changed_scores_strictly_higher(job, pa, extra):
    assume(job.hours_grid)
    more = dataclasses.replace(pa, availability=pa.availability | extra)
    assume(
        scoring.grid_hours(job.hours_grid & more.availability)
        > scoring.grid_hours(job.hours_grid & pa.availability)
    )

    assert score(job, more).score > score(job, pa).score


# Words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (100, "Strong match"),
        (75, "Strong match"),
        (60, "Good match"),
        (30, "Fair match"),
        (5, "Weak match"),
    ],
)
def test_the_score_has_words_as_well_as_a_number(value, words):
    assert scoring.score_words(value) == words


def test_sentences_read_like_the_issue_asks():
    job = JobNeeds(
        hours_grid=(1 << 10) - 1,
        hours_per_week=10,
        latitude=54.97,
        longitude=-1.61,
        task_ids=frozenset({1}),
        interest_ids=frozenset({1, 2, 3}),
        skill_names={1: "PEG feeding (tube feeding)"},
        interest_names={1: "Gardening", 2: "Football", 3: "Bingo"},
    )
    pa = PACandidate(
        profile_id=7,
        latitude=55.0162,
        longitude=-1.61,
        travel_miles=10,
        availability=(1 << 10) - 1,
        skill_ids=frozenset({1}),
        interest_ids=frozenset({1, 2}),
        level=3,
    )

    match = score(job, pa)

    assert match.reasons == (
        "Free for all 10 hours",
        "3.2 miles away",
        "Can do or would be happy to do PEG feeding (tube feeding)",
        "Shares: football, gardening",
        "Level 3: DBS and references verified",
        "Active in the last week",
    )
    assert match.missing == ()
