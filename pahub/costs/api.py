"""API: the cost calculator and saved plans, under /api/v1/costs.

- `POST /costs/calculate`: open to anyone, like the page; JSON in, the costs out. The answers
  go through the page's own form, so bad input gets the page's messages (400), each named by
  the field sent (`pas.0.hourly_rate`).
- `GET /costs/plans`, `GET /costs/plans/{id}`: the plans of every employer the person acts for
  (their own included), with each plan costed again at its date's rates.
- `POST /costs/plans`: save a plan for an employer the person acts for (404 for anyone else;
  403 for someone who acts for no one). `DELETE /costs/plans/{id}` deletes it.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Router, Schema, Status
from ninja.security import django_auth

from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import MAX_ID, InputSchema
from pahub.costs.calculator import AgeBand, Costing, NightKind, pounds
from pahub.costs.forms import MAX_PAS, PA_FIELDS, PlanForm, date_answers
from pahub.costs.models import CostPlan
from pahub.costs.permissions import access_cost_plan_for_actor, require_someone_to_save_for
from pahub.costs.queries import costing_of, plans_user_can_see
from pahub.costs.services import cost_plan_create, cost_plan_delete
from pahub.costs.views import costing_from

router = Router(tags=["costs"])

Amount = Decimal | None
AgeBandKey = Literal[
    AgeBand.AGED_21_AND_OVER, AgeBand.AGED_18_TO_20, AgeBand.UNDER_18, AgeBand.APPRENTICE
]


class PAIn(InputSchema):
    name: str = Field(..., max_length=200, description="A name or role, like Sam")
    hourly_rate: Decimal = Field(..., description="Pounds an hour, like 13.50")
    weekly_hours: Decimal = Field(..., description="Day hours in a normal week")
    night_hours: Amount = None
    night_rate: Amount = None
    night_kind: Literal[NightKind.WAKING, NightKind.SLEEP_IN] = NightKind.WAKING
    irregular_hours: bool = Field(False, description="Hours change from week to week")
    age_band: AgeBandKey = AgeBand.AGED_21_AND_OVER  # type: ignore[valid-type]
    pension_age: bool = Field(True, description="Aged 22 or over, under State Pension age")


class CostPlanIn(InputSchema):
    costed_on: date | None = Field(None, description="Rates of this date's tax year; today")
    direct_payment_weekly: Decimal = Field(..., description="Pounds a week")
    pas: list[PAIn] = Field(..., min_length=1, max_length=MAX_PAS)
    agency_weekly_hours: Amount = None
    agency_hourly_rate: Amount = None
    insurance_yearly: Amount = Field(None, description="Employer's liability insurance a year")
    sick_weeks_per_pa: Amount = Field(None, description="Weeks each PA may be off sick a year")
    cover_hourly_rate: Amount = Field(None, description="Cover's rate, if more than the PAs'")
    claims_employment_allowance: bool = True


class SavePlanIn(InputSchema):
    employer_id: int = Field(..., ge=1, le=MAX_ID)
    name: str = Field(..., min_length=1, max_length=80)
    plan: CostPlanIn


class LineOut(Schema):
    kind: str
    label: str
    weekly: str
    four_weekly: str
    yearly: str
    explanation: str
    source: str
    tax_year: str


class WageCheckOut(Schema):
    pa_name: str
    rate_label: str
    hourly_rate: str
    minimum: str
    checked: bool = Field(description="False for sleep-in rates: only time woken counts")
    lawful: bool
    explanation: str
    source: str
    tax_year: str


class CostingOut(Schema):
    tax_year: str
    lines: list[LineOut]
    wage_checks: list[WageCheckOut]
    weekly_total: str
    four_weekly_total: str
    yearly_total: str
    direct_payment_weekly: str
    weekly_left: str = Field(description="Negative when the direct payment falls short")
    is_short: bool
    summary: str = Field(description='"£X a week left" or "£Y a week short"')


class CostPlanOut(Schema):
    id: int
    name: str
    employer_id: int
    costed_on: date
    updated_at: datetime
    costing: CostingOut | None = Field(description="None when the answers need checking")


class PlanSummaryOut(Schema):
    id: int
    name: str
    employer_id: int
    costed_on: date
    updated_at: datetime


def text(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:f}"


def answers_from(plan: CostPlanIn) -> dict[str, str]:
    """The JSON as the page's answers, so the same form checks both."""
    answers = {
        "pa_count": str(len(plan.pas)),
        **date_answers("costed_on", plan.costed_on or timezone.localdate()),
        "direct_payment_weekly": text(plan.direct_payment_weekly),
        "agency_weekly_hours": text(plan.agency_weekly_hours),
        "agency_hourly_rate": text(plan.agency_hourly_rate),
        "insurance_yearly": text(plan.insurance_yearly),
        "sick_weeks_per_pa": text(plan.sick_weeks_per_pa),
        "cover_hourly_rate": text(plan.cover_hourly_rate),
        "claims_employment_allowance": "yes" if plan.claims_employment_allowance else "no",
    }
    for index, pa in enumerate(plan.pas):
        for name in PA_FIELDS:
            value = getattr(pa, name)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            elif isinstance(value, Decimal) or value is None:
                value = text(value)
            answers[f"pa-{index}-{name}"] = str(value)
    return answers


def api_field(name: str) -> str:
    """`pa-0-hourly_rate` as the API client sent it: `pas.0.hourly_rate`."""
    if name.startswith("pa-"):
        _, index, field = name.split("-", 2)
        return f"pas.{index}.{field}"
    return name


def checked_form(plan: CostPlanIn, *, prefix: str = "") -> PlanForm | Status:
    form = PlanForm(answers_from(plan))
    if form.is_valid():
        return form
    errors = {prefix + api_field(name): list(messages) for name, messages in form.errors.items()}
    first = next(iter(errors))
    return Status(400, {"detail": f"{first}: {errors[first][0]}", "field": first, "errors": errors})


def costing_out(costing: Costing) -> CostingOut:
    return CostingOut(
        tax_year=costing.tax_year,
        lines=[
            LineOut(
                kind=line.kind,
                label=line.label,
                weekly=str(pounds(line.weekly)),
                four_weekly=str(pounds(line.four_weekly)),
                yearly=str(pounds(line.yearly)),
                explanation=line.explanation,
                source=line.source,
                tax_year=line.tax_year,
            )
            for line in costing.lines
        ],
        wage_checks=[
            WageCheckOut(
                pa_name=check.pa_name,
                rate_label=check.rate_label,
                hourly_rate=str(pounds(check.hourly_rate)),
                minimum=str(pounds(check.minimum)),
                checked=check.checked,
                lawful=check.lawful,
                explanation=check.explanation,
                source=check.source,
                tax_year=check.tax_year,
            )
            for check in costing.wage_checks
        ],
        weekly_total=str(pounds(costing.weekly_total)),
        four_weekly_total=str(pounds(costing.four_weekly_total)),
        yearly_total=str(pounds(costing.yearly_total)),
        direct_payment_weekly=str(pounds(costing.direct_payment_weekly)),
        weekly_left=str(pounds(costing.weekly_left)),
        is_short=costing.is_short,
        summary=costing.summary,
    )


def plan_out(plan: CostPlan) -> CostPlanOut:
    costing = costing_of(plan)
    return CostPlanOut(
        id=plan.pk,
        name=plan.name,
        employer_id=plan.employer_id,
        costed_on=plan.costed_on,
        updated_at=plan.updated_at,
        costing=costing_out(costing) if costing else None,
    )


@router.post(
    "/costs/calculate",
    response={200: CostingOut, 400: ErrorOut},
    auth=None,
    summary="Work out what a support plan costs",
    description='Nothing is kept. Amounts come back as strings of pounds, like "123.45".',
)
def cost_calculate(request: HttpRequest, payload: CostPlanIn):
    form = checked_form(payload)
    if isinstance(form, Status):
        return form
    return Status(200, costing_out(costing_from(form)))


@router.get(
    "/costs/plans",
    response={200: list[PlanSummaryOut], 403: ErrorOut},
    auth=django_auth,
    summary="Saved plans of the employers you act for",
)
def cost_plan_list(request: HttpRequest):
    require_someone_to_save_for(request.user)
    return Status(
        200,
        [
            PlanSummaryOut(
                id=plan.pk,
                name=plan.name,
                employer_id=plan.employer_id,
                costed_on=plan.costed_on,
                updated_at=plan.updated_at,
            )
            for plan in plans_user_can_see(request.user)
        ],
    )


@router.get(
    "/costs/plans/{plan_id}",
    response={200: CostPlanOut, 404: ErrorOut},
    auth=django_auth,
    summary="One saved plan, costed at its date's rates",
)
def cost_plan_detail(request: HttpRequest, plan_id: int = Path(..., ge=1, le=MAX_ID)):
    return Status(200, plan_out(access_cost_plan_for_actor(request.user, plan_id)))


@router.post(
    "/costs/plans",
    response={201: CostPlanOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Save a plan for an employer you act for",
)
def cost_plan_save(request: HttpRequest, payload: SavePlanIn):
    employer = require_someone_to_save_for(request.user).filter(pk=payload.employer_id).first()
    if employer is None:
        return Status(404, {"detail": "Not found."})
    form = checked_form(payload.plan, prefix="plan.")
    if isinstance(form, Status):
        return form
    plan = cost_plan_create(
        employer=employer,
        by=request.user,
        name=payload.name,
        costed_on=form.cleaned_data["costed_on"],
        answers=form.answers(),
    )
    return Status(201, plan_out(plan))


@router.delete(
    "/costs/plans/{plan_id}",
    response={204: None, 404: ErrorOut},
    auth=django_auth,
    summary="Delete a saved plan",
)
def cost_plan_remove(request: HttpRequest, plan_id: int = Path(..., ge=1, le=MAX_ID)):
    plan = access_cost_plan_for_actor(request.user, plan_id)
    cost_plan_delete(plan=plan, by=request.user)
    return Status(204, None)
