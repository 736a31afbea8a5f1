"""Changing a council's local rules: one function per action, each in one transaction,
audited, and followed at once by the open work it applies to (`rules.followers`).

The caller has loaded the council or rule through `rules.permissions`; these functions check
the answers and raise `FieldInputError` naming the answer to fix, saving nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.core.forms import FieldInputError
from pahub.places.models import LocalAuthority
from pahub.register.levels import LEVEL_NAMES
from pahub.rules.followers import tell_followers
from pahub.rules.models import LocalRule
from pahub.taxonomy.dbs import DbsLevel

MAX_EXPLANATION = 300
MAX_FUNDING_DETAILS = 2000
# A rule set further ahead than this is almost certainly a typing slip (2062 for 2026).
LATEST_START = timedelta(days=2 * 366)
LEVELS = tuple(level for level in LEVEL_NAMES if level)

Kind = LocalRule.Kind
RULE_FIELDS = (
    "kind",
    "applies_to",
    "dbs_level",
    "pa_level",
    "funding_details",
    "explanation",
    "in_force_from",
)


@dataclass(frozen=True)
class RuleInput:
    """A rule's answers as typed; `check_rule` normalises them or names what is wrong."""

    kind: str
    applies_to: str
    explanation: str
    in_force_from: date | None
    dbs_level: str = ""
    pa_level: int | None = None
    funding_details: str = ""


def check_rule(answers: RuleInput, *, today: date, earliest: date | None = None) -> RuleInput:
    """The answers as they will be saved, or the first problem by the field. `earliest` is
    the first date allowed (today for a new rule; a rule already in force may keep its own)."""
    if answers.kind not in Kind.values:
        raise FieldInputError("kind", "Choose what kind of rule this is")
    if answers.applies_to not in LocalRule.AppliesTo.values:
        raise FieldInputError("applies_to", "Choose which jobs the rule applies to")
    dbs_level, pa_level, funding_details = "", None, ""
    if answers.kind == Kind.DBS_CHECK:
        if answers.dbs_level not in DbsLevel.values or answers.dbs_level == DbsLevel.NONE:
            raise FieldInputError("dbs_level", "Choose the DBS check PAs must have")
        dbs_level = answers.dbs_level
    elif answers.kind == Kind.MINIMUM_PA_LEVEL:
        if answers.pa_level not in LEVELS:
            raise FieldInputError("pa_level", "Choose the lowest PA Hub level PAs must have")
        pa_level = answers.pa_level
    else:
        funding_details = (answers.funding_details or "").strip()
        if not funding_details:
            raise FieldInputError(
                "funding_details",
                "Say how employers get the insurance paid for, for example who to contact",
            )
        if len(funding_details) > MAX_FUNDING_DETAILS:
            raise FieldInputError(
                "funding_details",
                f"The funding details must be {MAX_FUNDING_DETAILS:,} characters or fewer",
            )
    explanation = (answers.explanation or "").strip()
    if not explanation:
        raise FieldInputError("explanation", "Say in a sentence why the council asks this")
    if len(explanation) > MAX_EXPLANATION:
        raise FieldInputError(
            "explanation", f"The explanation must be {MAX_EXPLANATION} characters or fewer"
        )
    start = answers.in_force_from
    if start is None:
        raise FieldInputError("in_force_from", "Enter the date the rule starts")
    earliest = today if earliest is None else min(earliest, today)
    if start < earliest:
        raise FieldInputError("in_force_from", "The date the rule starts must be today or later")
    if start > today + LATEST_START:
        raise FieldInputError(
            "in_force_from", "The date the rule starts must be within the next 2 years"
        )
    return RuleInput(
        kind=answers.kind,
        applies_to=answers.applies_to,
        explanation=explanation,
        in_force_from=start,
        dbs_level=dbs_level,
        pa_level=pa_level,
        funding_details=funding_details,
    )


@transaction.atomic
def rule_add(
    *, council: LocalAuthority, answers: RuleInput, by: User | None, today: date | None = None
) -> LocalRule:
    """Add a rule to the council's rules; open work follows it at once."""
    checked = check_rule(answers, today=today or timezone.localdate())
    rule = LocalRule.objects.create(
        council=council,
        created_by=by,
        **{name: getattr(checked, name) for name in RULE_FIELDS},
    )
    audit.record(by, "local_rule.added", rule, council=council.pk, kind=rule.kind)
    tell_followers(council_id=council.pk, by=by)
    return rule


@transaction.atomic
def rule_change(
    *, rule: LocalRule, answers: RuleInput, by: User, today: date | None = None
) -> LocalRule:
    """Change a rule that is not retired; open work follows the new answers at once."""
    rule = LocalRule.objects.select_for_update().select_related("council").get(pk=rule.pk)
    if rule.is_retired:
        raise FieldInputError(
            "kind", "This rule is retired, so it cannot be changed. Add a new one"
        )
    checked = check_rule(answers, today=today or timezone.localdate(), earliest=rule.in_force_from)
    changed = [name for name in RULE_FIELDS if getattr(rule, name) != getattr(checked, name)]
    for name in RULE_FIELDS:
        setattr(rule, name, getattr(checked, name))
    rule.save(update_fields=[*RULE_FIELDS, "updated_at"])
    audit.record(by, "local_rule.changed", rule, council=rule.council_id, fields=changed)
    tell_followers(council_id=rule.council_id, by=by)
    return rule


@transaction.atomic
def rule_retire(*, rule: LocalRule, by: User) -> LocalRule:
    """Stop a rule applying to new work. It stays listed for the council's staff."""
    rule = LocalRule.objects.select_for_update().get(pk=rule.pk)
    if rule.is_retired:
        raise FieldInputError("rule", "This rule is already retired")
    rule.is_retired = True
    rule.retired_at = timezone.now()
    rule.save(update_fields=["is_retired", "retired_at", "updated_at"])
    audit.record(by, "local_rule.retired", rule, council=rule.council_id, kind=rule.kind)
    tell_followers(council_id=rule.council_id, by=by)
    return rule
