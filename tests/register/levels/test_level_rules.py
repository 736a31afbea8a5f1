"""The level rules in pahub/register/levels.py: every path up and down, as examples and as
properties that hold for any facts."""

from dataclasses import fields, replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pahub.register.levels import (
    ENTRY,
    LEVEL_2,
    LEVEL_3,
    LEVEL_4,
    NONE,
    REFERENCES_NEEDED,
    LevelFacts,
    add_months,
    dbs_valid_until,
    level_for,
    requirements,
    still_needed_for_next_level,
)

EVERYTHING = LevelFacts(
    profile_complete=True,
    identity_declared=True,
    current_code_signed=True,
    dbs_current=True,
    induction_complete=True,
    offers_driving=True,
    driving_licence_verified=True,
    qualifications_verified=1,
    references_verified=2,
    specialist_skills_verified=1,
)
ENTRY_FACTS = LevelFacts(profile_complete=True, identity_declared=True, current_code_signed=True)
LEVEL_2_FACTS = replace(ENTRY_FACTS, dbs_current=True, induction_complete=True)
LEVEL_3_FACTS = replace(LEVEL_2_FACTS, qualifications_verified=1, references_verified=2)

# Each requirement, how to take it away, and the level that needs it.
REMOVALS = [
    ("profile_complete", False, ENTRY),
    ("identity_declared", False, ENTRY),
    ("current_code_signed", False, ENTRY),
    ("dbs_current", False, LEVEL_2),
    ("induction_complete", False, LEVEL_2),
    ("driving_licence_verified", False, LEVEL_2),
    ("qualifications_verified", 0, LEVEL_3),
    ("references_verified", 1, LEVEL_3),
    ("references_verified", 0, LEVEL_3),
    ("specialist_skills_verified", 0, LEVEL_4),
]

facts_strategy = st.builds(
    LevelFacts,
    profile_complete=st.booleans(),
    identity_declared=st.booleans(),
    current_code_signed=st.booleans(),
    dbs_current=st.booleans(),
    induction_complete=st.booleans(),
    offers_driving=st.booleans(),
    driving_licence_verified=st.booleans(),
    qualifications_verified=st.integers(0, 4),
    references_verified=st.integers(0, 4),
    specialist_skills_verified=st.integers(0, 3),
)
# Facts that count towards a level, each with a way to meet more of it.
IMPROVABLE = [field.name for field in fields(LevelFacts) if field.name != "offers_driving"]


def improve(facts: LevelFacts, name: str) -> LevelFacts:
    value = getattr(facts, name)
    return replace(facts, **{name: True if isinstance(value, bool) else value + 1})


# Examples: the way up


def test_nothing_known_is_no_level():
    assert level_for(LevelFacts()) == NONE


@pytest.mark.parametrize(
    ("facts", "level"),
    [
        (ENTRY_FACTS, ENTRY),
        (LEVEL_2_FACTS, LEVEL_2),
        (LEVEL_3_FACTS, LEVEL_3),
        (replace(LEVEL_3_FACTS, specialist_skills_verified=1), LEVEL_4),
        (EVERYTHING, LEVEL_4),
    ],
)
def test_each_level_is_reached_with_exactly_its_requirements(facts, level):
    assert level_for(facts) == level


def test_level_2_needs_a_checked_driving_licence_only_from_pas_who_offer_driving():
    assert level_for(replace(LEVEL_2_FACTS, offers_driving=False)) == LEVEL_2
    assert level_for(replace(LEVEL_2_FACTS, offers_driving=True)) == ENTRY
    assert (
        level_for(replace(LEVEL_2_FACTS, offers_driving=True, driving_licence_verified=True))
        == LEVEL_2
    )


def test_one_reference_is_not_enough_for_level_3():
    assert level_for(replace(LEVEL_3_FACTS, references_verified=REFERENCES_NEEDED - 1)) == LEVEL_2


def test_evidence_for_a_higher_level_does_not_skip_a_missing_lower_one():
    skipped = replace(EVERYTHING, induction_complete=False)

    assert level_for(skipped) == ENTRY


# Examples: the way down


@pytest.mark.parametrize(("name", "value", "needed_by"), REMOVALS)
def test_removing_a_requirement_drops_to_just_below_the_level_that_needs_it(name, value, needed_by):
    assert level_for(replace(EVERYTHING, **{name: value})) == needed_by - 1


@pytest.mark.parametrize(("name", "value", "needed_by"), REMOVALS)
@given(facts=facts_strategy)
def test_removing_a_requirement_never_leaves_a_level_that_needs_it(name, value, needed_by, facts):
    without = replace(facts, **{name: value})
    if name == "driving_licence_verified" and not without.offers_driving:
        return
    assert level_for(without) < needed_by


# Properties


@given(facts=facts_strategy, name=st.sampled_from(IMPROVABLE))
def test_meeting_more_never_lowers_the_level(facts, name):
    assert level_for(improve(facts, name)) >= level_for(facts)


@given(facts=facts_strategy)
def test_a_level_means_every_requirement_of_it_and_below_is_met(facts):
    level = level_for(facts)

    assert all(r.met for r in requirements(facts) if r.level <= level)


@given(facts=facts_strategy)
def test_the_level_is_the_highest_whose_requirements_are_all_met(facts):
    level = level_for(facts)
    if level < LEVEL_4:
        assert not all(r.met for r in requirements(facts) if r.level <= level + 1)


@given(facts=facts_strategy)
def test_offering_driving_without_a_checked_licence_caps_at_entry(facts):
    facts = replace(facts, offers_driving=True, driving_licence_verified=False)

    assert level_for(facts) <= ENTRY


@given(facts=facts_strategy)
def test_still_needed_lists_exactly_the_unmet_requirements_for_the_next_level(facts):
    level = level_for(facts)
    next_level, missing = still_needed_for_next_level(facts)

    if level == LEVEL_4:
        assert (next_level, missing) == (None, [])
        return
    assert next_level == level + 1
    expected = [r.text for r in requirements(facts) if r.level <= next_level and not r.met]
    assert missing == expected
    assert missing, "something must be missing, or the PA would be at the next level"


@given(facts=facts_strategy)
def test_meeting_everything_still_needed_reaches_the_next_level(facts):
    next_level, _ = still_needed_for_next_level(facts)
    if next_level is None:
        return
    met = facts
    for requirement in requirements(facts):
        if requirement.level <= next_level and not requirement.met:
            met = {
                "Complete your profile": replace(met, profile_complete=True),
                "Tell us about your identity": replace(met, identity_declared=True),
                "Sign the current code of conduct": replace(met, current_code_signed=True),
                "Have a current DBS certificate checked by staff": replace(met, dbs_current=True),
                "Complete the induction course": replace(met, induction_complete=True),
                "Have your driving licence checked": replace(met, driving_licence_verified=True),
                "Have a qualification checked": replace(met, qualifications_verified=1),
                "Have evidence of a specialist skill checked": replace(
                    met, specialist_skills_verified=1
                ),
            }.get(requirement.text, replace(met, references_verified=REFERENCES_NEEDED))

    assert level_for(met) >= next_level


def test_still_needed_counts_references_so_far():
    _, missing = still_needed_for_next_level(replace(LEVEL_2_FACTS, references_verified=1))

    assert missing == ["Have a qualification checked", "Have 2 references checked (1 so far)"]


# Dates


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 5, 10), 36, date(2029, 5, 10)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 10), -11, date(2025, 2, 10)),
    ],
)
def test_add_months_clamps_to_the_end_of_short_months(start, months, expected):
    assert add_months(start, months) == expected


@given(start=st.dates(date(1990, 1, 1), date(2090, 12, 31)), months=st.integers(-240, 240))
def test_add_months_lands_in_the_right_month_without_moving_later_in_it(start, months):
    result = add_months(start, months)

    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day
    assert result.day == start.day or result.day >= 28


ISSUED = date(2024, 6, 1)


def test_a_certificate_counts_for_the_areas_number_of_months():
    assert dbs_valid_until(
        issue_date=ISSUED,
        max_age_months=36,
        on_update_service=False,
        status_checked_on=None,
        status_check_clear=False,
    ) == date(2027, 6, 1)


def test_a_clear_status_check_within_12_months_extends_the_validity():
    checked = date(2027, 5, 1)

    until = dbs_valid_until(
        issue_date=ISSUED,
        max_age_months=36,
        on_update_service=True,
        status_checked_on=checked,
        status_check_clear=True,
    )

    assert until == checked + timedelta(days=365)


def test_a_status_check_with_new_information_does_not_extend_it():
    assert dbs_valid_until(
        issue_date=ISSUED,
        max_age_months=36,
        on_update_service=True,
        status_checked_on=date(2027, 5, 1),
        status_check_clear=False,
    ) == date(2027, 6, 1)


def test_a_status_check_does_not_count_without_the_update_service():
    assert dbs_valid_until(
        issue_date=ISSUED,
        max_age_months=36,
        on_update_service=False,
        status_checked_on=date(2027, 5, 1),
        status_check_clear=True,
    ) == date(2027, 6, 1)


@given(
    checked=st.dates(ISSUED, date(2035, 1, 1)),
    max_age=st.integers(1, 120),
    clear=st.booleans(),
    on_service=st.booleans(),
)
def test_a_status_check_never_shortens_the_validity(checked, max_age, clear, on_service):
    plain = add_months(ISSUED, max_age)

    until = dbs_valid_until(
        issue_date=ISSUED,
        max_age_months=max_age,
        on_update_service=on_service,
        status_checked_on=checked,
        status_check_clear=clear,
    )

    assert until >= plain
    if not (clear and on_service):
        assert until == plain
