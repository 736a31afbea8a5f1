"""The cost calculator's part of a person's data: the plans saved for them as an employer.

A plan is the employer's own, so deleting their account deletes it. A representative or staff
member who saved a plan for someone else is named on it only as `created_by`; deleting their
account leaves the plan with the employer and forgets who saved it.
"""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.costs.models import CostPlan


def export_plans(user) -> dict[str, Any]:
    plans = CostPlan.objects.filter(employer=user).order_by("created_at", "pk")
    return {
        "plans": [
            {
                "name": plan.name,
                "costed_on": plan.costed_on.isoformat(),
                "answers": plan.answers,
                "created_at": plan.created_at.isoformat(),
                "updated_at": plan.updated_at.isoformat(),
            }
            for plan in plans
        ]
    }


def erase_plans(user) -> None:
    CostPlan.objects.filter(employer=user).delete()
    CostPlan.objects.filter(created_by=user).update(created_by=None)


register(
    "costs",
    models={"costs.CostPlan": Fate.DELETED},
    export=export_plans,
    erase={Step.RECORDS: erase_plans},
)
