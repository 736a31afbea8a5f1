"""The library's content kept in the repository, loaded into the database
(`manage.py load_library`, and after every `migrate`).

`content/guidance/<slug>.md` and `content/templates/<slug>.md`: YAML front matter (`title`,
`kind`, `summary`, `audience`, `tags`, `review_every_months`, `last_reviewed`, `sources`) and
a Markdown body. The slug is the file name. See docs/library.md for the format.

Every file is read and checked before anything is saved, so one broken file leaves the whole
library as it was, and the error names the file. Loading is idempotent: a file whose hash is
the one last loaded is skipped; a changed file becomes a new version through
`services.publish_version`, like an edit on the pages.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from pahub.library.models import Kind, Resource
from pahub.library.services import (
    MAX_REVIEW_MONTHS,
    ResourceContent,
    Source,
    content_problems,
    publish_version,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
FOLDERS = {"guidance": Kind.GUIDANCE, "templates": Kind.TEMPLATE}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Addresses under /library/ that are pages of their own, so no resource may have them.
RESERVED_SLUGS = {"manage"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)
KEYS = {
    "title", "kind", "summary", "audience", "tags", "review_every_months", "last_reviewed",
    "sources",
}  # fmt: skip


class LibraryContentError(ValueError):
    """A content file breaks a rule; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class ResourceFile:
    path: Path
    slug: str
    content: ResourceContent
    review_every_months: int
    last_reviewed: date
    file_hash: str


@dataclass(frozen=True)
class LoadResult:
    slug: str
    number: int
    changed: bool
    created: bool


def _strings(path: Path, meta: dict, key: str) -> tuple[str, ...]:
    value = meta.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LibraryContentError(path, f"'{key}' must be a list like [pa, employer]")
    return tuple(item.strip() for item in value)


def _text(path: Path, meta: dict, key: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LibraryContentError(path, f"give '{key}' as text")
    return " ".join(value.split())


def _sources(path: Path, meta: dict) -> tuple[Source, ...]:
    raw = meta.get("sources") or []
    if not isinstance(raw, list):
        raise LibraryContentError(path, "'sources' must be a list of title and url")
    sources = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            raise LibraryContentError(path, f"source {number} needs exactly 'title' and 'url'")
        if not all(isinstance(item[key], str) and item[key].strip() for key in ("title", "url")):
            raise LibraryContentError(path, f"source {number}'s title and url must be text")
        sources.append(Source(title=item["title"].strip(), url=item["url"].strip()))
    return tuple(sources)


def read_resource(path: Path, folder_kind: str) -> ResourceFile:
    """One file, checked, without touching the database."""
    slug = path.stem
    if not SLUG.match(slug):
        raise LibraryContentError(path, "name the file in lower-case words joined by hyphens")
    if slug in RESERVED_SLUGS:
        raise LibraryContentError(path, f"'{slug}' is the address of a library page: rename it")
    raw = path.read_bytes()
    match = FRONT_MATTER.match(raw.decode("utf-8"))
    if match is None:
        raise LibraryContentError(path, "start the file with front matter between two '---' lines")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise LibraryContentError(path, f"the front matter is not valid YAML ({error})") from None
    if not isinstance(meta, dict):
        raise LibraryContentError(path, "the front matter must be 'key: value' lines")
    unknown = sorted(set(meta) - KEYS)
    if unknown:
        raise LibraryContentError(path, f"unknown keys in the front matter: {', '.join(unknown)}")
    kind = _text(path, meta, "kind")
    if kind != folder_kind:
        raise LibraryContentError(path, f"a file in this folder has kind '{folder_kind}'")
    months = meta.get("review_every_months", 12)
    if isinstance(months, bool) or not isinstance(months, int):
        raise LibraryContentError(path, "'review_every_months' must be a whole number")
    if not 1 <= months <= MAX_REVIEW_MONTHS:
        raise LibraryContentError(path, f"review every 1 to {MAX_REVIEW_MONTHS} months")
    reviewed = meta.get("last_reviewed")
    if not isinstance(reviewed, date):
        raise LibraryContentError(path, "'last_reviewed' must be a date like 2026-11-20")
    content = ResourceContent(
        title=_text(path, meta, "title"),
        kind=kind,
        summary=_text(path, meta, "summary"),
        body=match.group(2).strip(),
        audience=_strings(path, meta, "audience"),
        tags=_strings(path, meta, "tags"),
        sources=_sources(path, meta),
    )
    problems = content_problems(content)
    if problems:
        raise LibraryContentError(path, "; ".join(problems))
    return ResourceFile(
        path=path,
        slug=slug,
        content=content,
        review_every_months=months,
        last_reviewed=reviewed,
        file_hash=hashlib.sha256(raw).hexdigest(),
    )


def read_library(content_dir: Path = CONTENT_DIR) -> list[ResourceFile]:
    """Every file of both folders, checked; raises on the first problem."""
    files = []
    for folder, kind in FOLDERS.items():
        directory = content_dir / folder
        if directory.is_dir():
            files += [read_resource(path, kind) for path in sorted(directory.glob("*.md"))]
    seen: dict[str, Path] = {}
    for resource_file in files:
        if resource_file.slug in seen:
            raise LibraryContentError(
                resource_file.path, f"the slug is already used by {seen[resource_file.slug]}"
            )
        seen[resource_file.slug] = resource_file.path
    return files


@transaction.atomic
def library_load(content_dir: Path = CONTENT_DIR) -> list[LoadResult]:
    """Make the shared library match the repository's files; a new version only where a file
    changed since it was last loaded."""
    files = read_library(content_dir)
    known = {
        resource.slug: resource
        for resource in Resource.objects.filter(slug__in=[f.slug for f in files]).select_related(
            "current_version"
        )
    }
    for resource_file in files:
        resource = known.get(resource_file.slug)
        if resource is not None and resource.local_authority_id is not None:
            raise LibraryContentError(
                resource_file.path, "a council's local addition already has this slug"
            )
    results = []
    for resource_file in files:
        resource = known.get(resource_file.slug)
        if resource is not None and resource.file_hash == resource_file.file_hash:
            number = resource.current_version.number if resource.current_version else 0
            results.append(LoadResult(resource_file.slug, number, changed=False, created=False))
            continue
        published = publish_version(
            slug=resource_file.slug,
            content=resource_file.content,
            by=None,
            change_note=f"Loaded from {resource_file.path.parent.name}/{resource_file.path.name}",
            review_every_months=resource_file.review_every_months,
            last_reviewed=resource_file.last_reviewed,
            file_hash=resource_file.file_hash,
        )
        number = published.resource.current_version.number
        results.append(
            LoadResult(
                resource_file.slug,
                number,
                changed=published.version is not None,
                created=published.created,
            )
        )
    return results


def front_matter_of(meta: dict[str, Any]) -> str:
    """The front matter block for `meta`, for tests and tools writing content files."""
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n"
