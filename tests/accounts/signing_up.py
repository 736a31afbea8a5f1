"""Filling in allauth's sign-up form, shared by the sign-up and invitation tests."""

import re

NEW_PASSWORD = "a quiet walk by the Tyne"


def signup_form(**changes) -> dict:
    """Priya's sign-up; pass a field as None to leave it out."""
    form = {
        "full_name": "Priya Shah",
        "email": "priya@example.org",
        "postcode": "ne1 4st",
        "roles": ["pa", "representative"],
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def confirmation_link(message) -> str:
    """The path of the confirm-email link in a verification email."""
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)
