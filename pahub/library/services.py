"""Writes to the library. `publish_version` is the only way a resource's content changes:
the loader (`manage.py load_library`, and after every migrate) and the editing pages both call
it, so every change is a numbered version with an author, a change note and an audit row.

A version is made only when the content differs from the current one (by its hash), so loading
the same files twice changes nothing. Saving unchanged content on the pages still counts as a
review: the resource's "last reviewed" date moves, and the next review is due later.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from pahub.accounts.models import User
from pahub.core import audit
from pahub.library.models import Audience, Kind, Resource, ResourceAudience, ResourceVersion, Tag
from pahub.places.models import LocalAuthority

MAX_REVIEW_MONTHS = 36


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class ResourceContent:
    """Everything a version holds, from a file or from the editing form."""

    title: str
    kind: str
    summary: str
    body: str
    audience: tuple[str, ...]
    tags: tuple[str, ...]
    sources: tuple[Source, ...] = field(default_factory=tuple)

    def content_hash(self) -> str:
        encoded = json.dumps(
            {
                "title": self.title,
                "kind": self.kind,
                "summary": self.summary,
                "body": self.body,
                "audience": sorted(self.audience),
                "tags": sorted(self.tags),
                "sources": [[source.title, source.url] for source in self.sources],
            },
            sort_keys=True,
            ensure_ascii=False,
        ).encode()
        return hashlib.sha256(encoded).hexdigest()


class LibraryError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Published:
    resource: Resource
    version: ResourceVersion | None  # None when the content had not changed
    created: bool


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return start.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(start)  # unreachable: every month has a 28th


def content_problems(content: ResourceContent) -> list[str]:
    """Every rule a resource's content keeps, checked before anything is saved."""
    problems = []
    if not content.title.strip():
        problems.append("Give the resource a title")
    if content.kind not in Kind.values:
        problems.append("The kind is 'guidance' or 'template'")
    if not content.summary.strip():
        problems.append("Give a one-sentence summary")
    if not content.body.strip():
        problems.append("Write the resource's text")
    if not content.audience:
        problems.append("Say who the resource is for")
    unknown = [name for name in content.audience if name not in Audience.values]
    if unknown:
        problems.append(f"Unknown audience: {', '.join(unknown)}")
    bad_tags = [tag for tag in content.tags if slugify(tag) != tag]
    if bad_tags:
        problems.append(f"Tags are lower-case words joined by hyphens, not {', '.join(bad_tags)}")
    for source in content.sources:
        if not source.url.startswith("https://"):
            problems.append(f"The source '{source.title}' needs an https:// web address")
    return problems


def sync_tags(resource: Resource, tags: tuple[str, ...]) -> None:
    existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=tags)}
    missing = [Tag(slug=slug) for slug in tags if slug not in existing]
    created = Tag.objects.bulk_create(missing) if missing else []
    # bulk_create sets pks on PostgreSQL and SQLite 3.35+; read back to be sure of both.
    if created and any(tag.pk is None for tag in created):
        existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=tags)}
    else:
        existing.update({tag.slug: tag for tag in created})
    resource.tags.set([existing[slug] for slug in tags])


def sync_audience(resource: Resource, audience: tuple[str, ...]) -> None:
    ResourceAudience.objects.filter(resource=resource).exclude(audience__in=audience).delete()
    have = set(resource.audiences.values_list("audience", flat=True))
    ResourceAudience.objects.bulk_create(
        [
            ResourceAudience(resource=resource, audience=name)
            for name in audience
            if name not in have
        ]
    )


def local_addition_slug(*, council: LocalAuthority, title: str) -> str:
    """A new local addition's address: the council's slug first, so it never takes a
    repository file's address, and a number after it when the title is used already."""
    base = slugify(f"{council.slug} {title}")[:110].strip("-")
    slug, number = base, 2
    while Resource.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def publish_version(
    *,
    slug: str,
    content: ResourceContent,
    by: User | None,
    change_note: str,
    local_authority: LocalAuthority | None = None,
    review_every_months: int | None = None,
    last_reviewed: date | None = None,
    file_hash: str | None = None,
) -> Published:
    """Create the resource or publish a new version of it, when its content changed.

    `by` is None for the loader (the repository's reviewed files). `last_reviewed` defaults to
    today: whoever saves a resource has just read it through.
    """
    problems = content_problems(content)
    if review_every_months is not None and not 1 <= review_every_months <= MAX_REVIEW_MONTHS:
        problems.append(f"Review every 1 to {MAX_REVIEW_MONTHS} months")
    if problems:
        raise LibraryError("; ".join(problems))
    today = timezone.localdate()
    reviewed = last_reviewed or today
    resource = Resource.objects.select_for_update().filter(slug=slug).first()
    created = resource is None
    if created:
        months = review_every_months or 12
        resource = Resource.objects.create(
            slug=slug,
            kind=content.kind,
            title=content.title,
            summary=content.summary,
            local_authority=local_authority,
            owner=by,
            review_every_months=months,
            last_reviewed=reviewed,
            review_due_on=add_months(reviewed, months),
        )
        audit.record(by, "library.resource_created", resource, local=local_authority is not None)
    elif local_authority is not None and resource.local_authority_id != local_authority.pk:
        raise LibraryError("Another council's resource already has this address")

    digest = content.content_hash()
    version = None
    current = resource.current_version
    if current is None or current.content_hash != digest:
        number = (current.number if current else 0) + 1
        version = ResourceVersion.objects.create(
            resource=resource,
            number=number,
            title=content.title,
            summary=content.summary,
            body=content.body,
            details={
                "audience": list(content.audience),
                "tags": list(content.tags),
                "sources": [{"title": s.title, "url": s.url} for s in content.sources],
            },
            change_note=change_note.strip() or ("First version" if number == 1 else "Updated"),
            author=by,
            content_hash=digest,
        )
        resource.current_version = version
        resource.kind = content.kind
        resource.title = content.title
        resource.summary = content.summary
        resource.body = content.body
        resource.keywords = " ".join(tag.replace("-", " ") for tag in content.tags)
        resource.sources = [{"title": s.title, "url": s.url} for s in content.sources]
        sync_tags(resource, content.tags)
        sync_audience(resource, content.audience)
        audit.record(by, "library.version_published", resource, number=number)

    months = review_every_months or resource.review_every_months
    resource.review_every_months = months
    resource.last_reviewed = reviewed
    resource.review_due_on = add_months(reviewed, months)
    if file_hash is not None:
        resource.file_hash = file_hash
    resource.save()
    if version is None and by is not None:
        audit.record(by, "library.reviewed", resource)
    return Published(resource=resource, version=version, created=created)


@transaction.atomic
def resource_remind(*, resource: Resource, due_on: date) -> bool:
    """Record that the owner was reminded of this due date; False if already reminded."""
    locked = Resource.objects.select_for_update().get(pk=resource.pk)
    if locked.reminded_for == due_on:
        return False
    locked.reminded_for = due_on
    locked.save(update_fields=["reminded_for"])
    return True
