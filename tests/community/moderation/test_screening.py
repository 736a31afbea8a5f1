"""The checks the posting service makes before saving: the word list, personal details, links
from new accounts, and the posting rate limits."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.community.models import Post
from pahub.community.moderation import screening
from pahub.community.moderation.screening import (
    HELD_FOR_EMAIL,
    HELD_FOR_LINK,
    HELD_FOR_PHONE,
    HELD_FOR_WORDS,
    hold_reason,
    posting_rate_problem,
)
from tests.community.factories import PostFactory, ThreadFactory

ENTRIES = screening.read_word_list(screening.HELD_WORDS_FILE.read_text(encoding="utf-8"))
NOT_WORD = st.sampled_from([" ", ".", "!", ", ", "\n", "?", "(", ")", '"', "'s "])
CLEAN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=30)


class Author:
    """A stand-in author: screening reads only when the account was made."""

    def __init__(self, days_old: int) -> None:
        self.date_joined = timezone.now() - timedelta(days=days_old)


ESTABLISHED = Author(days_old=400)
NEW = Author(days_old=1)


def fullwidth(text: str) -> str:
    return "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in text)


def maths_bold(text: str) -> str:
    return "".join(chr(0x1D41A + ord(char) - 97) if "a" <= char <= "z" else char for char in text)


def test_the_word_list_has_entries_and_no_comment_is_read_as_a_word():
    assert "kill yourself" in ENTRIES
    assert "idiot" in ENTRIES
    assert not any(entry.startswith("#") for entry in ENTRIES)


@given(entry=st.sampled_from(ENTRIES), before=NOT_WORD, after=NOT_WORD, data=st.data())
def test_every_listed_word_is_held_whatever_its_capitals(entry, before, after, data):
    flips = data.draw(st.lists(st.booleans(), min_size=len(entry), max_size=len(entry)))
    shouted = "".join(c.upper() if flip else c for c, flip in zip(entry, flips, strict=True))
    text = f"Well{before}{shouted}{after}then"
    assert hold_reason(author=ESTABLISHED, text=text) == HELD_FOR_WORDS


@given(entry=st.sampled_from(ENTRIES), style=st.sampled_from([fullwidth, maths_bold]))
def test_fancy_letters_do_not_get_round_the_word_list(entry, style):
    assert hold_reason(author=ESTABLISHED, text=f"You {style(entry)}") == HELD_FOR_WORDS


@given(entry=st.sampled_from(ENTRIES))
def test_invisible_characters_inside_a_word_do_not_get_round_it(entry):
    hidden = "\u200b".join(entry)
    assert hold_reason(author=ESTABLISHED, text=hidden) == HELD_FOR_WORDS


@given(
    entry=st.sampled_from([entry for entry in ENTRIES if " " not in entry]),
    prefix=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=4),
)
def test_matching_is_whole_word_so_longer_words_are_not_held(entry, prefix):
    pattern = screening.words_pattern(ENTRIES)
    joined = f"{prefix}{entry}{prefix}"
    # Unless the longer word is itself on the list (or contains a listed phrase).
    if not pattern.search(joined):
        assert hold_reason(author=ESTABLISHED, text=f"A {joined} word") == ""


@given(text=CLEAN)
def test_text_without_listed_words_is_published(text):
    pattern = screening.words_pattern(ENTRIES)
    expected = HELD_FOR_WORDS if pattern.search(text) else ""
    assert hold_reason(author=ESTABLISHED, text=text) == expected


def test_a_phrase_matches_with_any_spaces_between_its_words():
    assert hold_reason(author=ESTABLISHED, text="Just KILL   yourself") == HELD_FOR_WORDS


def test_twattle_is_not_twat():
    assert hold_reason(author=ESTABLISHED, text="Stop your twattle") == ""


@pytest.mark.parametrize(
    "text",
    [
        "Ring me on 0191 123 4567",
        "my mobile is 07700 900123",
        "call (0191) 1234567 after six",
        "+44 7700 900123",
        "07700-900-123",
    ],
)
def test_phone_numbers_are_held_as_personal_details(text):
    assert hold_reason(author=ESTABLISHED, text=text) == HELD_FOR_PHONE


@pytest.mark.parametrize(
    "text", ["The shift is 10 to 4", "I have worked 12 years", "Postcode NE1 4ST", "£1,250.00"]
)
def test_ordinary_numbers_are_not_phone_numbers(text):
    assert hold_reason(author=ESTABLISHED, text=text) == ""


def test_email_addresses_are_held_as_personal_details():
    text = "Email me at jo.bloggs+pa@example.co.uk"
    assert hold_reason(author=ESTABLISHED, text=text) == HELD_FOR_EMAIL


@pytest.mark.parametrize(
    "text", ["see https://example.org/help", "www.example.com", "go to cheap-care.xyz now"]
)
def test_links_from_new_accounts_are_held_but_not_from_established_ones(text):
    assert hold_reason(author=NEW, text=text) == HELD_FOR_LINK
    assert hold_reason(author=ESTABLISHED, text=text) == ""


# Rate limits.


def write_posts(author, thread, ages_in_minutes, now):
    Post.objects.filter(author=author).delete()
    for age in ages_in_minutes:
        PostFactory(thread=thread, author=author, created_at=now - timedelta(minutes=age))


def allowed_by_rule(limits, ages_in_minutes) -> bool:
    """The rule, written plainly: fewer than N posts in each window."""
    return all(
        sum(1 for age in ages_in_minutes if age < minutes) < allowed for allowed, minutes in limits
    )


@pytest.mark.django_db
def test_a_new_account_may_post_three_times_in_ten_minutes(pa):
    now = timezone.now()
    pa.date_joined = now - timedelta(days=2)
    thread = ThreadFactory()
    write_posts(pa, thread, [1, 2], now)
    assert posting_rate_problem(author=pa, now=now) is None
    write_posts(pa, thread, [1, 2, 3], now)
    problem = posting_rate_problem(author=pa, now=now)
    assert problem.startswith("You can post again in 7 minutes.")
    assert "up to 3 times in 10 minutes while your account is new" in problem


@pytest.mark.django_db
def test_a_new_account_may_post_ten_times_a_day(pa):
    now = timezone.now()
    pa.date_joined = now - timedelta(days=2)
    write_posts(pa, ThreadFactory(), [60 * hour + 30 for hour in range(10)], now)
    problem = posting_rate_problem(author=pa, now=now)
    assert problem.startswith("You can post again in 15 hours.")


@pytest.mark.django_db
def test_an_established_account_may_post_thirty_times_an_hour(pa):
    now = timezone.now()
    pa.date_joined = now - timedelta(days=30)
    thread = ThreadFactory()
    write_posts(pa, thread, [minute + 0.5 for minute in range(29)], now)
    assert posting_rate_problem(author=pa, now=now) is None
    write_posts(pa, thread, [minute + 0.5 for minute in range(30)], now)
    assert posting_rate_problem(author=pa, now=now).startswith("You can post again in 31 minutes.")


@pytest.mark.django_db
def test_held_and_hidden_posts_count_too(pa):
    now = timezone.now()
    pa.date_joined = now - timedelta(days=2)
    thread = ThreadFactory()
    for status in Post.Status.values:
        PostFactory(thread=thread, author=pa, status=status, created_at=now)
    assert posting_rate_problem(author=pa, now=now) is not None


@pytest.mark.django_db
def test_limits_come_from_settings(pa, settings):
    settings.COMMUNITY_POSTING_LIMITS = {"new": [], "established": [(1, 5)]}
    now = timezone.now()
    pa.date_joined = now - timedelta(days=30)
    write_posts(pa, ThreadFactory(), [1], now)
    assert "up to 1 times in 5 minutes." in posting_rate_problem(author=pa, now=now)


@pytest.mark.django_db
def test_rate_limit_is_one_query(pa, django_assert_num_queries):
    with django_assert_num_queries(1):
        posting_rate_problem(author=pa, now=timezone.now())


@pytest.mark.django_db
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ages=st.lists(st.integers(min_value=0, max_value=26 * 60 * 60), max_size=14),
    new=st.booleans(),
)
def test_rate_windows_follow_the_rule_and_the_wait_given_is_right(pa, ages, new):
    now = timezone.now().replace(microsecond=0)
    pa.date_joined = now - timedelta(days=2 if new else 30)
    ages_in_minutes = [seconds / 60 for seconds in ages]
    write_posts(pa, ThreadFactory(), ages_in_minutes, now)
    limits = screening.posting_limits(pa, now)
    problem = posting_rate_problem(author=pa, now=now)
    assert (problem is None) == allowed_by_rule(limits, ages_in_minutes)
    if problem is None:
        return
    amount, unit = re.match(r"You can post again in (\d+) (minute|hour)", problem).groups()
    wait = int(amount) * (60 if unit == "hour" else 1)
    assert posting_rate_problem(author=pa, now=now + timedelta(minutes=wait)) is None
    if unit == "minute" and wait > 1:
        assert posting_rate_problem(author=pa, now=now + timedelta(minutes=wait - 1)) is not None
