"""Local rules fixtures.

Newcastle City Council's staff: Rita (two-factor set up) and Nadia (no two-factor yet).
Durham County Council's staff: Dev. Amira (the shared employer fixture) lives in NE1,
Newcastle upon Tyne, so Newcastle's rules are hers.
"""

from datetime import date

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, User
from pahub.rules.models import LocalRule
from pahub.rules.services import RuleInput, rule_add
from tests.factories import make_staff
from tests.matching.conftest import jordan  # noqa: F401 (Jordan, a Level 2 PA, shared)

DP = LocalRule.AppliesTo.DIRECT_PAYMENT
ALL = LocalRule.AppliesTo.ALL_JOBS
REASON = "Required by Newcastle City Council for jobs paid by a direct payment"


def today() -> date:
    """Asked at the moment of use: a date taken when the module loads is yesterday's once
    a long run crosses midnight."""
    return timezone.localdate()


@pytest.fixture
def council_staff(council) -> User:
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="rita@newcastle.example.org",
        full_name="Rita Rules",
    )


@pytest.fixture
def staff_without_two_factor(council) -> User:
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        two_factor=False,
        email="nadia@newcastle.example.org",
        full_name="Nadia New",
    )


@pytest.fixture
def durham_staff(durham_council) -> User:
    return make_staff(
        organisation=durham_council,
        role=Membership.StaffRole.MEMBER,
        email="dev@durham.example.org",
        full_name="Dev Durham",
    )


def dbs_answers(level: str = "enhanced_adults", **fields) -> RuleInput:
    values = {
        "kind": LocalRule.Kind.DBS_CHECK,
        "applies_to": DP,
        "dbs_level": level,
        "explanation": "Our direct payment team pays for the check through its umbrella body.",
        "in_force_from": today(),
    } | fields
    return RuleInput(**values)


@pytest.fixture
def dbs_rule(newcastle, council, council_staff) -> LocalRule:
    """Newcastle asks for an enhanced check with the adults' barred list, for jobs paid by a
    direct payment."""
    return rule_add(council=newcastle, answers=dbs_answers(), by=council_staff, today=today())
