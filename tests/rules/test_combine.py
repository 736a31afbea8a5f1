"""Combining a council's rules for one job: the strictest wins, with its reason; retired
rules, rules not yet in force and other councils' rules are ignored. Pure: no database."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pahub.rules.models import LocalRule
from pahub.rules.queries import RuleFacts, combine
from pahub.taxonomy.dbs import DBS_RANKS, DbsLevel

ON = date(2027, 4, 1)
Kind = LocalRule.Kind
DP = LocalRule.AppliesTo.DIRECT_PAYMENT
ALL = LocalRule.AppliesTo.ALL_JOBS


def rule(kind=Kind.DBS_CHECK, *, council="E08000037", applies_to=DP, **fields) -> RuleFacts:
    values = {
        "council_id": council,
        "council": "Gateshead Council" if council == "E08000037" else "Another Council",
        "kind": kind,
        "applies_to": applies_to,
        "explanation": "Why",
        "in_force_from": ON,
    } | fields
    if kind == Kind.DBS_CHECK:
        values.setdefault("dbs_level", DbsLevel.ENHANCED)
    if kind == Kind.MINIMUM_PA_LEVEL:
        values.setdefault("pa_level", 2)
    return RuleFacts(**values)


def needs(rules, *, paid=True, council="E08000037", on=ON):
    return combine(rules, council_id=council, paid_by_direct_payment=paid, on=on)


def test_a_dbs_rule_gives_its_check_and_the_councils_reason():
    found = needs([rule()])
    assert found.dbs.rank == DBS_RANKS[DbsLevel.ENHANCED]
    assert found.dbs.dbs_level == DbsLevel.ENHANCED
    assert found.dbs.reason == "Required by Gateshead Council for jobs paid by a direct payment"


@pytest.mark.parametrize(
    ("rules", "paid", "expected_rank"),
    [
        # The strictest of two wins.
        ([rule(dbs_level="basic"), rule(dbs_level="enhanced_adults")], True, 4),
        # A retired rule is ignored.
        ([rule(dbs_level="enhanced_adults", is_retired=True), rule(dbs_level="basic")], True, 1),
        # A rule not in force yet is ignored.
        ([rule(in_force_from=ON + timedelta(days=1))], True, 0),
        # Another council's rule is ignored.
        ([rule(council="E06000047", dbs_level="enhanced_adults")], True, 0),
        # A direct-payment rule does not apply to a job paid another way...
        ([rule()], False, 0),
        # ...a rule for all jobs does.
        ([rule(applies_to=ALL)], False, 3),
    ],
)
def test_which_dbs_rule_applies(rules, paid, expected_rank):
    assert needs(rules, paid=paid).dbs_rank == expected_rank


def test_the_strictest_level_wins_with_its_own_reason():
    found = needs(
        [
            rule(Kind.MINIMUM_PA_LEVEL, pa_level=2, applies_to=ALL),
            rule(Kind.MINIMUM_PA_LEVEL, pa_level=3),
        ]
    )
    assert found.min_level == 3
    assert found.level.reason.endswith("for jobs paid by a direct payment")


def test_the_insurance_rule_is_a_note_not_a_requirement():
    found = needs([rule(Kind.EMPLOYER_INSURANCE_FUNDED, funding_details="Ask the DP team.")])
    assert found.dbs is None and found.level is None
    assert found.notes[0].funding_details == "Ask the DP team."
    assert found.notes[0].reason.startswith("Offered by Gateshead Council")


def test_no_council_means_no_requirements():
    assert needs([rule()], council=None).dbs is None


rules_strategy = st.lists(
    st.builds(
        rule,
        kind=st.sampled_from([Kind.DBS_CHECK, Kind.MINIMUM_PA_LEVEL]),
        council=st.sampled_from(["E08000037", "E06000047"]),
        applies_to=st.sampled_from([DP, ALL]),
        is_retired=st.booleans(),
        in_force_from=st.sampled_from([ON - timedelta(days=30), ON, ON + timedelta(days=1)]),
    ).flatmap(
        lambda facts: st.builds(
            lambda level, dbs: RuleFacts(
                **(
                    facts.__dict__
                    | ({"dbs_level": dbs} if facts.kind == Kind.DBS_CHECK else {"pa_level": level})
                )
            ),
            st.integers(1, 4),
            st.sampled_from([level for level in DbsLevel.values if level]),
        )
    ),
    max_size=8,
)


@given(rules_strategy, st.booleans())
def test_the_result_is_the_maximum_of_the_rules_that_apply(rules, paid):
    applying = [
        facts
        for facts in rules
        if facts.council_id == "E08000037"
        and not facts.is_retired
        and facts.in_force_from <= ON
        and (paid or facts.applies_to == ALL)
    ]
    found = needs(rules, paid=paid)
    dbs = [DBS_RANKS[facts.dbs_level] for facts in applying if facts.kind == Kind.DBS_CHECK]
    levels = [facts.pa_level for facts in applying if facts.kind == Kind.MINIMUM_PA_LEVEL]
    assert found.dbs_rank == max(dbs, default=0)
    assert found.min_level == max(levels, default=0)


@given(rules_strategy, st.booleans())
def test_paying_by_direct_payment_never_asks_less(rules, paid):
    # A direct-payment job gets every rule an other job gets, and perhaps more.
    paid_needs, other_needs = needs(rules, paid=True), needs(rules, paid=False)
    assert paid_needs.dbs_rank >= other_needs.dbs_rank
    assert paid_needs.min_level >= other_needs.min_level
