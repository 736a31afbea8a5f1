"""Reads of saved plans, scoped to the person asking."""

from django.db.models import QuerySet

from pahub.accounts.models import User
from pahub.costs.calculator import Costing, cost_plan
from pahub.costs.forms import PlanForm
from pahub.costs.models import CostPlan
from pahub.costs.permissions import employers_to_save_for
from pahub.costs.rates import NoRatesError, rates_on


def plans_user_can_see(user: User) -> QuerySet[CostPlan]:
    """Every plan of every employer this person acts for (themself included), newest first."""
    return CostPlan.objects.filter(employer__in=employers_to_save_for(user)).select_related(
        "employer"
    )


def plan_form(plan: CostPlan) -> PlanForm:
    return PlanForm(plan.answers)


def costing_of(plan: CostPlan) -> Costing | None:
    """The plan worked out again with the rates of its date; None if its answers no longer
    pass (a rule changed since it was saved): the plan's page then asks to check them."""
    form = plan_form(plan)
    if not form.is_valid():
        return None
    try:
        return cost_plan(form.plan(), rates_on(form.cleaned_data["costed_on"]))
    except NoRatesError:
        return None
