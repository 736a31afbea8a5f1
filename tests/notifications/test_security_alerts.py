"""Security alerts: a change to how someone signs in is emailed (allauth's own email) and shown
in the notification centre; it is a kind safety requires, so nobody can turn it off."""

import pytest
from django.urls import reverse

from pahub.notifications.models import Notice
from pahub.notifications.registry import registry
from pahub.notifications.security import SECURITY_EVENTS, security_alert_notice

PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def pa_with_password(pa):
    pa.set_password(PASSWORD)
    pa.save(update_fields=["password"])
    return pa


def test_changing_your_password_emails_you_and_puts_an_alert_in_your_centre(
    client_for, pa_with_password, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(pa_with_password)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_change_password"),
            {
                "oldpassword": PASSWORD,
                "password1": "another long passphrase 77",
                "password2": "another long passphrase 77",
            },
        )
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [[pa_with_password.email]]
    assert "password" in mailoutbox[0].subject.lower()
    notice = Notice.objects.get(recipient=pa_with_password)
    assert notice.kind == "accounts.security_alert"
    assert notice.title == "Your password was changed"
    assert notice.url == reverse("account_change_password")
    centre = client.get(reverse("notifications:centre")).content.decode()
    assert "Your password was changed" in centre


def test_security_alerts_are_required_and_say_why(client_for, pa):
    kind = registry.get("accounts.security_alert")
    assert kind.required
    assert kind.reason
    page = client_for(pa).get(reverse("notifications:preferences")).content.decode()
    assert f'id="required-{kind.field_name}"' in page
    assert "you need to know at once" in page


def test_an_alert_still_reaches_the_centre_after_someone_tried_to_turn_it_off(client_for, pa):
    response = client_for(pa).put(
        "/api/v1/notifications/preferences",
        {"choices": {"accounts.security_alert": "off"}},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["field"] == "accounts.security_alert"
    security_alert_notice(pa, "mfa/email/totp_deactivated")
    assert Notice.objects.get(recipient=pa).title == "Two-factor sign-in was turned off"


@pytest.mark.parametrize("template_prefix", sorted(SECURITY_EVENTS))
def test_every_security_email_allauth_sends_has_words_and_a_working_link(pa, template_prefix):
    security_alert_notice(pa, template_prefix)
    notice = Notice.objects.get(recipient=pa)
    assert notice.title and notice.url.startswith("/accounts/")
