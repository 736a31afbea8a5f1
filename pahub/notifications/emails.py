"""Every email this service sends: the sender's words, plus a one-click unsubscribe.

Each message carries `List-Unsubscribe` (a signed link for this person and kind) and
`List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), and the same link in its text,
so anyone can stop an email from the email itself, signed out. Messages are ordinary
`EmailMultiAlternatives` handed to Django's mailer, so the project's email backend (queueing,
delivery, retries) treats them like any other.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.urls import reverse

from pahub.notifications.registry import Kind
from pahub.notifications.unsubscribe import make_token


@dataclass(frozen=True)
class EmailContent:
    """What the sending app says: subject, plain text and, optionally, HTML."""

    subject: str
    text: str
    html: str | None = None

    @classmethod
    def of(cls, value: "EmailContent | Sequence[str | None]") -> "EmailContent":
        if isinstance(value, EmailContent):
            return value
        return cls(*value)


def unsubscribe_url(user_id: int, scope: str) -> str:
    token = make_token(user_id, scope)
    return settings.SITE_URL + reverse("notifications:unsubscribe", kwargs={"token": token})


def preferences_url() -> str:
    return settings.SITE_URL + reverse("notifications:preferences")


def footer(kind: Kind | None, link: str) -> str:
    """The visible way out; a required kind says why it is always sent."""
    if kind is not None and kind.required:
        return (
            f"We always email you about this: {kind.reason}\n"
            f"Why you cannot unsubscribe from it: {link}\n"
            f"Choose what else PA Hub emails you about: {preferences_url()}\n"
        )
    return (
        f"To stop these emails, unsubscribe: {link}\n"
        f"Choose what PA Hub emails you about: {preferences_url()}\n"
    )


def build(
    *,
    to: str,
    user_id: int,
    scope: str,
    kind: Kind | None,
    content: EmailContent,
    unsubscribe_link: str | None = None,
) -> EmailMultiAlternatives:
    """`unsubscribe_link` is for an app whose emails have a finer one-click unsubscribe of its
    own (saved searches: every search's alerts off); otherwise this service's signed link."""
    link = unsubscribe_link or unsubscribe_url(user_id, scope)
    body = content.text.rstrip("\n") + "\n\n" + footer(kind, link)
    message = EmailMultiAlternatives(
        subject=content.subject,
        body=body,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    if content.html:
        unsubscribe_html = f'<p><a href="{link}">Unsubscribe from these emails</a></p>'
        message.attach_alternative(content.html + unsubscribe_html, "text/html")
    return message


def send(messages: list[EmailMultiAlternatives]) -> int:
    """Hand a batch to the default mailer in one call."""
    if not messages:
        return 0
    return mailers.default.send_messages(messages) or 0
