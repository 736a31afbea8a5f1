"""Signed unsubscribe tokens: one per person and kind (or the daily digest), in every email.

The token is all a signed-out person needs to turn one kind of email off, so it is signed with
the site's secret and a salt of its own (it cannot be swapped for any other signed value), and
says only who and what. It does not expire: an old email's link still works, as RFC 8058 and
mail providers expect.
"""

from dataclasses import dataclass

from django.core import signing

SALT = "pahub.notifications.unsubscribe"
# The scope of the daily digest's own link: every kind the person gets by digest.
DIGEST_SCOPE = "notifications.digest"


class BadToken(ValueError):
    pass


@dataclass(frozen=True)
class Unsubscribe:
    user_id: int
    scope: str  # a kind's key, or DIGEST_SCOPE


def make_token(user_id: int, scope: str) -> str:
    return signing.dumps({"u": user_id, "k": scope}, salt=SALT, compress=True)


def read_token(token: str) -> Unsubscribe:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise BadToken("This unsubscribe link is not valid.") from error
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise BadToken("This unsubscribe link is not valid.")
    scope = data.get("k")
    if not isinstance(scope, str):
        raise BadToken("This unsubscribe link is not valid.")
    return Unsubscribe(user_id=data["u"], scope=scope)
