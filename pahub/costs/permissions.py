"""Who may see and change a saved plan: the employer it belongs to, their representatives and
staff acting for them with consent, by the one rule in `employers.permissions`. Anyone else
gets 404, so nobody learns a plan exists. The calculator itself is open to everyone: it holds
nothing about anyone until a plan is saved.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import User
from pahub.costs.models import CostPlan
from pahub.employers.permissions import (
    can_act_for_employer,
    employers_user_can_act_for,
    refuse_staff_without_two_factor,
)

NOT_AN_EMPLOYER = "Only employers and people acting for them can save a plan."


def access_cost_plan_for_actor(user: User, plan_id: int) -> CostPlan:
    """The only way to load a saved plan; 404 for anyone who may not act for its employer."""
    plan = get_object_or_404(
        CostPlan.objects.select_related("employer"), pk=plan_id, employer__is_active=True
    )
    if not can_act_for_employer(user, plan.employer):
        refuse_staff_without_two_factor(user)
        raise Http404
    return plan


def employers_to_save_for(user: User) -> QuerySet[User]:
    """Whose plan this person may save: themself if they employ, and anyone they act for."""
    return employers_user_can_act_for(user).filter(is_active=True).order_by("full_name", "pk")


def require_someone_to_save_for(user: User) -> QuerySet[User]:
    employers = employers_to_save_for(user)
    if not employers.exists():
        refuse_staff_without_two_factor(user)
        raise PermissionDenied(NOT_AN_EMPLOYER)
    return employers
