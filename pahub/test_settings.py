"""Settings for the test suite: production settings with fast, in-process services."""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-" + "k3y-for-the-test-suite-only-never-used-in-production" * 2
)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from pahub.settings import *  # noqa: F403
from pahub.settings import VAR_DIR

# Argon2 is deliberately slow; tests hash thousands of passwords.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-private-media"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: threads in concurrency tests each open their own connection, and
    # SQLite's shared-cache memory databases fail at once on a lock instead of waiting for it.
    # One file per test run, so two runs at once never share (or delete) each other's.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / f"test-pahub-{os.getpid()}.sqlite3")
    }
