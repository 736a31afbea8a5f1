"""One web server worker, for test_shared_cache_processes.py: a separate Python process on the
test database, doing what a worker does with the cache, and printing what it saw as JSON.

    python shared_cache_child.py DB_NAME sign-in EMAIL IP ATTEMPTS
    python shared_cache_child.py DB_NAME totp USER_ID CODE
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pahub.test_settings")

import django
from django.conf import settings

TOO_MANY = "You have tried to sign in too many times."
NOT_RIGHT = "The email address or password is not right."


def sign_in(email: str, ip: str, attempts: int) -> list[str]:
    """Wrong passwords through the real sign-in page: "checked" or "locked" for each."""
    from django.test import Client
    from django.urls import reverse

    outcomes = []
    for _ in range(attempts):
        page = (
            Client(REMOTE_ADDR=ip)
            .post(reverse("account_login"), {"login": email, "password": "a wrong guess"})
            .content.decode()
        )
        outcomes.append("locked" if TOO_MANY in page else "checked" if NOT_RIGHT in page else "?")
    return outcomes


def use_totp_code(user_id: int, code: str) -> bool:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.get(user_id=user_id, type=Authenticator.Type.TOTP)
    return TOTP(authenticator).validate_code(code)


def main(db_name: str, action: str, *args: str) -> None:
    # The test database the parent created, not the one the settings name.
    settings.DATABASES["default"]["NAME"] = db_name
    django.setup()
    if action == "sign-in":
        result = sign_in(args[0], args[1], int(args[2]))
    else:
        result = use_totp_code(int(args[0]), args[1])
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
