"""/admin/: site admins sign in through allauth, so lockout and two-factor apply there too."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory


def test_anonymous_visitor_is_sent_to_allauths_sign_in_not_djangos(client, db):
    response = client.get("/admin/", follow=True)

    final_url, status = response.redirect_chain[-1]
    assert status == 302
    assert final_url == f"{reverse('account_login')}?next=/admin/"
    assert response.status_code == 200
    assert 'name="login"' in response.content.decode()


def test_djangos_admin_login_page_sends_people_to_allauth(client, db):
    response = client.get("/admin/login/", {"next": "/admin/accounts/user/"})

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/admin/accounts/user/"


def test_site_admin_with_two_factor_reaches_the_admin(client_for, admin):
    response = client_for(admin).get("/admin/")

    assert response.status_code == 200
    assert "PA Hub administration" in response.content.decode()


def test_site_admin_without_two_factor_is_sent_to_set_it_up(client_for, db):
    fresh_admin = UserFactory(is_staff=True, is_superuser=True)

    response = client_for(fresh_admin).get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("person", ["pa", "verifier"])
def test_signed_in_person_without_admin_rights_is_refused_not_looped(client_for, request, person):
    client = client_for(request.getfixturevalue(person))

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
