"""A dashboard: a titled list of tables for a scope. Found in `pahub.insights.dashboards`."""

from collections.abc import Callable
from dataclasses import dataclass

from pahub.insights.discovery import import_submodules
from pahub.insights.scope import Scope
from pahub.insights.tables import Table


@dataclass(frozen=True)
class Dashboard:
    slug: str  # /insights/<slug>/
    title: str
    summary: str  # one sentence under the title and on the insights home page
    position: int  # order on the home page and in the sub-navigation
    tables: Callable[[Scope], list[Table]]


def all_dashboards() -> list[Dashboard]:
    modules = import_submodules("pahub.insights.dashboards")
    return sorted(
        (module.DASHBOARD for module in modules if hasattr(module, "DASHBOARD")),
        key=lambda dashboard: dashboard.position,
    )


def dashboard_for(slug: str) -> Dashboard | None:
    return next((dashboard for dashboard in all_dashboards() if dashboard.slug == slug), None)
