"""Production hashes passwords with Argon2; the test suite swaps in MD5 only for speed."""

import argon2
from django.contrib.auth.hashers import Argon2PasswordHasher

from pahub import settings as production_settings


def test_production_hashes_new_passwords_with_argon2():
    assert production_settings.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


def test_argon2_library_is_installed_so_the_hasher_can_run():
    hashed = Argon2PasswordHasher().encode("correct horse battery staple", "somesaltvalue")

    assert argon2.__name__ == "argon2"
    assert hashed.startswith("argon2$")
