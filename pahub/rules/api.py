"""API: a council's local rules, `GET /api/v1/areas/{slug}/rules`, mirroring the public page
/areas/<slug>/rules/. Public (no sign-in): rules are the council's published policy. An
unknown council is 404."""

from datetime import date

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status

from pahub.core.api_errors import ErrorOut
from pahub.rules import permissions, queries
from pahub.rules.presenters import rule_views

router = Router(tags=["local rules"])


class LocalRuleOut(Schema):
    id: int
    kind: str = Field(description="dbs_check, minimum_pa_level or employer_insurance_funded")
    title: str = Field(description='What it asks, e.g. "Enhanced DBS check or higher"')
    reason: str = Field(
        description='e.g. "Required by Gateshead Council for jobs paid by a direct payment"'
    )
    applies_to: str = Field(description="direct_payment or all_jobs")
    dbs_level: str | None = Field(description="For a DBS rule: the lowest check accepted")
    pa_level: int | None = Field(description="For a level rule: the lowest PA Hub level, 1 to 4")
    explanation: str
    funding_details: str
    in_force_from: date
    in_force: bool = Field(description="False while its start date is still to come")


class CouncilRulesOut(Schema):
    council: str
    slug: str
    rules: list[LocalRuleOut]


@router.get(
    "/areas/{slug}/rules",
    response={200: CouncilRulesOut, 404: ErrorOut},
    auth=None,
    summary="A council's local rules in force",
)
def council_rules(
    request: HttpRequest,
    slug: str = Path(..., max_length=110, pattern=r"^[-a-zA-Z0-9_]+$"),
):
    council = permissions.access_council_for_rules(slug)
    views = rule_views(queries.rules_in_force(council.pk))
    return Status(
        200,
        CouncilRulesOut(
            council=queries.council_of(council),
            slug=council.slug,
            rules=[
                LocalRuleOut(
                    id=view.rule.pk,
                    kind=view.rule.kind,
                    title=view.title,
                    reason=view.reason,
                    applies_to=view.rule.applies_to,
                    dbs_level=view.rule.dbs_level or None,
                    pa_level=view.rule.pa_level,
                    explanation=view.explanation,
                    funding_details=view.funding_details,
                    in_force_from=view.in_force_from,
                    in_force=view.in_force,
                )
                for view in views
            ],
        ),
    )
