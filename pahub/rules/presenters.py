"""What a local rule looks like to a reader, shared by the pages and the API."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from pahub.rules.models import LocalRule
from pahub.rules.queries import RuleFacts, council_names


@dataclass(frozen=True)
class RuleView:
    rule: LocalRule
    title: str  # what it asks: "Enhanced DBS check or higher"
    reason: str  # "Required by Gateshead Council for jobs paid by a direct payment"
    applies_to: str
    explanation: str
    funding_details: str
    in_force_from: date
    in_force: bool

    @property
    def starts_words(self) -> str:
        verb = "In force since" if self.in_force else "In force from"
        return f"{verb} {self.in_force_from:%-d %B %Y}"


def rule_views(rules: list[LocalRule], *, today: date | None = None) -> list[RuleView]:
    """Views of one council's (or several councils') rules, naming each council once."""
    names = council_names({rule.council for rule in rules}) if rules else {}
    return [rule_view(rule, council=names[rule.council_id], today=today) for rule in rules]


def rule_view(rule: LocalRule, *, council: str, today: date | None = None) -> RuleView:
    facts = RuleFacts.of(rule, council=council)
    today = today or timezone.localdate()
    return RuleView(
        rule=rule,
        title=facts.requirement_words,
        reason=facts.reason,
        applies_to=rule.get_applies_to_display(),
        explanation=rule.explanation,
        funding_details=rule.funding_details,
        in_force_from=rule.in_force_from,
        in_force=rule.in_force_from <= today,
    )
