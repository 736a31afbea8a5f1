"""Counts beside header links come from the apps above accounts, registered in their ready()."""

from pahub.accounts import navigation
from pahub.accounts.navigation import header_count, register_header_count, with_count


def test_cover_and_messaging_register_their_counts_when_django_starts():
    assert {"cover", "messages"} <= set(navigation._header_counts)


def test_a_count_nobody_registered_is_zero(monkeypatch, pa):
    monkeypatch.setattr(navigation, "_header_counts", {})

    assert header_count("messages", pa) == 0


def test_a_registered_provider_is_asked_for_the_person(monkeypatch, pa):
    monkeypatch.setattr(navigation, "_header_counts", {})
    register_header_count("messages", lambda user: 3 if user == pa else 0)

    assert with_count("Messages", header_count("messages", pa), "unread") == "Messages (3 unread)"
