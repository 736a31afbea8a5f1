"""Writes on safeguarding concerns: one function per action, each audited.

Notices go out after commit, so a concern that failed to save never tells anyone. The notice
to safeguarding staff carries no details of the concern (an email can be read by anyone with
the mailbox); they read it on PA Hub, signed in with two-factor, where each read is audited.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.notifications.services import notify, notify_many
from pahub.places.models import LocalAuthority
from pahub.support import notices
from pahub.support.concerns.about import About
from pahub.support.concerns.permissions import safeguarding_staff_of
from pahub.support.models import Concern, ConcernNote

# Enough for anyone with something real to say, several times over; few enough that nobody
# can flood a council's safeguarding team from one connection.
RAISE_LIMIT = 5
RAISE_WINDOW_SECONDS = 60 * 60
RATE_LIMITED = (
    "You have raised several concerns in the last hour. If someone is in danger now, call 999. "
    "Otherwise, phone the council's adult safeguarding team, or try again in an hour."
)
STATUS_WORDS = {
    Concern.Status.RECEIVED: "has received",
    Concern.Status.ACKNOWLEDGED: "has acknowledged",
    Concern.Status.LOOKING_INTO: "is looking into",
    Concern.Status.CLOSED: "has closed",
}


class ConcernError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ConcernInput:
    area: LocalAuthority
    who: str
    what_happened: str
    in_danger: bool
    may_contact: bool
    contact_details: str
    anonymous: bool


def rate_key(raiser: User | None, client_ip: str | None) -> str:
    if raiser is not None and raiser.is_authenticated:
        return f"concerns:raised:user:{raiser.pk}"
    return f"concerns:raised:ip:{client_ip or 'unknown'}"


def check_rate(raiser: User | None, client_ip: str | None) -> None:
    """Refuse a sixth concern within the hour from one person (or one address, signed out)."""
    if cache.get(rate_key(raiser, client_ip), 0) >= RAISE_LIMIT:
        raise ConcernError(RATE_LIMITED)


def count_for_rate(raiser: User | None, client_ip: str | None) -> None:
    key = rate_key(raiser, client_ip)
    if cache.add(key, 1, RAISE_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, RAISE_WINDOW_SECONDS)


def concern_path(concern: Concern) -> str:
    return reverse("concerns:detail", kwargs={"concern_id": concern.pk})


def mine_path() -> str:
    return reverse("concerns:mine")


@transaction.atomic
def concern_raise(
    *,
    raiser: User | None,
    values: ConcernInput,
    about: About | None = None,
    client_ip: str | None = None,
) -> Concern:
    """Record a concern and tell the council's safeguarding staff at once (site
    administrators when the council has none on PA Hub, so no concern goes unread)."""
    raiser = raiser if raiser is not None and raiser.is_authenticated else None
    check_rate(raiser, client_ip)
    now = timezone.now()
    concern = Concern.objects.create(
        raiser=raiser,
        area=values.area,
        about_kind=about.kind if about else "",
        about_id=about.object_id if about else None,
        about_user=about.about_user if about else None,
        who=values.who,
        what_happened=values.what_happened,
        in_danger=values.in_danger,
        may_contact=values.may_contact,
        contact_details=values.contact_details if values.may_contact else "",
        anonymous=values.anonymous,
        created_at=now,
        updated_at=now,
    )
    audit.record(
        raiser,
        "concern.raised",
        concern,
        area=values.area.pk,
        about_kind=concern.about_kind,
        in_danger=values.in_danger,
    )
    count_for_rate(raiser, client_ip)
    transaction.on_commit(lambda: tell_safeguarding_staff(concern.pk))
    if raiser is not None:
        transaction.on_commit(lambda: tell_raiser(concern.pk))
    return concern


def staff_to_tell(area: LocalAuthority) -> list[User]:
    staff = list(safeguarding_staff_of(area))
    if staff:
        return staff
    return list(User.objects.filter(is_active=True, is_superuser=True))


def tell_safeguarding_staff(concern_id: int) -> int:
    concern = Concern.objects.select_related("area").get(pk=concern_id)
    # Never tell the person it is about, even if they are safeguarding staff themselves.
    recipients = [user for user in staff_to_tell(concern.area) if user.pk != concern.about_user_id]
    title = f"A safeguarding concern was raised in {concern.area.name}"
    body = "Open PA Hub to read it. Its details are only shown there."
    link = settings.SITE_URL + concern_path(concern)
    sent = notify_many(
        recipients,
        notices.CONCERN_RAISED.key,
        title=title,
        body=body,
        url=concern_path(concern),
        email_for=lambda _user: (title, f"{title}; open PA Hub to read it:\n\n{link}"),
    )
    return len(sent.notices)


def tell_raiser(concern_id: int) -> None:
    concern = Concern.objects.select_related("area", "raiser").get(pk=concern_id)
    if concern.raiser is None:
        return
    council = f"{concern.area.name}'s adult safeguarding team"
    title = f"Your safeguarding concern {concern.reference}: {concern.get_status_display()}"
    body = f"{council} {STATUS_WORDS[concern.status]} the concern you raised."
    if concern.status == Concern.Status.CLOSED and concern.outcome:
        body += f"\n\n{concern.outcome}"
    notify(
        concern.raiser,
        notices.CONCERN_UPDATE.key,
        title=title,
        body=body,
        url=mine_path(),
        email=(title, f"{body}\n\nSee your concerns: {settings.SITE_URL}{mine_path()}"),
    )


@transaction.atomic
def concern_set_status(*, concern: Concern, status: str, outcome: str, by: User) -> Concern:
    """Move a concern on; the person who raised it hears of each change."""
    if status not in Concern.Status.values:
        raise ConcernError("Choose a status.")
    if status == Concern.Status.CLOSED and not outcome.strip():
        raise ConcernError("Say what to tell the person who raised it before closing it.")
    changed = status != concern.status or outcome != concern.outcome
    if not changed:
        return concern
    now = timezone.now()
    previous = concern.status
    concern.status = status
    concern.outcome = outcome
    concern.handled_by = by
    concern.updated_at = now
    concern.closed_at = now if status == Concern.Status.CLOSED else None
    concern.save(update_fields=["status", "outcome", "handled_by", "updated_at", "closed_at"])
    audit.record(by, "concern.status_changed", concern, previous=previous, status=status)
    if concern.raiser_id is not None and previous != status:
        concern_id = concern.pk
        transaction.on_commit(lambda: tell_raiser(concern_id))
    return concern


@transaction.atomic
def concern_add_note(*, concern: Concern, text: str, by: User) -> ConcernNote:
    note = ConcernNote.objects.create(concern=concern, author=by, text=text)
    Concern.objects.filter(pk=concern.pk).update(updated_at=note.created_at)
    audit.record(by, "concern.note_added", concern)
    return note


@transaction.atomic
def safeguarding_contact_update(
    *, area: LocalAuthority, by: User, phone: str, email: str, hours: str, url: str
) -> LocalAuthority:
    previous = {
        "phone": area.safeguarding_phone,
        "email": area.safeguarding_email,
        "hours": area.safeguarding_hours,
        "url": area.safeguarding_url,
    }
    area.safeguarding_phone = phone
    area.safeguarding_email = email
    area.safeguarding_hours = hours
    area.safeguarding_url = url
    area.save(
        update_fields=[
            "safeguarding_phone",
            "safeguarding_email",
            "safeguarding_hours",
            "safeguarding_url",
        ]
    )
    audit.record(
        by,
        "safeguarding_contact.updated",
        area,
        previous=previous,
        phone=phone,
        email=email,
        hours=hours,
        url=url,
    )
    return area
