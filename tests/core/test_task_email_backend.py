"""Messages survive the trip through the task queue: serialised as plain JSON and delivered
with the delivery backend, HTML alternative and headers included."""

import json

from django.core import mail
from django.core.mail import EmailMultiAlternatives

from pahub import settings as production_settings
from pahub.core.mail import OutboxBackend, deliver_email, serialise_email


def invitation_email() -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject="[PA Hub] Join Newcastle Independent Living",
        body="Accept the invitation here.",
        from_email="PA Hub <no-reply@pahub.example.org>",
        to=["new.staff@example.org"],
        cc=["team@support.example.org"],
        reply_to=["org.admin@example.org"],
        headers={"X-PA-Hub": "invitation"},
    )
    message.attach_alternative("<p>Accept the invitation <a href='#'>here</a>.</p>", "text/html")
    return message


def test_outbox_delivers_through_the_delivery_backend(db, settings):
    settings.MAILERS = {"delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    sent = OutboxBackend().send_messages([invitation_email()])

    assert sent == 1
    assert len(mail.outbox) == 1
    delivered = mail.outbox[0]
    assert delivered.subject == "[PA Hub] Join Newcastle Independent Living"
    assert delivered.to == ["new.staff@example.org"]
    assert delivered.cc == ["team@support.example.org"]
    assert delivered.reply_to == ["org.admin@example.org"]
    assert delivered.extra_headers["X-PA-Hub"] == "invitation"


def test_html_alternative_survives_the_trip_through_the_queue(db, settings):
    settings.MAILERS = {"delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

    OutboxBackend().send_messages([invitation_email()])

    [delivered] = mail.outbox
    assert [(content, mimetype) for content, mimetype in delivered.alternatives] == [
        ("<p>Accept the invitation <a href='#'>here</a>.</p>", "text/html")
    ]


def test_serialised_message_is_plain_json_and_delivers_the_same_message(settings):
    settings.MAILERS = {"delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    serialised = serialise_email(invitation_email())

    round_tripped = json.loads(json.dumps(serialised))
    deliver_email.call(round_tripped)

    assert round_tripped == serialised
    [delivered] = mail.outbox
    assert delivered.body == "Accept the invitation here."
    assert delivered.from_email == "PA Hub <no-reply@pahub.example.org>"
    assert len(delivered.alternatives) == 1


def test_production_sends_mail_through_the_outbox():
    assert production_settings.MAILERS["default"]["BACKEND"] == "pahub.core.mail.OutboxBackend"
