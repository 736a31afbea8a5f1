"""List pages cost the same number of queries however many rows they show."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pahub.accounts.models import Representation, Role
from pahub.accounts.services import api_key_create, staff_invitation_create
from tests.factories import OrganisationFactory, UserFactory, grant_representation, make_staff


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_team(organisation, org_admin, *, size: int) -> None:
    for n in range(size):
        make_staff(organisation=organisation, two_factor=False)
        api_key_create(organisation=organisation, name="Export", by=org_admin)
        staff_invitation_create(
            organisation=organisation,
            email=f"invitee.{organisation.memberships.count()}.{n}@example.org",
            role="member",
            by=org_admin,
        )


def test_organisation_page_does_not_grow_with_the_team(
    client_for, org_admin, organisation, django_assert_max_num_queries
):
    client = client_for(org_admin)
    url = reverse("staff:organisation", args=[organisation.pk])
    add_team(organisation, org_admin, size=2)
    with_a_small_team = queries_for(client, url)
    add_team(organisation, org_admin, size=20)

    with django_assert_max_num_queries(with_a_small_team):
        client.get(url)


def test_staff_home_does_not_grow_with_the_organisations_a_site_admin_sees(
    client_for, admin, organisation, django_assert_max_num_queries
):
    client = client_for(admin)
    url = reverse("staff:home")
    with_one = queries_for(client, url)
    for _ in range(15):
        OrganisationFactory(areas=["Newcastle upon Tyne", "County Durham"])

    with django_assert_max_num_queries(with_one):
        client.get(url)


def test_account_home_does_not_grow_with_representatives(
    client_for, employer, representative, django_assert_max_num_queries
):
    client = client_for(employer)
    url = reverse("accounts:home")
    with_one = queries_for(client, url)
    for _ in range(10):
        grant_representation(employer=employer, representative=UserFactory())
        Representation.objects.create(
            employer=employer, representative=UserFactory(), relationship="neighbour"
        )

    with django_assert_max_num_queries(with_one):
        client.get(url)


def test_account_home_does_not_grow_with_the_employers_a_representative_acts_for(
    client_for, representative, django_assert_max_num_queries
):
    client = client_for(representative)
    url = reverse("accounts:home")
    with_one = queries_for(client, url)
    for _ in range(10):
        grant_representation(
            employer=UserFactory(roles=[Role.EMPLOYER]), representative=representative
        )

    with django_assert_max_num_queries(with_one):
        client.get(url)
