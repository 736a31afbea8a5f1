"""Who sees a request for help, before and after it is picked up: the person, the picking
organisation's staff, another organisation serving the same area, an organisation elsewhere,
a site admin, an outsider and someone signed out. Anyone who may not see it gets 404."""

import pytest
from django.test import Client

from pahub.support.help.services import help_request_pick_up

pytestmark = pytest.mark.django_db

BEFORE = {
    "employer": 200,
    "org_admin": 200,
    "nell": 200,
    "dan": 404,
    "admin": 404,
    "outsider": 404,
    "anonymous": 302,
}
AFTER = BEFORE | {"nell": 404}


def client_as(name, request, client_for):
    if name == "anonymous":
        return Client()
    return client_for(request.getfixturevalue(name))


@pytest.mark.parametrize(("name", "status"), BEFORE.items())
def test_who_sees_a_waiting_request(name, status, help_request, dan, request, client_for):
    response = client_as(name, request, client_for).get(f"/support/requests/{help_request.pk}/")
    assert response.status_code == status


@pytest.mark.parametrize(("name", "status"), AFTER.items())
def test_who_sees_a_request_once_picked_up(
    name, status, help_request, organisation, org_admin, dan, request, client_for
):
    help_request_pick_up(help_request=help_request, organisation=organisation, by=org_admin)
    response = client_as(name, request, client_for).get(f"/support/requests/{help_request.pk}/")
    assert response.status_code == status


@pytest.mark.parametrize(("name", "status"), AFTER.items())
def test_who_sees_it_in_the_api_once_picked_up(
    name, status, help_request, organisation, org_admin, dan, request, client_for
):
    help_request_pick_up(help_request=help_request, organisation=organisation, by=org_admin)
    response = client_as(name, request, client_for).get(
        f"/api/v1/support/requests/{help_request.pk}"
    )
    assert response.status_code == (401 if name == "anonymous" else status)


def test_only_the_adviser_sees_the_phone_number(
    employer_profile, organisation, org_admin, nell, client_for
):
    from pahub.accounts.models import Membership
    from tests.factories import make_staff
    from tests.support.help.conftest import ask

    teammate = make_staff(
        organisation=organisation, role=Membership.StaffRole.MEMBER, email="t@example.org"
    )
    help_request = ask(
        employer_profile.user, contact_by="phone", phone="0191 496 0000", call_times="Mornings"
    )
    help_request_pick_up(help_request=help_request, organisation=organisation, by=org_admin)
    url = f"/support/requests/{help_request.pk}/"
    assert "0191 496 0000" in client_for(org_admin).get(url).content.decode()
    assert "0191 496 0000" not in client_for(teammate).get(url).content.decode()
    assert "0191 496 0000" not in client_for(employer_profile.user).get(url).content.decode()
