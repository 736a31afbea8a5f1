"""The form council staff fill in for one local rule. One form per kind of rule, so each page
asks only what that kind needs and works without JavaScript."""

from typing import Any

from django import forms

from pahub.core.forms import Form, GovukDateField, long_text, text
from pahub.register.levels import LEVEL_NAMES
from pahub.rules.models import LocalRule
from pahub.rules.services import MAX_EXPLANATION, MAX_FUNDING_DETAILS, RuleInput
from pahub.taxonomy.dbs import CERTIFICATE_CHOICES

Kind = LocalRule.Kind
# The kinds in the address of the "add" page, in plain words.
KIND_SLUGS: dict[str, str] = {
    "dbs-check": Kind.DBS_CHECK,
    "minimum-level": Kind.MINIMUM_PA_LEVEL,
    "employer-insurance": Kind.EMPLOYER_INSURANCE_FUNDED,
}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}
KIND_TITLES: dict[str, str] = {
    Kind.DBS_CHECK: "a DBS check rule",
    Kind.MINIMUM_PA_LEVEL: "a minimum level rule",
    Kind.EMPLOYER_INSURANCE_FUNDED: "the employer's insurance the council funds",
}
LEVEL_CHOICES = [(str(level), name) for level, name in LEVEL_NAMES.items() if level]


class RuleForm(Form):
    applies_to = forms.ChoiceField(
        label="Which jobs does it apply to?",
        choices=LocalRule.AppliesTo.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which jobs the rule applies to"},
    )
    dbs_level = forms.ChoiceField(
        label="Which DBS check must PAs have, at least?",
        choices=CERTIFICATE_CHOICES,
        widget=forms.RadioSelect,
        help_text="A PA whose check is higher meets the rule too.",
        error_messages={
            "required": "Choose the DBS check PAs must have",
            "invalid_choice": "Choose the DBS check PAs must have",
        },
    )
    pa_level = forms.TypedChoiceField(
        label="What is the lowest PA Hub level PAs must have?",
        choices=LEVEL_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="Levels are worked out from what PA Hub's staff have checked.",
        error_messages={
            "required": "Choose the lowest PA Hub level PAs must have",
            "invalid_choice": "Choose the lowest PA Hub level PAs must have",
        },
    )
    funding_details = long_text(
        label="How do employers get it paid for?",
        what="The funding details",
        limit=MAX_FUNDING_DETAILS,
        help_text="What it covers, how much, and who to contact.",
        required=True,
        error_messages={
            "required": "Say how employers get the insurance paid for, for example who to contact"
        },
    )
    explanation = text(
        label="Why does the council ask this?",
        what="The explanation",
        limit=MAX_EXPLANATION,
        help_text="One or two sentences, shown to employers with the rule.",
        required=True,
        error_messages={"required": "Say in a sentence why the council asks this"},
    )
    in_force_from = GovukDateField(
        label="The date the rule starts",
        help_text="For example, 1 4 2027.",
        error_messages={"required": "Enter the date the rule starts"},
    )

    # Which of the kind-specific questions each kind asks.
    KIND_FIELDS = {
        Kind.DBS_CHECK: ("dbs_level",),
        Kind.MINIMUM_PA_LEVEL: ("pa_level",),
        Kind.EMPLOYER_INSURANCE_FUNDED: ("funding_details",),
    }

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in ("dbs_level", "pa_level", "funding_details"):
            if name not in self.KIND_FIELDS[kind]:
                del self.fields[name]

    def to_input(self) -> RuleInput:
        data = self.cleaned_data
        return RuleInput(
            kind=self.kind,
            applies_to=data["applies_to"],
            explanation=data["explanation"],
            in_force_from=data["in_force_from"],
            dbs_level=data.get("dbs_level", ""),
            pa_level=data.get("pa_level"),
            funding_details=data.get("funding_details", ""),
        )


def rule_initial(rule: LocalRule) -> dict[str, Any]:
    return {
        "applies_to": rule.applies_to,
        "dbs_level": rule.dbs_level,
        "pa_level": str(rule.pa_level) if rule.pa_level else None,
        "funding_details": rule.funding_details,
        "explanation": rule.explanation,
        "in_force_from": rule.in_force_from,
    }
