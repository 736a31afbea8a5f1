"""Insights fixtures: Newcastle City Council's team, where Cora reads insights and Col does
not, and Durham County Council's commissioner Dev, who reads insights for County Durham only.
The dashboard on every page is one of the tests' own (`test_dashboard`), not the app's."""

from datetime import date

import pytest

from pahub.accounts.models import Membership, Organisation, User
from pahub.insights import dashboard as dashboard_module
from pahub.insights.dashboard import Dashboard
from pahub.insights.scope import Scope
from pahub.insights.tables import Row, Table
from tests.factories import make_staff


def make_commissioner(organisation: Organisation, **fields) -> User:
    user = make_staff(organisation=organisation, role=Membership.StaffRole.MEMBER, **fields)
    Membership.objects.filter(user=user).update(views_insights=True)
    return user


@pytest.fixture
def commissioner(council) -> User:
    return make_commissioner(council, email="cora@newcastle.example.org", full_name="Cora Mission")


@pytest.fixture
def council_colleague(council) -> User:
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="col@newcastle.example.org",
        full_name="Col League",
    )


@pytest.fixture
def council_admin(council) -> User:
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.ADMIN,
        email="cath@newcastle.example.org",
        full_name="Cath Admin",
    )


@pytest.fixture
def durham_commissioner(durham_council) -> User:
    return make_commissioner(
        durham_council, email="dev@durham.example.org", full_name="Dev Durham", postcode="DH1 1AA"
    )


def people_by_area(scope: Scope) -> list[Table]:
    """One table per scope: a row per local authority in it, with a small count in it."""
    rows = tuple(Row(area_id, (3, 12, 0)) for area_id in sorted(scope.local_authority_ids))
    return [
        Table(
            key="people",
            title="People by level",
            definition="People on the register on the day of the last refresh, by level.",
            row_heading="Local authority",
            columns=("Level 1", "Level 2", "Level 3"),
            rows=rows,
            notes=("A person counts once, at their highest level.",),
        ),
        Table(
            key="hours",
            title="Hours offered",
            definition="Hours a week PAs say they are free.",
            row_heading="Local authority",
            columns=("Hours",),
            rows=tuple(Row(area_id, (2,)) for area_id in sorted(scope.local_authority_ids)),
            totals=False,
            unit="hours",
        ),
    ]


TEST_DASHBOARD = Dashboard(
    slug="people",
    title="People",
    summary="How many people are on the register, by level.",
    position=1,
    tables=people_by_area,
)
OTHER_DASHBOARD = Dashboard(
    slug="other",
    title="Other things",
    summary="Another dashboard, for the sub-navigation.",
    position=2,
    tables=lambda scope: [],
)


@pytest.fixture
def test_dashboards(monkeypatch):
    """The pages, downloads and API tests render these instead of the real dashboards, whose
    own tests (test_workforce.py, test_demand.py, ...) check their figures."""
    dashboards = [TEST_DASHBOARD, OTHER_DASHBOARD]
    monkeypatch.setattr(dashboard_module, "all_dashboards", lambda: dashboards)
    return dashboards


@pytest.fixture
def period() -> tuple[date, date]:
    return date(2026, 1, 1), date(2026, 6, 30)
