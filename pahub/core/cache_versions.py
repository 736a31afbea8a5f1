"""Versions kept in the shared cache, the one way PA Hub tells every server process that
something it keeps is stale.

The cache is the one in settings (Redis with REDIS_URL, else the database's cache table),
shared by every process. Whatever is kept under a version (entries in the cache itself, or
a snapshot in one process's memory) is read again once the version has changed.
"""

import secrets

from django.core.cache import cache
from django.db import transaction


def current_version(key: str) -> str:
    """The version stored at `key`; a missing one (never set, or evicted) is started afresh,
    which only makes what it keys start from an empty cache."""
    version = cache.get(key)
    if version is None:
        version = secrets.token_hex(6)
        if not cache.add(key, version, timeout=None):
            version = cache.get(key, version)
    return version


def bump_version(key: str) -> None:
    cache.set(key, secrets.token_hex(6), timeout=None)


def bump_now_and_after_commit(key: str) -> None:
    """A new version now, and again once the transaction commits: a reader between the
    change and the commit still sees the old data and would keep it under the first new
    version. (Never only before: a reader that saw the new version reads committed data.)"""
    bump_version(key)
    transaction.on_commit(lambda: bump_version(key))
