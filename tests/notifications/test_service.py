"""The notify service: channels, required kinds, bulk fan-out, email headers, the digest."""

import pytest
from django.core.management import call_command

from pahub.core.models import AuditEvent
from pahub.notifications import services
from pahub.notifications.digest import send_digests
from pahub.notifications.models import Notice, Preference
from pahub.notifications.registry import Channel, Kind, Registry, registry
from pahub.notifications.unsubscribe import DIGEST_SCOPE, Unsubscribe, read_token
from tests.factories import UserFactory

ALERT = "cover.alert"
REQUIRED = "cover.booking_cancelled"


def say(user, kind=ALERT, **extra):
    return services.notify(
        user,
        kind,
        title="Cover needed",
        body="Someone near you needs cover.",
        url="/cover/",
        email=("PA Hub: cover needed", "Hello,\n\nCover is needed.\n"),
        **extra,
    )


@pytest.mark.parametrize(
    ("channel", "stored", "emailed", "digest"),
    [
        (Channel.EMAIL, True, True, False),
        (Channel.DIGEST, True, False, True),
        (Channel.IN_APP, True, False, False),
        (Channel.OFF, False, False, False),
    ],
)
def test_each_channel_stores_and_emails_as_chosen(
    pa, mailoutbox, django_capture_on_commit_callbacks, channel, stored, emailed, digest
):
    services.preference_set(user=pa, kind_key=ALERT, channel=channel)

    with django_capture_on_commit_callbacks(execute=True):
        notice = say(pa)

    assert (notice is not None) is stored
    assert Notice.objects.filter(recipient=pa).exists() is stored
    assert len(mailoutbox) == (1 if emailed else 0)
    if notice:
        assert notice.digest_pending is digest


def test_the_default_comes_from_the_kind(pa, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        say(pa)
    assert services.channel_for(pa, ALERT) == registry.get(ALERT).default
    assert len(mailoutbox) == 1


def test_every_email_carries_one_click_unsubscribe(
    pa, mailoutbox, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        say(pa)
        say(pa, kind=REQUIRED)

    for email in mailoutbox:
        link = email.extra_headers["List-Unsubscribe"]
        assert link.startswith(f"<{settings.SITE_URL}/notifications/unsubscribe/")
        assert link.endswith("/>")
        assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link.strip("<>") in email.body  # the same link, visible


def test_the_digest_email_carries_unsubscribe_too(
    pa, mailoutbox, django_capture_on_commit_callbacks
):
    services.preference_set(user=pa, kind_key=ALERT, channel=Channel.DIGEST)
    say(pa)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
    (email,) = mailoutbox
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Read back rather than made again: a token is signed with the second it was made in.
    token = email.extra_headers["List-Unsubscribe"].strip("<>").rstrip("/").rsplit("/", 1)[1]
    assert read_token(token) == Unsubscribe(user_id=pa.pk, scope=DIGEST_SCOPE)


@pytest.mark.parametrize("channel", [Channel.OFF, Channel.IN_APP, Channel.DIGEST])
def test_a_required_kind_cannot_be_turned_down(pa, channel):
    with pytest.raises(services.PreferenceError, match="cannot turn this off"):
        services.preference_set(user=pa, kind_key=REQUIRED, channel=channel)
    assert not Preference.objects.filter(user=pa).exists()


def test_a_required_kind_is_emailed_even_with_a_stale_row(
    pa, mailoutbox, django_capture_on_commit_callbacks
):
    # A row written before the kind became required does not turn it down.
    Preference.objects.create(user=pa, kind=REQUIRED, channel=Channel.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        assert say(pa, kind=REQUIRED) is not None
    assert len(mailoutbox) == 1


def test_a_required_kind_must_say_why():
    with pytest.raises(ValueError, match="must say why"):
        Kind(key="x.y", group="X", label="Y", required=True)


def test_two_kinds_with_one_key_are_refused():
    local = Registry(discover=False)
    local.register(Kind(key="x.y", group="X", label="Y"))
    with pytest.raises(ValueError, match="Two kinds"):
        local.register(Kind(key="x.y", group="X", label="Other"))


def test_changing_a_choice_is_audited(pa):
    services.preference_set(user=pa, kind_key=ALERT, channel=Channel.IN_APP)
    event = AuditEvent.objects.get(action="notifications.preference_changed")
    assert event.detail == {"kind": ALERT, "channel": "in_app", "was": "email"}


def test_fan_out_takes_the_same_queries_for_ten_or_fifty(db, django_assert_num_queries):
    few = UserFactory.create_batch(10)
    many = UserFactory.create_batch(50)
    Preference.objects.create(user=many[0], kind=ALERT, channel=Channel.OFF)

    def fan_out(users):
        return services.notify_many(
            users,
            ALERT,
            title="Cover needed",
            url="/cover/",
            email_for=lambda user: ("Cover", f"Hello {user.display_name}"),
        )

    # One query for their choices and one insert for the notices, however many people.
    with django_assert_num_queries(2):
        fan_out(few)
    with django_assert_num_queries(2):
        sent = fan_out(many)
    assert (sent.stored, sent.emailed, sent.off) == (49, 49, 1)


def test_the_digest_is_one_email_per_person_and_runs_once(
    pa, other_pa, mailoutbox, django_capture_on_commit_callbacks
):
    for person in (pa, other_pa):
        services.preference_set(user=person, kind_key="messaging.new_message", channel="digest")
    for _ in range(3):
        services.notify(pa, "messaging.new_message", title="You have a new message", url="/m/")
    services.notify(other_pa, "messaging.new_message", title="You have a new message")

    with django_capture_on_commit_callbacks(execute=True):
        run = send_digests(batch_size=1)
    with django_capture_on_commit_callbacks(execute=True):
        again = send_digests()

    assert (run.people, run.notices) == (2, 4)
    assert (again.people, again.notices) == (0, 0)
    mine = [email for email in mailoutbox if email.to == [pa.email]]
    assert len(mine) == 1
    assert mine[0].body.count("You have a new message") == 3
    assert not Notice.objects.filter(digest_pending=True).exists()


def test_the_digest_runs_by_name(pa, mailoutbox, capsys):
    services.preference_set(user=pa, kind_key=ALERT, channel=Channel.DIGEST)
    say(pa)
    call_command("run_periodic", "notifications_digest")
    assert "1 digest sent, covering 1 notice." in capsys.readouterr().out


def test_unsubscribe_turns_a_kind_to_in_app_and_is_audited(pa):
    result = services.unsubscribe(user=pa, scope=ALERT)
    assert [kind.key for kind in result.kinds] == [ALERT]
    assert services.channel_for(pa, ALERT) == Channel.IN_APP
    assert AuditEvent.objects.filter(action="notifications.unsubscribed", actor=pa).exists()


def test_unsubscribe_from_a_required_kind_is_refused(pa):
    result = services.unsubscribe(user=pa, scope=REQUIRED)
    assert result.refused == registry.get(REQUIRED)
    assert services.channel_for(pa, REQUIRED) == Channel.EMAIL
