"""/employer/: whom the signed-in person may act for, each link carrying the employer's id."""

import pytest
from django.urls import reverse

from pahub.employers.services import employers_to_act_for
from tests.factories import UserFactory, grant_representation, make_employer_profile

HOME = reverse("employer:home")


def test_visitors_are_sent_to_sign_in(client, db):
    response = client.get(HOME)

    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "unlinked_representative"])
def test_people_who_act_for_no_employer_are_refused(client_for, request, person):
    assert client_for(request.getfixturevalue(person)).get(HOME).status_code == 403


def test_an_employer_acting_only_for_themself_goes_straight_to_their_jobs(client_for, employer):
    assert client_for(employer).get(HOME).url == reverse("employer:jobs", args=[employer.pk])


def test_a_representative_chooses_among_the_employers_who_granted_them(
    client_for, representative, employer_profile
):
    second = UserFactory(full_name="Bob Khan", roles=["employer"], postcode="NE2 1AA")
    make_employer_profile(second, display_name="Grandad Bob")
    grant_representation(employer=second, representative=representative)
    UserFactory(full_name="Not Mine", roles=["employer"])

    content = client_for(representative).get(HOME).content.decode()

    assert (
        f'href="{reverse("employer:jobs", args=[employer_profile.user.pk])}">Amira Khan' in content
    )
    assert f'href="{reverse("employer:jobs", args=[second.pk])}">Bob Khan' in content
    assert "PAs see “Grandad Bob”" in content
    assert "Not Mine" not in content
    assert content.count("Their representative") == 2


def test_staff_see_employers_who_consented_and_where_to_record_more(
    client_for, helping_staff, employer_profile, organisation
):
    content = client_for(helping_staff).get(HOME).content.decode()

    assert "Amira Khan" in content
    assert f"Staff of {organisation.name}" in content
    assert reverse("staff_employers:search") in content


def test_staff_with_no_consents_are_pointed_to_the_staff_page(client_for, verifier):
    content = client_for(verifier).get(HOME).content.decode()

    assert "You are not acting for any employer yet." in content
    assert reverse("staff_employers:search") in content


def test_a_consent_for_an_organisation_outside_the_employers_area_counts_for_nothing(
    staff_elsewhere, employer_profile
):
    assert employers_to_act_for(staff_elsewhere) == []


def test_the_list_takes_the_same_queries_however_many_employers(
    representative, employer_profile, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10) as few:
        employers_to_act_for(representative)
    for _ in range(5):
        other = UserFactory(roles=["employer"], postcode="NE2 1AA")
        make_employer_profile(other)
        grant_representation(employer=other, representative=representative)

    with django_assert_max_num_queries(len(few.captured_queries)):
        rows = employers_to_act_for(representative)

    assert len(rows) == 6


def test_the_jobs_link_shows_in_the_navigation_for_employers_and_representatives(
    client_for, employer, representative, pa
):
    for person in (employer, representative):
        assert f'href="{HOME}"' in client_for(person).get(reverse("accounts:home")).content.decode()
    assert f'href="{HOME}"' not in client_for(pa).get(reverse("accounts:home")).content.decode()
