"""The cast for asking for help: Amira, an employer in Newcastle; the support agency
`organisation` (Olu is its admin) and Nell's user-led network both serve Newcastle; Dan works
for `other_organisation`, which serves County Durham only."""

import pytest

from pahub.accounts.models import Membership, Organisation
from pahub.support.help.services import HelpInput, help_request_create
from tests.factories import OrganisationFactory, make_staff


@pytest.fixture
def network(db) -> Organisation:
    return OrganisationFactory(
        name="Newcastle Disabled People's Network",
        kind=Organisation.Kind.USER_LED,
        areas=["Newcastle upon Tyne"],
    )


@pytest.fixture
def nell(network):
    """Staff of the user-led network, which also serves Newcastle."""
    return make_staff(
        organisation=network,
        role=Membership.StaffRole.MEMBER,
        email="nell@network.example.org",
        full_name="Nell Ward",
    )


@pytest.fixture
def dan(other_organisation):
    """Staff of an organisation in County Durham only."""
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.MEMBER,
        email="dan@durham.example.org",
        full_name="Dan Hall",
    )


def ask(person, **fields):
    values = {
        "topic": "contract",
        "need": "My PA asked for more holiday than I thought. What does the law say?",
        "contact_by": "messages",
    } | fields
    return help_request_create(person=person, values=HelpInput(**values))


@pytest.fixture
def help_request(employer_profile, org_admin, nell):
    """Amira's request, waiting in Newcastle."""
    return ask(employer_profile.user)
