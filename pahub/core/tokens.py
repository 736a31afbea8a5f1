"""Secrets sent to people (API keys, one-time links) are stored only as this digest."""

import hashlib


def secret_digest(raw: str) -> str:
    """SHA-256 is enough here: the secrets are long and random, so no slow hash is needed."""
    return hashlib.sha256(raw.encode()).hexdigest()
