"""Signing in: the right password works; guessing is locked out per account."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from pahub.core.models import AuditEvent
from tests.factories import PASSWORD, TOTP_SECRET, UserFactory

TOO_MANY = "You have tried to sign in too many times."


def sign_in(client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_page_is_shown_to_an_anonymous_visitor(client, db):
    response = client.get(reverse("account_login"))

    assert response.status_code == 200
    assert 'name="login"' in response.content.decode()


def test_right_password_signs_the_pa_in_and_is_audited(client, pa):
    response = sign_in(client, "pa@example.org", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("accounts:home")
    assert client.session["_auth_user_id"] == str(pa.pk)
    assert AuditEvent.objects.filter(action="auth.login", actor=pa).exists()


def test_sign_in_never_sends_people_on_to_another_site(client, pa):
    response = client.post(
        f"{reverse('account_login')}?next=https://evil.example.net/",
        {"login": "pa@example.org", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == reverse("accounts:home")


def test_sign_in_returns_people_to_the_page_they_asked_for(client, pa):
    response = client.post(
        f"{reverse('account_login')}?next={reverse('accounts:details')}",
        {"login": "pa@example.org", "password": PASSWORD},
    )

    assert response.url == reverse("accounts:details")


def test_email_is_matched_whatever_its_case(client, pa):
    sign_in(client, "PA@Example.org", PASSWORD)

    assert client.session["_auth_user_id"] == str(pa.pk)


def test_wrong_password_is_refused_and_audited_without_the_password(client, pa):
    response = sign_in(client, "pa@example.org", "not the password")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "govuk-error-summary" in response.content.decode()
    assert "The email address or password is not right." in response.content.decode()
    failed = AuditEvent.objects.get(action="auth.login_failed")
    assert failed.detail == {"email": "pa@example.org"}
    assert "not the password" not in str(failed.detail)


def test_five_failed_logins_lock_the_account_even_against_the_right_password(client, pa):
    for _ in range(5):
        assert TOO_MANY not in sign_in(client, "pa@example.org", "a wrong guess").content.decode()

    response = sign_in(client, "pa@example.org", PASSWORD)

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account_so_another_person_can_still_sign_in(client, pa, other_pa):
    for _ in range(5):
        sign_in(client, "pa@example.org", "a wrong guess")

    sign_in(client, "other.pa@example.org", PASSWORD)

    assert client.session["_auth_user_id"] == str(other_pa.pk)


def test_lockout_counts_the_same_email_typed_in_another_case(client, pa):
    for attempt in range(5):
        email = "PA@example.org" if attempt % 2 else "pa@example.org"
        sign_in(client, email, "a wrong guess")

    response = sign_in(client, "Pa@Example.Org", PASSWORD)

    assert TOO_MANY in response.content.decode()


def test_ten_failed_logins_from_one_address_are_limited_whatever_the_accounts(client, db):
    people = [UserFactory(email=f"guess{n}@example.org") for n in range(11)]
    for person in people[:10]:
        sign_in(client, person.email, "a wrong guess")

    response = sign_in(client, people[10].email, PASSWORD)

    assert response.status_code == 429 or TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("page", ["account_login", "account_signup"])
def test_signed_in_pa_visiting_sign_in_pages_is_sent_to_their_account(client_for, pa, page):
    response = client_for(pa).get(reverse(page))

    assert response.status_code == 302


def current_totp_code() -> str:
    counter = int(time.time()) // 30
    return format_hotp_value(hotp_value(TOTP_SECRET, counter))


def test_staff_password_alone_does_not_sign_in_a_code_is_asked_for(client, verifier):
    response = sign_in(client, "verifier@example.org", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_staff_sign_in_with_password_and_authenticator_code(client, verifier):
    sign_in(client, "verifier@example.org", PASSWORD)

    response = client.post(reverse("mfa_authenticate"), {"code": current_totp_code()})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(verifier.pk)
    assert client.get(reverse("staff:home")).status_code == 200


def test_wrong_authenticator_code_keeps_staff_signed_out(client, verifier):
    sign_in(client, "verifier@example.org", PASSWORD)

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
