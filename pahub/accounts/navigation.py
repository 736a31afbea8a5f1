"""The header navigation fits the person: visitors, PAs, employers, staff and admins."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from pahub.accounts.permissions import is_organisation_staff, is_site_admin

# The counts beside header links ("Cover (2 new)", "Messages (3 unread)") come from apps above
# accounts. They register a provider here from their AppConfig.ready(), so accounts never
# imports them; a count nobody registered is simply 0.
HeaderCount = Callable[..., int]
_header_counts: dict[str, HeaderCount] = {}


def register_header_count(name: str, provider: HeaderCount) -> None:
    """Let a higher app supply the number shown beside its header link (called with the user)."""
    _header_counts[name] = provider


def header_count(name: str, user) -> int:
    provider = _header_counts.get(name)
    return provider(user) if provider is not None else 0


# What a staff member may do on pages apps above accounts own (checking evidence is the
# register's rule), registered from their AppConfig.ready(), so the staff area links only to
# pages the viewer can open. A permission nobody registered is refused.
StaffPermission = Callable[..., bool]
_staff_permissions: dict[str, StaffPermission] = {}


def register_staff_permission(name: str, predicate: StaffPermission) -> None:
    """Let a higher app say who may open one of its staff pages (called with the user)."""
    _staff_permissions[name] = predicate


def staff_may(name: str, user) -> bool:
    predicate = _staff_permissions.get(name)
    return predicate(user) if predicate is not None else False


@dataclass(frozen=True)
class NavItem:
    label: str
    href: str
    current: bool = False
    post: bool = False


def navigation_for(request: HttpRequest) -> list[NavItem]:
    user = getattr(request, "user", None)
    items = [
        ("Home", reverse("core:home")),
        ("Jobs", reverse("jobs:list")),
        # Free courses and local training are for everyone, signed in or not.
        ("Learning", reverse("learning:home")),
    ]
    if user is not None and user.is_authenticated:
        items += role_items(user)
        # The private zones are for everyone signed in (accounts never imports community).
        items.append(("Community", reverse("community:home")))
        unread = header_count("notifications", user)
        items.append(
            (with_count("Notifications", unread, "unread"), reverse("notifications:centre"))
        )
        items.append(("My account", reverse("accounts:home")))
        if is_organisation_staff(user) or is_site_admin(user):
            items.append(("Staff area", reverse("staff:home")))
        if is_site_admin(user):
            items.append(("Audit log", reverse("staff:audit_log")))
    else:
        items.append(("Becoming a PA", reverse("core:becoming_a_pa")))
        items.append(("Create an account", reverse("account_signup")))
        items.append(("Sign in", reverse("account_login")))
    current_href = best_match(request.path, [href for _, href in items])
    nav = [NavItem(label, href, current=(href == current_href)) for label, href in items]
    if user is not None and user.is_authenticated:
        nav.append(NavItem("Sign out", reverse("account_logout"), post=True))
    return nav


def role_items(user) -> list[tuple[str, str]]:
    """Links for what this person does on PA Hub; counts are in words, not colour."""
    is_pa = user.has_role("pa")
    acts_for_employers = user.has_role("employer") or user.has_role("representative")
    items = []
    if is_pa:
        items.append(("My PA profile", reverse("register:profile")))
        items.append(("Jobs for you", reverse("job_matches:for_me")))
    if acts_for_employers:
        items.append(("Employer", reverse("employer:home")))
    if is_pa or acts_for_employers:
        new_alerts = header_count("cover", user) if is_pa else 0
        items.append((with_count("Cover", new_alerts, "new"), reverse("cover:home")))
        unread = header_count("messages", user)
        items.append((with_count("Messages", unread, "unread"), reverse("messaging:inbox")))
    return items


def with_count(label: str, count: int, word: str) -> str:
    return f"{label} ({count} {word})" if count else label


def navigation(request: HttpRequest) -> dict:
    return {"navigation": navigation_for(request)}


def best_match(path: str, hrefs: list[str]) -> str | None:
    """The one navigation link this page belongs to: the longest matching prefix."""
    matches = [href for href in hrefs if path == href or (href != "/" and path.startswith(href))]
    return max(matches, key=len, default=None)
