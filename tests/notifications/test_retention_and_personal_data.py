"""Notices go a year after they were made (unless still waiting for a digest); a person's
notices and choices are in their download and go with their account."""

from datetime import timedelta

from django.utils import timezone

from pahub.accounts.services import user_delete
from pahub.core.personal_data import registry as personal_data
from pahub.core.retention import apply_rule, registry
from pahub.notifications.models import Notice, Preference


def notice(user, *, days_ago: int, digest_pending: bool = False) -> Notice:
    return Notice.objects.create(
        recipient=user,
        kind="messaging.new_message",
        title="A new message",
        created_at=timezone.now() - timedelta(days=days_ago),
        digest_pending=digest_pending,
    )


def test_notices_go_after_a_year_but_not_while_waiting_for_a_digest(pa):
    notice(pa, days_ago=366)
    waiting = notice(pa, days_ago=366, digest_pending=True)
    recent = notice(pa, days_ago=364)

    assert apply_rule(registry.get("notifications.notices")) == 1
    assert set(Notice.objects.values_list("pk", flat=True)) == {waiting.pk, recent.pk}


def test_a_persons_notices_and_choices_are_in_their_download(pa, employer):
    notice(pa, days_ago=1)
    Preference.objects.create(user=pa, kind="cover.alert", channel="in_app")
    notice(employer, days_ago=1)

    part = personal_data.export(pa)["notifications"]

    assert [item["title"] for item in part["notices"]] == ["A new message"]
    assert part["how_you_hear_about_each_kind"] == {"cover.alert": "in_app"}


def test_deleting_the_account_deletes_them(pa):
    notice(pa, days_ago=1)
    Preference.objects.create(user=pa, kind="cover.alert", channel="in_app")

    user_delete(user=pa, by=pa)

    assert not Notice.objects.exists() and not Preference.objects.exists()
