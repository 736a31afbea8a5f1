"""Local rules' part of a person's data: only council staff appear, as the person who made a
rule. The rules are the council's policy, so they stay when that person's account is
deleted; the link to them goes (the foreign key is SET_NULL)."""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.rules.models import LocalRule


def export_rules(user) -> dict[str, Any]:
    return {
        "rules_made": [
            {
                "council": rule.council.name,
                "kind": rule.get_kind_display(),
                "explanation": rule.explanation,
                "in_force_from": rule.in_force_from.isoformat(),
                "retired": rule.is_retired,
            }
            for rule in LocalRule.objects.filter(created_by=user).select_related("council")
        ]
    }


def forget_rule_maker(user) -> None:
    LocalRule.objects.filter(created_by=user).update(created_by=None)


register(
    "rules",
    models={"rules.LocalRule": Fate.KEPT_ANONYMISED},
    export=export_rules,
    erase={Step.RECORDS: forget_rule_maker},
)
