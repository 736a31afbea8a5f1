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
