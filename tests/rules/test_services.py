"""Adding, changing and retiring a rule: checked by the field, audited, saved whole or not."""

from datetime import timedelta

import pytest

from pahub.core.forms import FieldInputError
from pahub.core.models import AuditEvent
from pahub.rules.models import LocalRule
from pahub.rules.queries import requirements_for, rules_in_force
from pahub.rules.services import RuleInput, rule_add, rule_change, rule_retire

from .conftest import ALL, REASON, dbs_answers, today


def test_adding_a_rule_is_audited_and_applies_at_once(newcastle, council_staff, council):
    rule = rule_add(council=newcastle, answers=dbs_answers(), by=council_staff)

    event = AuditEvent.objects.get(action="local_rule.added")
    assert event.actor == council_staff
    assert event.detail["council"] == newcastle.pk
    assert rule.created_by == council_staff
    needed = requirements_for(newcastle.pk, True)
    assert needed.dbs.dbs_level == "enhanced_adults"
    assert needed.dbs.reason == REASON


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        (dbs_answers(level=""), "dbs_level"),
        (dbs_answers(level="platinum"), "dbs_level"),
        (dbs_answers(applies_to="everyone"), "applies_to"),
        (dbs_answers(explanation="   "), "explanation"),
        (dbs_answers(explanation="x" * 301), "explanation"),
        (dbs_answers(in_force_from=None), "in_force_from"),
        (dbs_answers(in_force_from=today() - timedelta(days=1)), "in_force_from"),
        (dbs_answers(in_force_from=today() + timedelta(days=800)), "in_force_from"),
        (dbs_answers(kind="free_biscuits"), "kind"),
        (
            RuleInput(
                kind=LocalRule.Kind.MINIMUM_PA_LEVEL,
                applies_to=ALL,
                explanation="Why",
                in_force_from=today(),
                pa_level=7,
            ),
            "pa_level",
        ),
        (
            RuleInput(
                kind=LocalRule.Kind.EMPLOYER_INSURANCE_FUNDED,
                applies_to=ALL,
                explanation="Why",
                in_force_from=today(),
            ),
            "funding_details",
        ),
    ],
)
def test_bad_answers_name_their_field_and_save_nothing(newcastle, council_staff, answers, field):
    with pytest.raises(FieldInputError) as refused:
        rule_add(council=newcastle, answers=answers, by=council_staff)
    assert refused.value.field == field
    assert not LocalRule.objects.exists()
    assert not AuditEvent.objects.filter(action="local_rule.added").exists()


def test_answers_another_kind_needs_are_not_kept(newcastle, council_staff):
    rule = rule_add(
        council=newcastle,
        answers=dbs_answers(pa_level=3, funding_details="Not for a DBS rule"),
        by=council_staff,
    )
    assert rule.pa_level is None
    assert rule.funding_details == ""


def test_changing_a_rule_is_audited_with_the_fields_changed(dbs_rule, council_staff):
    rule_change(rule=dbs_rule, answers=dbs_answers(level="standard"), by=council_staff)

    dbs_rule.refresh_from_db()
    assert dbs_rule.dbs_level == "standard"
    event = AuditEvent.objects.get(action="local_rule.changed")
    assert event.detail["fields"] == ["dbs_level"]


def test_a_rule_already_in_force_keeps_its_start_date_when_changed(dbs_rule, council_staff):
    LocalRule.objects.filter(pk=dbs_rule.pk).update(in_force_from=today() - timedelta(days=40))
    dbs_rule.refresh_from_db()
    rule_change(
        rule=dbs_rule,
        answers=dbs_answers(in_force_from=dbs_rule.in_force_from, explanation="Clearer."),
        by=council_staff,
    )
    dbs_rule.refresh_from_db()
    assert dbs_rule.explanation == "Clearer."


def test_retiring_a_rule_stops_it_applying_and_is_audited(dbs_rule, council_staff, newcastle):
    rule_retire(rule=dbs_rule, by=council_staff)

    assert requirements_for(newcastle.pk, True).dbs is None
    assert rules_in_force(newcastle.pk) == []
    assert AuditEvent.objects.filter(action="local_rule.retired", actor=council_staff).exists()
    with pytest.raises(FieldInputError):
        rule_retire(rule=dbs_rule, by=council_staff)
    with pytest.raises(FieldInputError):
        rule_change(rule=dbs_rule, answers=dbs_answers(), by=council_staff)


def test_a_rule_starting_later_is_listed_but_not_yet_applied(newcastle, council_staff):
    rule_add(
        council=newcastle,
        answers=dbs_answers(in_force_from=today() + timedelta(days=30)),
        by=council_staff,
    )
    assert len(rules_in_force(newcastle.pk)) == 1
    assert requirements_for(newcastle.pk, True).dbs is None


def test_the_council_is_named_as_the_area_when_it_is_not_on_pa_hub(durham, admin):
    rule_add(council=durham, answers=dbs_answers(), by=admin)
    assert requirements_for(durham.pk, True).dbs.reason.startswith("Required by County Durham")
