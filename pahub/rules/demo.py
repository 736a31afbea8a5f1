"""The demo's local rule: Newcastle asks for the adults' barred list check on jobs a direct
payment pays for, as councils commonly do for personal care (regulated activity). The wording
follows the DBS guidance in docs/rules.md; the council and its staff are the demo's own.

Made through the rules' service, once: if Newcastle has a rule, nothing is added again.
"""

from django.utils import timezone

from pahub.accounts.models import User
from pahub.places.models import LocalAuthority
from pahub.rules.models import LocalRule
from pahub.rules.services import RuleInput, rule_add

# The demo's council staff member who made it (pahub/setup/demo.py names the cast).
MADE_BY = "council.admin"


def demo_extension(*, people: dict[str, User]) -> None:
    council = LocalAuthority.objects.filter(name="Newcastle upon Tyne").first()
    if council is None or LocalRule.objects.filter(council=council).exists():
        return
    rule_add(
        council=council,
        answers=RuleInput(
            kind=LocalRule.Kind.DBS_CHECK,
            applies_to=LocalRule.AppliesTo.DIRECT_PAYMENT,
            dbs_level="enhanced_adults",
            explanation=(
                "Helping with personal care is regulated activity, so we ask for the adults' "
                "barred list. Our direct payments team arranges the check through an umbrella "
                "body, and the fee can come from the direct payment."
            ),
            in_force_from=timezone.localdate(),
        ),
        by=people.get(MADE_BY),
    )
