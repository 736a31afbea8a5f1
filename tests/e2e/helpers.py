"""Small steps the browser journeys share."""

import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

LINK = re.compile(r"https?://[^\s]+")


def last_link_sent_to(email: str, containing: str) -> str:
    """The link in the newest email to `email` whose address contains `containing`."""
    for message in reversed(mail.outbox):
        if email in message.to:
            for link in LINK.findall(message.body):
                if containing in link:
                    return link
    sent = [(m.to, m.subject) for m in mail.outbox]
    raise AssertionError(f"No email to {email} with a link containing {containing!r}: {sent}")


def path_of(link: str) -> str:
    """Emails carry SITE_URL; the journey follows the path on the live server."""
    return re.sub(r"^https?://[^/]+", "", link)


def totp_code(secret: str) -> str:
    """The current code, never one about to expire: a code typed in the last seconds of its
    30-second window may reach the server in the next one."""
    if 30 - time.time() % 30 < 3:
        time.sleep(3)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, *, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label(re.compile("^Email", re.I)).fill(email)
    page.get_by_label(re.compile("^Password", re.I)).fill(password)
    page.get_by_role("button", name=re.compile("^Sign in", re.I)).click()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").first.click()
