"""Creating an account through allauth: roles, a placed postcode, a verified email."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from pahub.accounts.models import Role, User
from pahub.core.models import AuditEvent
from tests.accounts.signing_up import NEW_PASSWORD, confirmation_link, signup_form


def sign_in(client, email: str = "priya@example.org", password: str = NEW_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_signup_page_is_shown_to_an_anonymous_visitor(client, db):
    response = client.get(reverse("account_signup"))

    assert response.status_code == 200
    content = response.content.decode()
    for field in ("full_name", "email", "postcode", "roles", "password1", "password2"):
        assert f'name="{field}"' in content


def test_valid_signup_creates_the_person_with_their_roles_and_placed_postcode(client, db):
    response = client.post(reverse("account_signup"), signup_form())

    assert response.status_code == 302
    user = User.objects.get(email="priya@example.org")
    assert user.full_name == "Priya Shah"
    assert user.role_set == {Role.PA, Role.REPRESENTATIVE}
    assert user.postcode == "NE1 4ST"
    assert user.district_id == "NE1"
    assert user.local_authority.name == "Newcastle upon Tyne"


def test_staff_choice_grants_no_role(client, db):
    client.post(reverse("account_signup"), signup_form(roles=["staff"]))

    user = User.objects.get(email="priya@example.org")
    assert user.role_set == frozenset()
    assert not user.memberships.exists()


def test_email_is_stored_in_lower_case(client, db):
    client.post(reverse("account_signup"), signup_form(email="Priya@Example.ORG"))

    assert User.objects.filter(email="priya@example.org").exists()


def test_signup_is_audited_with_the_roles_granted(client, db):
    client.post(reverse("account_signup"), signup_form())

    user = User.objects.get(email="priya@example.org")
    assert AuditEvent.objects.filter(action="account.created", actor=user).count() == 1
    granted = AuditEvent.objects.filter(action="role.granted", target_id=str(user.pk))
    assert sorted(event.detail["role"] for event in granted) == ["pa", "representative"]


def test_signup_sends_a_link_to_confirm_the_email_address(client, db):
    client.post(reverse("account_signup"), signup_form())

    [message] = mail.outbox
    assert message.to == ["priya@example.org"]
    assert message.subject.startswith("[PA Hub] ")
    assert confirmation_link(message).startswith("/accounts/confirm-email/")


def test_new_person_cannot_sign_in_before_confirming_their_email(client, db):
    client.post(reverse("account_signup"), signup_form())

    response = sign_in(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_following_the_emailed_link_then_signing_in_works(client, db):
    client.post(reverse("account_signup"), signup_form())
    link = confirmation_link(mail.outbox[0])

    # The link shows a page with a button: a mail scanner following the link confirms nothing.
    assert client.get(link).status_code == 200
    assert not User.objects.get(email="priya@example.org").emailaddress_set.get().verified
    client.post(link)
    response = sign_in(client)

    assert User.objects.get(email="priya@example.org").emailaddress_set.get().verified
    assert response.status_code == 302
    assert response.url == reverse("accounts:home")
    assert client.session["_auth_user_id"] == str(User.objects.get(email="priya@example.org").pk)


def assert_error_beside_field(content: str, field: str, message: str) -> None:
    """The message is in the summary at the top and in the field's own error message."""
    assert "govuk-error-summary" in content
    summary = content.split('govuk-error-summary__list">')[1].split("</ul>")[0]
    assert message in summary
    field_error = re.search(
        rf'<p id="id_{field}-error" class="govuk-error-message">(.*?)</p>', content, re.S
    )
    assert field_error, f"no govuk-error-message for {field}"
    assert message in field_error.group(1)


def assert_kept_what_was_typed(content: str, form: dict) -> None:
    for field in ("full_name", "email", "postcode"):
        if form.get(field):
            assert f'value="{form[field]}"' in content, f"{field} was not kept"


BAD_SIGNUPS = [
    pytest.param({"roles": None}, "roles", "Select what you want to do on PA Hub", id="no-roles"),
    pytest.param(
        {"postcode": "NE1"},
        "postcode",
        "Enter a full UK postcode, like NE1 4ST",
        id="half-postcode",
    ),
    pytest.param(
        {"postcode": "not a postcode"},
        "postcode",
        "Enter a full UK postcode, like NE1 4ST",
        id="invalid-postcode",
    ),
    # ZZ9 9ZZ is not even well formed: no district's second letter is Z.
    pytest.param(
        {"postcode": "ZZ9 9ZZ"},
        "postcode",
        "Enter a full UK postcode, like NE1 4ST",
        id="second-letter-z",
    ),
    # XY1 1AA is well formed, but there is no XY1 district.
    pytest.param(
        {"postcode": "XY1 1AA"},
        "postcode",
        "We do not recognise the postcode district XY1",
        id="unknown-district",
    ),
    pytest.param({"postcode": ""}, "postcode", "Enter your home postcode", id="no-postcode"),
    pytest.param({"full_name": ""}, "full_name", "Enter your full name", id="no-name"),
    pytest.param(
        {"password2": "a quiet walk by the Wear"},
        "password2",
        "You must type the same password each time.",
        id="passwords-differ",
    ),
    pytest.param(
        {"password1": "short1", "password2": "short1"},
        "password1",
        "This password is too short. It must contain at least 10 characters.",
        id="short-password",
    ),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_SIGNUPS)
def test_bad_signup_shows_the_message_beside_the_field_and_saves_nothing(
    client, db, changes, field, message
):
    form = signup_form(**changes)

    response = client.post(reverse("account_signup"), form)

    assert response.status_code == 200
    content = response.content.decode()
    assert_error_beside_field(content, field, message)
    assert not User.objects.filter(email="priya@example.org").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(("changes", "field", "message"), BAD_SIGNUPS)
def test_bad_signup_keeps_what_was_typed(client, db, changes, field, message):
    form = signup_form(**changes)

    response = client.post(reverse("account_signup"), form)

    assert_kept_what_was_typed(response.content.decode(), form)


def test_signup_keeps_the_roles_that_were_ticked(client, db):
    response = client.post(reverse("account_signup"), signup_form(postcode="XY1 1AA"))

    content = response.content.decode()
    assert re.search(r'value="pa"\s+checked', content)
    assert re.search(r'value="representative"\s+checked', content)
    assert not re.search(r'value="employer"\s+checked', content)


def test_signup_with_a_taken_email_reveals_nothing_and_creates_no_account(client, employer):
    """PREVENT_ENUMERATION: the page must not say the address is taken; the owner is emailed."""
    response = client.post(
        reverse("account_signup"), signup_form(email="employer@example.org", full_name="Imposter")
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email="employer@example.org").count() == 1
    assert User.objects.get(email="employer@example.org").full_name == "Amira Khan"
    [message] = mail.outbox
    assert message.to == ["employer@example.org"]
    assert "already" in message.body.lower()
