"""Writes to saved plans: one function per action, each audited."""

from datetime import date

from django.db import transaction

from pahub.accounts.models import User
from pahub.core import audit
from pahub.costs.models import CostPlan


@transaction.atomic
def cost_plan_create(
    *, employer: User, by: User, name: str, costed_on: date, answers: dict[str, str]
) -> CostPlan:
    """Save the calculator's answers as one of the employer's plans."""
    plan = CostPlan.objects.create(
        employer=employer, name=name, costed_on=costed_on, answers=answers, created_by=by
    )
    audit.record(by, "cost_plan.created", plan, employer=employer.pk)
    return plan


@transaction.atomic
def cost_plan_update(
    *, plan: CostPlan, by: User, name: str, costed_on: date, answers: dict[str, str]
) -> CostPlan:
    plan.name = name
    plan.costed_on = costed_on
    plan.answers = answers
    plan.save(update_fields=["name", "costed_on", "answers", "updated_at"])
    audit.record(by, "cost_plan.changed", plan, employer=plan.employer_id)
    return plan


@transaction.atomic
def cost_plan_delete(*, plan: CostPlan, by: User) -> None:
    audit.record(by, "cost_plan.deleted", plan, employer=plan.employer_id)
    plan.delete()
