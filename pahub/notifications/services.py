"""Telling people things, and their choices about how. Every app calls these; nothing else
writes a notice or a preference.

`notify` / `notify_many` store the in-app notice (unless the person turned the kind off) and,
by the person's channel, email now or leave the notice for the daily digest. Email is sent
after the surrounding transaction commits, so a rolled-back change tells nobody.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit, task_effects
from pahub.notifications import emails
from pahub.notifications.emails import EmailContent
from pahub.notifications.models import Notice, Preference
from pahub.notifications.registry import Channel, Kind, registry
from pahub.notifications.unsubscribe import DIGEST_SCOPE

EmailArg = EmailContent | Sequence[str | None] | None
# Bulk sends ask for each person's email with this (it may use their name).
EmailFor = Callable[[User], EmailArg]


class PreferenceError(ValueError):
    """A choice that is not allowed, with words for the person and the kind it is about."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        self.message = message
        super().__init__(message)


# Choices


def channels_for(user_ids: Iterable[int], kind: Kind) -> dict[int, str]:
    """Each person's channel for one kind, in one query; a required kind is always EMAIL."""
    user_ids = list(user_ids)
    if kind.required:
        return dict.fromkeys(user_ids, Channel.EMAIL.value)
    chosen = dict(
        Preference.objects.filter(user_id__in=user_ids, kind=kind.key).values_list(
            "user_id", "channel"
        )
    )
    return {user_id: chosen.get(user_id, kind.default.value) for user_id in user_ids}


def channel_for(user: User, kind_key: str) -> str:
    kind = registry.get(kind_key)
    return channels_for([user.pk], kind)[user.pk]


def preferences_of(user: User) -> dict[str, str]:
    """Every registered kind's channel for this person (defaults where they chose nothing)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "channel"))
    return {
        kind.key: Channel.EMAIL.value if kind.required else chosen.get(kind.key, kind.default)
        for kind in registry
    }


@transaction.atomic
def preference_set(*, user: User, kind_key: str, channel: str, actor: User | None = None) -> bool:
    """Record one choice; True if it changed. A required kind cannot be turned down."""
    kind = registry.get(kind_key)
    if channel not in Channel.values:
        raise PreferenceError(kind.key, "Choose how you want to hear about this")
    if not kind.allows(channel):
        raise PreferenceError(kind.key, f"You cannot turn this off or down: {kind.reason}")
    current = preferences_of_kind(user, kind)
    if current == channel:
        return False
    Preference.objects.update_or_create(user=user, kind=kind.key, defaults={"channel": channel})
    audit.record(
        actor or user,
        "notifications.preference_changed",
        user,
        kind=kind.key,
        channel=channel,
        was=current,
    )
    return True


def preferences_set(*, user: User, choices: dict[str, str]) -> list[str]:
    """Several choices at once (the preferences page and the API); all or none."""
    for key, channel in choices.items():
        kind = registry.get(key)
        if not kind.allows(channel):
            raise PreferenceError(key, f"You cannot turn this off or down: {kind.reason}")
    changed = []
    with transaction.atomic():
        for key, channel in choices.items():
            if preference_set(user=user, kind_key=key, channel=channel):
                changed.append(key)
    return changed


def preferences_of_kind(user: User, kind: Kind) -> str:
    return channels_for([user.pk], kind)[user.pk]


# Telling people


@dataclass
class Sent:
    """What one call did, for tasks' results and the benchmark."""

    stored: int = 0
    emailed: int = 0
    queued_for_digest: int = 0
    off: int = 0
    notices: list[Notice] = field(default_factory=list)


def notify(
    user: User,
    kind: str,
    *,
    title: str,
    body: str = "",
    url: str = "",
    email: EmailArg = None,
    now: datetime | None = None,
    unsubscribe_link: str | None = None,
) -> Notice | None:
    """Tell one person one thing. `email` is (subject, text[, html]); without it, a person who
    chose email straight away gets the in-app notice only (the app emails them itself, batched,
    through `send_email`). Returns the stored notice, or None when they turned the kind off."""
    sent = notify_many(
        [user],
        kind,
        title=title,
        body=body,
        url=url,
        email_for=lambda _: email,
        now=now,
        unsubscribe_link=unsubscribe_link,
    )
    return sent.notices[0] if sent.notices else None


def notify_many(
    users: Sequence[User],
    kind: str,
    *,
    title: str | Callable[[User], str],
    body: str | Callable[[User], str] = "",
    url: str = "",
    email_for: EmailFor | None = None,
    now: datetime | None = None,
    unsubscribe_link: str | None = None,
) -> Sent:
    """Tell many people the same kind of thing (a cover wave), in a fixed number of queries:
    one for their choices, one insert for the notices, then the emails after commit."""
    registered = registry.get(kind)
    now = now or timezone.now()
    channels = channels_for((user.pk for user in users), registered)
    sent = Sent()
    to_email: list[tuple[User, EmailContent]] = []
    notices = []
    for user in users:
        channel = channels[user.pk]
        if channel == Channel.OFF:
            sent.off += 1
            continue
        content = email_for(user) if email_for is not None else None
        emailing = channel == Channel.EMAIL and content is not None
        notices.append(
            Notice(
                recipient=user,
                kind=registered.key,
                title=(title(user) if callable(title) else title)[:200],
                body=body(user) if callable(body) else body,
                url=url,
                created_at=now,
                digest_pending=channel == Channel.DIGEST,
                emailed_at=now if emailing else None,
            )
        )
        if emailing:
            to_email.append((user, EmailContent.of(content)))
    sent.notices = Notice.objects.bulk_create(not_yet_stored(notices))
    sent.stored = len(sent.notices)
    sent.queued_for_digest = sum(1 for notice in notices if notice.digest_pending)
    sent.emailed = len(to_email)
    if to_email:
        messages = [
            emails.build(
                to=user.email,
                user_id=user.pk,
                scope=registered.key,
                kind=registered,
                content=c,
                unsubscribe_link=unsubscribe_link,
            )
            for user, c in to_email
        ]
        transaction.on_commit(lambda: emails.send(messages))
    return sent


def not_yet_stored(notices: list[Notice]) -> list[Notice]:
    """Inside a task, each notice is keyed by the task and what it tells whom, and those a
    first run of the task stored before its worker died are left out (one query), so a task
    run again tells nobody twice (pahub/core/task_effects.py). Outside a task: all of them."""
    for notice in notices:
        notice.task_key = task_effects.key_for(
            "notice", notice.recipient_id, notice.kind, notice.title
        )
    keys = [notice.task_key for notice in notices if notice.task_key]
    if not keys:
        return notices
    stored = set(Notice.objects.filter(task_key__in=keys).values_list("task_key", flat=True))
    return [notice for notice in notices if notice.task_key not in stored]


def send_email(user: User, kind: str, *, email: EmailArg) -> None:
    """Email one person now about a kind, with the unsubscribe headers, after commit; for apps
    that batch their own emails (new messages) and have already checked the channel."""
    registered = registry.get(kind)
    message = emails.build(
        to=user.email,
        user_id=user.pk,
        scope=registered.key,
        kind=registered,
        content=EmailContent.of(email),
    )
    transaction.on_commit(lambda: emails.send([message]))


# Reading


def notice_mark_read(*, notice: Notice, now: datetime | None = None) -> None:
    """The person has seen it: a read marker on their own notice, so not audited."""
    if notice.read_at is None:
        notice.read_at = now or timezone.now()
        notice.save(update_fields=["read_at"])


def notices_mark_all_read(*, user: User, now: datetime | None = None) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


# Unsubscribing


@dataclass(frozen=True)
class Unsubscribed:
    kinds: list[Kind]  # what was turned down (empty if nothing was on)
    refused: Kind | None = None  # a required kind, which cannot be unsubscribed from


def scope_kinds(user: User, scope: str) -> list[Kind]:
    """What an unsubscribe link covers: one kind, or every kind this person gets by digest."""
    if scope != DIGEST_SCOPE:
        return [registry.get(scope)]
    chosen = preferences_of(user)
    return [kind for kind in registry if chosen[kind.key] == Channel.DIGEST]


@transaction.atomic
def unsubscribe(*, user: User, scope: str) -> Unsubscribed:
    """A signed link was used: its kind (or the digest) becomes in-app only. Audited, with the
    person as the actor even though they may be signed out: the signed token is theirs."""
    if scope != DIGEST_SCOPE and registry.get(scope).required:
        return Unsubscribed(kinds=[], refused=registry.get(scope))
    turned_down = []
    for kind in scope_kinds(user, scope):
        if preferences_of_kind(user, kind) in (Channel.EMAIL, Channel.DIGEST):
            Preference.objects.update_or_create(
                user=user, kind=kind.key, defaults={"channel": Channel.IN_APP}
            )
            turned_down.append(kind)
    if turned_down:
        audit.record(
            user,
            "notifications.unsubscribed",
            user,
            scope=scope,
            kinds=[kind.key for kind in turned_down],
            channel=Channel.IN_APP.value,
        )
    return Unsubscribed(kinds=turned_down)
