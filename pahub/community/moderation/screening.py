"""Checks made on every post before it is saved (docs/community.md, "Moderation").

The forum's services call these two functions and nothing else of moderation. This first
version limits nothing and holds nothing; the moderation part replaces it with the rate
limit for new accounts and the word list.
"""

from datetime import datetime

from pahub.accounts.models import User


def posting_rate_problem(*, author: User, now: datetime) -> str | None:
    """A message for the person when they post too fast for a new account, else None."""
    return None


def hold_reason(*, author: User, text: str) -> str:
    """Why a post waits for a moderator before anyone else sees it; "" to publish it."""
    return ""
