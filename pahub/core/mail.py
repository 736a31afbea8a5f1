"""Email goes out through the task queue, so a slow mail server never slows a page."""

from collections.abc import Sequence

from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import task


class TaskEmailBackend(BaseEmailBackend):
    """Queue each message; the task worker delivers it through the "delivery" mailer."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            deliver_email.enqueue(serialise_email(message))
        return len(email_messages)


def serialise_email(message: EmailMessage) -> dict:
    alternatives = [
        [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
    ]
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "alternatives": alternatives,
        "headers": {key: str(value) for key, value in message.extra_headers.items()},
    }


@task()
def deliver_email(message: dict) -> int:
    from django.core.mail import EmailMultiAlternatives

    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    return mailers["delivery"].send_messages([email])
