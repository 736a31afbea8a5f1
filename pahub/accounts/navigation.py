"""The header navigation fits the person: visitors, PAs, employers, staff and admins."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from pahub.accounts.permissions import is_organisation_staff, is_site_admin


@dataclass(frozen=True)
class NavItem:
    label: str
    href: str
    current: bool = False
    post: bool = False


def navigation_for(request: HttpRequest) -> list[NavItem]:
    user = getattr(request, "user", None)
    items = [("Home", reverse("core:home")), ("Becoming a PA", reverse("core:becoming_a_pa"))]
    if user is not None and user.is_authenticated:
        if user.has_role("pa"):
            items.append(("My PA profile", reverse("register:profile")))
        items.append(("My account", reverse("accounts:home")))
        if is_organisation_staff(user) or is_site_admin(user):
            items.append(("Staff area", reverse("staff:home")))
        if is_site_admin(user):
            items.append(("Audit log", reverse("staff:audit_log")))
    else:
        items.append(("Create an account", reverse("account_signup")))
        items.append(("Sign in", reverse("account_login")))
    current_href = best_match(request.path, [href for _, href in items])
    nav = [NavItem(label, href, current=(href == current_href)) for label, href in items]
    if user is not None and user.is_authenticated:
        nav.append(NavItem("Sign out", reverse("account_logout"), post=True))
    return nav


def navigation(request: HttpRequest) -> dict:
    return {"navigation": navigation_for(request)}


def best_match(path: str, hrefs: list[str]) -> str | None:
    """The one navigation link this page belongs to: the longest matching prefix."""
    matches = [href for href in hrefs if path == href or (href != "/" and path.startswith(href))]
    return max(matches, key=len, default=None)
