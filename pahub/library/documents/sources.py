"""Where a template's text comes from.

The reviewed files in `pahub/library/content/templates/<slug>.md` are loaded into the library
as versions (`pahub.library.loading`, after every migrate). What a person fills is always the
library's published version, `published_template` (so an edit made on the library's pages is
what gets filled); `load_template` reads a file as written, for the checks of the files
themselves.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pahub.library.models import Kind, Resource

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "content" / "templates"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)


class TemplateNotFound(LookupError):
    """No template has this slug (pages answer 404)."""


class TemplateFormatError(ValueError):
    """A template's text breaks the shared content format; the message says how."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class TemplateText:
    """A template as written: its front matter and its Markdown body with placeholders."""

    slug: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    body: str


def template_slugs() -> list[str]:
    """Every template there is, by file name, in alphabetical order."""
    return sorted(path.stem for path in TEMPLATES_DIR.glob("*.md") if SLUG.match(path.stem))


def template_source(slug: str) -> str:
    """The whole text of the template `slug` (front matter and body)."""
    # The slug comes from the URL: only a plain slug is ever turned into a path.
    path = TEMPLATES_DIR / f"{slug}.md"
    if not SLUG.match(slug) or not path.is_file():
        raise TemplateNotFound(slug)
    return path.read_text(encoding="utf-8")


# Parsing the front matter is most of the cost of a template (the job page lists twelve); the
# text is the key, so a changed file is parsed afresh.
@lru_cache(maxsize=64)
def parse_template(slug: str, text: str) -> TemplateText:
    match = FRONT_MATTER.match(text)
    if match is None:
        raise TemplateFormatError(f"{slug}: start with front matter between two '---' lines")
    try:
        meta: Any = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise TemplateFormatError(f"{slug}: the front matter is not valid YAML ({error})") from None
    if not isinstance(meta, dict):
        raise TemplateFormatError(f"{slug}: the front matter must be 'key: value' lines")
    if meta.get("kind") != "template":
        raise TemplateFormatError(f"{slug}: 'kind' must be 'template'")
    for key in ("title", "summary"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise TemplateFormatError(f"{slug}: give '{key}'")
    sources = meta.get("sources") or []
    if not isinstance(sources, list) or not sources:
        raise TemplateFormatError(f"{slug}: name at least one source")
    try:
        parsed_sources = tuple(Source(title=item["title"], url=item["url"]) for item in sources)
    except (KeyError, TypeError):
        raise TemplateFormatError(f"{slug}: each source needs a title and a url") from None
    return TemplateText(
        slug=slug,
        title=meta["title"].strip(),
        summary=meta["summary"].strip(),
        sources=parsed_sources,
        body=match.group(2).strip() + "\n",
    )


def load_template(slug: str) -> TemplateText:
    """The template `slug`, read and parsed; `TemplateNotFound` if there is none."""
    return parse_template(slug, template_source(slug))


def published_template(slug: str) -> TemplateText:
    """The template `slug` as the library publishes it now; `TemplateNotFound` if none."""
    resource = (
        Resource.objects.filter(slug=slug, kind=Kind.TEMPLATE)
        .select_related("current_version")
        .first()
    )
    if resource is None or resource.current_version is None:
        raise TemplateNotFound(slug)
    version = resource.current_version
    return TemplateText(
        slug=slug,
        title=version.title,
        summary=version.summary,
        sources=tuple(
            Source(title=item["title"], url=item["url"])
            for item in version.details.get("sources", [])
        ),
        body=version.body.strip() + "\n",
    )


def published_template_titles() -> dict[str, str]:
    """Slug to title of every template in the shared library, in alphabetical order of slug."""
    return dict(
        Resource.objects.filter(
            kind=Kind.TEMPLATE, local_authority__isnull=True, current_version__isnull=False
        )
        .order_by("slug")
        .values_list("slug", "title")
    )
