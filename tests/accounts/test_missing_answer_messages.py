"""Given someone who sends a sign-in, sign-up or password form with an answer missing, then
the message beside the box says which answer (Enter your email address), never Django's
generic "This field is required."."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.urls import reverse

GENERIC = "This field is required."


def errors_on(response) -> list[str]:
    html = response.content.decode()
    assert response.status_code == 200
    return re.findall(r'<a href="#[^"]*">([^<]+)</a>', html.split("govuk-error-summary__list")[1])


@pytest.mark.django_db
def test_sign_in_says_what_is_missing(client):
    response = client.post(reverse("account_login"), {})

    assert errors_on(response) == ["Enter your email address", "Enter your password"]
    assert GENERIC not in response.content.decode()


@pytest.mark.django_db
def test_sign_up_says_what_is_missing(client):
    response = client.post(reverse("account_signup"), {})

    found = errors_on(response)
    assert "Enter your email address" in found
    assert "Create a password" in found
    assert GENERIC not in response.content.decode()


@pytest.mark.django_db
def test_password_reset_says_what_is_missing(client):
    response = client.post(reverse("account_reset_password"), {})

    assert errors_on(response) == ["Enter your email address"]


def test_new_password_from_the_reset_link_says_what_is_missing(client, pa):
    key = default_token_generator.make_token(pa)
    uid = user_pk_to_url_str(pa)
    link = reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": key})
    # allauth moves the key into the session and sends the browser to a keyless address.
    form_page = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(form_page, {})

    assert errors_on(response) == ["Enter a new password", "Type the new password again"]


def test_password_change_says_what_is_missing(client_for, pa):
    response = client_for(pa).post(reverse("account_change_password"), {})

    assert errors_on(response) == [
        "Enter your current password",
        "Enter a new password",
        "Type the new password again",
    ]
