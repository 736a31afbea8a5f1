"""Who may see and change a council's local rules. The only place these rules live: the
pages and the API call these helpers.

- Anyone, signed in or not, reads the rules a council has in force (they are public policy).
- Staff of the council itself (an organisation of the local-authority kind serving it) and
  site admins add, change and retire its rules; anyone else gets 404, so the staff pages do
  not advertise themselves. Two-factor is enforced for all staff by
  `accounts.middleware.StaffTwoFactorMiddleware` before any of this runs.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import User
from pahub.accounts.permissions import is_council_staff_for
from pahub.places.models import LocalAuthority
from pahub.places.queries import local_authority_by_slug
from pahub.rules.models import LocalRule


def may_manage_rules(user: User, council: LocalAuthority) -> bool:
    return user.is_authenticated and is_council_staff_for(user, council.pk)


def access_council_for_rules(slug: str) -> LocalAuthority:
    """The council whose public rules page this is (404 for an unknown slug)."""
    return local_authority_by_slug(slug)


def access_council_for_rule_manager(user: User, slug: str) -> LocalAuthority:
    """The only way a page or the API loads a council to change its rules."""
    council = local_authority_by_slug(slug)
    if not may_manage_rules(user, council):
        raise Http404
    return council


def access_rule_for_manager(user: User, slug: str, rule_id: int) -> LocalRule:
    """The only way to load one rule to change or retire it: that council's staff, and only
    a rule of that council (another council's rule id gives 404 too)."""
    council = access_council_for_rule_manager(user, slug)
    return get_object_or_404(
        LocalRule.objects.select_related("council", "created_by"), pk=rule_id, council=council
    )
