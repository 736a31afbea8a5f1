"""Checks the forum's posting service makes before it saves a post.

- `posting_rate_problem`: too many posts too fast. Counted from the posts themselves, so the
  limits hold across servers and on both databases, and need no cache.
- `hold_reason`: a post that may be abusive, may share personal details, or carries a link from
  a new account is saved as held and waits for a moderator (the queue at /community/moderation/).

The word list is pahub/community/content/held_words.txt, kept as a plain file so anyone can
review it; its comments explain how it is read.
"""

import math
import re
import unicodedata
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from pahub.accounts.models import User
from pahub.community.models import Post

HELD_WORDS_FILE = Path(__file__).resolve().parent.parent / "content" / "held_words.txt"

HELD_FOR_WORDS = "It uses words that are often used to abuse or threaten people"
HELD_FOR_PHONE = "It may share a phone number"
HELD_FOR_EMAIL = "It may share an email address"
HELD_FOR_LINK = "It has a link, and links from new accounts are checked first"

# A UK phone number: 0 or +44 then 9 or 10 more digits, with spaces, dots or dashes between
# groups and brackets round the area code ("0191 123 4567", "(0191) 1234567", "+44 7700 900123").
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?|\(?0)\d{2,4}\)?(?:[\s.-]?\d){6,8}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[\w-]+\.(?:com|co\.uk|org\.uk|org|net|uk|io|info|biz|xyz|ly|me|app|site|online|shop)\b",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """What the word list is matched against: NFKC (so "ｉｄｉｏｔ" and "𝐢𝐝𝐢𝐨𝐭" read as
    "idiot"), invisible formatting characters removed, then case-folded."""
    folded = unicodedata.normalize("NFKC", text)
    visible = "".join(char for char in folded if unicodedata.category(char) != "Cf")
    return visible.casefold()


def read_word_list(text: str) -> list[str]:
    """The words and phrases in a held-words file: one a line, comments and blanks ignored."""
    entries = []
    for line in text.splitlines():
        entry = normalise(line.strip())
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return entries


def words_pattern(entries: list[str]) -> re.Pattern[str] | None:
    """One pattern matching any entry as whole words, with any spaces between a phrase's
    words. Longest first, so a phrase wins over a word it starts with."""
    if not entries:
        return None
    phrases = sorted({r"\s+".join(map(re.escape, entry.split())) for entry in entries}, key=len)
    return re.compile(r"(?<!\w)(?:" + "|".join(reversed(phrases)) + r")(?!\w)")


@cache
def held_words() -> re.Pattern[str] | None:
    return words_pattern(read_word_list(HELD_WORDS_FILE.read_text(encoding="utf-8")))


def has_held_words(text: str, pattern: re.Pattern[str] | None = None) -> bool:
    pattern = pattern if pattern is not None else held_words()
    return pattern is not None and pattern.search(normalise(text)) is not None


def is_new_account(author: User, now: datetime) -> bool:
    return author.date_joined > now - timedelta(days=settings.COMMUNITY_NEW_ACCOUNT_DAYS)


def hold_reason(*, author: User, text: str) -> str:
    """ "" to publish the post now; otherwise why it waits for a moderator, in words the
    author and the moderators read."""
    if has_held_words(text):
        return HELD_FOR_WORDS
    normalised = unicodedata.normalize("NFKC", text)
    if EMAIL.search(normalised):
        return HELD_FOR_EMAIL
    if PHONE.search(normalised):
        return HELD_FOR_PHONE
    if LINK.search(normalised) and is_new_account(author, timezone.now()):
        return HELD_FOR_LINK
    return ""


def posting_limits(author: User, now: datetime) -> list[tuple[int, int]]:
    """(posts allowed, in minutes) pairs that apply to this person now."""
    kind = "new" if is_new_account(author, now) else "established"
    return [
        (int(count), int(minutes)) for count, minutes in settings.COMMUNITY_POSTING_LIMITS[kind]
    ]


def wait_text(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} minute{'' if minutes == 1 else 's'}"
    hours = math.ceil(minutes / 60)
    return f"{hours} hour{'' if hours == 1 else 's'}"


def posting_rate_problem(*, author: User, now: datetime) -> str | None:
    """None if the person may post now; otherwise what to tell them, with how long to wait.

    Every post they wrote counts, held and hidden ones too, so a flood of held posts cannot get
    round the limit. One query for all the windows."""
    limits = posting_limits(author, now)
    if not limits:
        return None
    windows = {
        f"window_{minutes}": Count("pk", filter=Q(created_at__gt=now - timedelta(minutes=minutes)))
        for _, minutes in limits
    }
    longest = max(minutes for _, minutes in limits)
    since = Post.objects.filter(author=author, created_at__gt=now - timedelta(minutes=longest))
    counts = since.aggregate(**windows)
    waits = []
    for allowed, minutes in limits:
        if counts[f"window_{minutes}"] < allowed:
            continue
        # The wait ends when enough of the window's posts age out of it.
        window_start = now - timedelta(minutes=minutes)
        ages = since.filter(created_at__gt=window_start).order_by("-created_at")
        oldest_counted = ages.values_list("created_at", flat=True)[allowed - 1]
        free_at = oldest_counted + timedelta(minutes=minutes)
        waits.append((math.ceil((free_at - now).total_seconds() / 60), allowed, minutes))
    if not waits:
        return None
    wait, allowed, minutes = max(waits)
    return (
        f"You can post again in {wait_text(max(wait, 1))}. To keep the community safe from "
        f"spam, you can post up to {allowed} times in {wait_text(minutes)}"
        + (" while your account is new." if is_new_account(author, now) else ".")
    )


__all__ = ["hold_reason", "posting_rate_problem"]
