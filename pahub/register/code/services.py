"""The code of conduct: reading it, signing it, and publishing a new version.

Publishing version N+1 makes every PA's signature out of date, so every level that needs a
signed code lapses until the PA signs again. `code_publish_version` creates the version in
one transaction, then rechecks levels profile by profile (each its own transaction, so the
site keeps working during a long recheck and an interrupted run can simply be repeated),
and emails each PA who needs to sign again.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.register.code.text import VERSION_1_TITLE
from pahub.register.levels import ENTRY, LEVEL_NAMES
from pahub.register.models import CodeOfConductVersion, CodeSignature, PAProfile
from pahub.register.queries import current_code_version
from pahub.register.services import profile_get_or_create, profile_recompute_level

RECHECK_BATCH_SIZE = 500


class CodeError(Exception):
    """A request that cannot be carried out; the message is shown to the person."""


# Reading


@dataclass(frozen=True)
class CodeBlock:
    """One block of the code's text: a heading, a paragraph or a list. Always escaped."""

    kind: str  # "heading", "paragraph" or "list"
    text: str = ""
    items: tuple[str, ...] = ()


def code_blocks(body: str) -> list[CodeBlock]:
    """Split the stored text into blocks: `## ` starts a heading, `- ` a list item, and a
    blank line ends a paragraph. Templates print each block's text with autoescaping on, so
    HTML in the text is shown as text, never run."""
    blocks: list[CodeBlock] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(CodeBlock("paragraph", text=" ".join(paragraph)))
            paragraph.clear()
        if items:
            blocks.append(CodeBlock("list", items=tuple(items)))
            items.clear()

    for raw_line in body.replace("\r\n", "\n").split("\n"):
        line = raw_line.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            blocks.append(CodeBlock("heading", text=line[3:].strip()))
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(line[2:].strip())
        elif items:
            # A line under a list item continues that item.
            items[-1] = f"{items[-1]} {line}"
        else:
            paragraph.append(line)
    flush()
    return blocks


@dataclass(frozen=True)
class SigningStatus:
    """Where a person stands with the code: what they signed, and what is new since."""

    current: CodeOfConductVersion | None
    signed_current_at: datetime | None = None
    last_signature: CodeSignature | None = None
    changes_since: list[CodeOfConductVersion] = field(default_factory=list)

    @property
    def has_signed_current(self) -> bool:
        return self.signed_current_at is not None

    @property
    def must_sign_again(self) -> bool:
        return (
            self.current is not None and not self.has_signed_current and bool(self.last_signature)
        )


def code_signing_status(user: User) -> SigningStatus:
    current = current_code_version()
    if current is None:
        return SigningStatus(current=None)
    last_signature = (
        CodeSignature.objects.filter(user=user)
        .select_related("version")
        .order_by("-version__number")
        .first()
    )
    if last_signature is not None and last_signature.version_id == current.pk:
        return SigningStatus(
            current=current,
            signed_current_at=last_signature.signed_at,
            last_signature=last_signature,
        )
    changes_since = []
    if last_signature is not None:
        changes_since = list(
            CodeOfConductVersion.objects.filter(
                published_at__isnull=False,
                number__gt=last_signature.version.number,
                number__lte=current.number,
            ).order_by("number")
        )
    return SigningStatus(
        current=current, last_signature=last_signature, changes_since=changes_since
    )


# Signing


@transaction.atomic
def code_sign(*, user: User, version_number: int, by: Any = None) -> CodeSignature:
    """Sign the current version. `version_number` is the one the person read: if a newer
    version was published while they were reading, they must read that one first."""
    current = current_code_version()
    if current is None:
        raise CodeError("There is no code of conduct to sign yet.")
    if version_number != current.number:
        raise CodeError(
            "A new version of the code was published while you were reading it. "
            "Read the new version, then sign it."
        )
    signature, created = CodeSignature.objects.get_or_create(user=user, version=current)
    if created:
        audit.record(by or user, "code.signed", signature, version=current.number)
    profile = profile_get_or_create(user=user)
    profile_recompute_level(profile=profile, by=by or user)
    return signature


# Publishing a new version


@dataclass(frozen=True)
class CodeRecheck:
    version: CodeOfConductVersion
    profiles_rechecked: int = 0
    levels_dropped: int = 0
    pas_emailed: int = 0


@dataclass(frozen=True)
class CodePublished:
    version: CodeOfConductVersion
    recheck: CodeRecheck | None  # None when the recheck was queued as a background task


@transaction.atomic
def code_version_create(*, body: str, summary_of_changes: str, by: Any) -> CodeOfConductVersion:
    # Lock the newest version so two people publishing at once cannot both take number N+1.
    latest = CodeOfConductVersion.objects.select_for_update().order_by("-number").first()
    version = CodeOfConductVersion.objects.create(
        number=(latest.number if latest else 0) + 1,
        title=latest.title if latest else VERSION_1_TITLE,
        body=body.replace("\r\n", "\n").strip() + "\n",
        summary_of_changes=summary_of_changes.strip(),
        published_at=timezone.now(),
    )
    audit.record(by, "code.published", version, number=version.number)
    return version


def code_publish_version(
    *, body: str, summary_of_changes: str, by: Any, recheck_now: bool = True
) -> CodePublished:
    """Publish version N+1, then recheck levels and ask PAs to sign again.

    With `recheck_now=False` (the web page) the recheck runs in the task worker after the
    version is saved, because a register of 200,000 PAs takes longer than a page may.
    """
    if not body.strip():
        raise CodeError("Enter the text of the code of conduct.")
    if not summary_of_changes.strip():
        raise CodeError("Say what has changed.")
    version = code_version_create(body=body, summary_of_changes=summary_of_changes, by=by)
    if not recheck_now:
        by_id = getattr(by, "pk", None)
        transaction.on_commit(lambda: code_recheck_task.enqueue(version_id=version.pk, by_id=by_id))
        return CodePublished(version=version, recheck=None)
    return CodePublished(version=version, recheck=code_recheck_levels(version=version, by=by))


@task()
def code_recheck_task(*, version_id: int, by_id: int | None) -> int:
    version = CodeOfConductVersion.objects.get(pk=version_id)
    by = User.objects.filter(pk=by_id).first() if by_id else None
    return code_recheck_levels(version=version, by=by).pas_emailed


def code_recheck_levels(*, version: CodeOfConductVersion, by: Any) -> CodeRecheck:
    """Recompute every level that depended on the old code, and email each PA who must
    sign again: those whose level dropped and those who had signed an older version."""
    # Only a profile at Entry or above can lose a level to a new code. Read their ids first
    # (one pass with .iterator()), then work in batches: writing to a table while a cursor
    # walks it is unsafe on SQLite.
    profile_ids = list(
        PAProfile.objects.filter(level__gte=ENTRY)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=RECHECK_BATCH_SIZE * 4)
    )
    dropped: dict[int, int] = {}  # user id -> the level they had
    for start in range(0, len(profile_ids), RECHECK_BATCH_SIZE):
        batch = profile_ids[start : start + RECHECK_BATCH_SIZE]
        for profile in PAProfile.objects.filter(pk__in=batch).select_related("user"):
            old_level = profile.level
            if profile_recompute_level(profile=profile, by=by) < old_level:
                dropped[profile.user_id] = old_level
    signed_before = set(
        CodeSignature.objects.exclude(version=version)
        .values_list("user_id", flat=True)
        .distinct()
        .iterator(chunk_size=RECHECK_BATCH_SIZE * 4)
    )
    already_signed = set(version.signatures.values_list("user_id", flat=True))
    to_email = sorted((set(dropped) | signed_before) - already_signed)
    emailed = 0
    for start in range(0, len(to_email), RECHECK_BATCH_SIZE):
        users = User.objects.filter(
            pk__in=to_email[start : start + RECHECK_BATCH_SIZE], is_active=True
        ).only("email", "full_name", "known_as")
        for user in users:
            email_pa_to_sign_again(user=user, version=version, old_level=dropped.get(user.pk))
            emailed += 1
    return CodeRecheck(
        version=version,
        profiles_rechecked=len(profile_ids),
        levels_dropped=len(dropped),
        pas_emailed=emailed,
    )


def email_pa_to_sign_again(
    *, user: User, version: CodeOfConductVersion, old_level: int | None
) -> None:
    context = {
        "name": user.display_name,
        "version": version,
        "old_level_name": LEVEL_NAMES[old_level] if old_level else "",
        "link": settings.SITE_URL + reverse("register:code"),
    }
    send_mail(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
        + render_to_string("register/email/code_new_version_subject.txt", context).strip(),
        message=render_to_string("register/email/code_new_version_body.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
