"""Who may use the self-assessment, the learning plan, prior learning and the CPD log: PAs,
each with their own data only. The only place these rules live; pages and the API both
call them."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Role
from pahub.learning.models import PlanItem

NOT_A_PA = "Your learning plan and CPD log are for Personal Assistants."


def is_pa(user) -> bool:
    return user.is_authenticated and user.has_role(Role.PA)


def check_pa(user) -> None:
    """Refuse anyone but a PA (403)."""
    if not is_pa(user):
        raise PermissionDenied(NOT_A_PA)


def pa_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (or sent to sign in, and back) and holding the PA role (or a 403 page)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        check_pa(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def access_own_plan_item(user, item_id: int) -> PlanItem:
    """One step of the PA's own plan; anyone else's is 404, so nobody learns it exists."""
    return get_object_or_404(PlanItem, pk=item_id, user=user)
