"""The demo's rule, and local rules' part of a person's data."""

from pahub.core.personal_data import registry
from pahub.rules.demo import demo_extension
from pahub.rules.models import LocalRule
from pahub.rules.personal_data import export_rules, forget_rule_maker
from pahub.rules.queries import requirements_for


def test_the_demo_adds_newcastles_rule_once(newcastle):
    demo_extension(people={})
    demo_extension(people={})

    rule = LocalRule.objects.get()
    assert rule.council == newcastle
    assert requirements_for(newcastle.pk, True).dbs.dbs_level == "enhanced_adults"


def test_a_rule_makers_download_lists_their_rules_and_deletion_keeps_the_rule(
    dbs_rule, council_staff
):
    assert export_rules(council_staff)["rules_made"][0]["council"] == "Newcastle upon Tyne"
    assert "rules.LocalRule" in registry.covered_models()

    forget_rule_maker(council_staff)

    dbs_rule.refresh_from_db()
    assert dbs_rule.created_by is None
