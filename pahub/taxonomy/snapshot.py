"""The skills (with their categories) and the languages, kept in each server process.

Every search form offers them and every search turns their codes into ids, so reading them
from the database each time cost each search page two to four queries. They change only
when an admin edits them. Saving or deleting a skill, a category or a language changes a
version in the shared cache (`core/cache_versions.py`), and every process reads them again
the next time it asks: `taxonomy()` costs one cache read while nothing has changed.

A snapshot read inside a transaction is used but never kept: the transaction may hold a change
that others cannot see yet, or that it will roll back, and no process may keep what the
database does not hold. Interests are not here: only employers' and PAs' own pages name them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from django.db import connections
from django.db.models.signals import post_delete, post_save

from pahub.core.cache_versions import bump_now_and_after_commit, current_version
from pahub.taxonomy.models import Language, Skill, SkillCategory

# Change when the snapshot changes shape, so a new release never trusts an old version.
VERSION_KEY = "taxonomy:1:version"


@dataclass(frozen=True)
class SkillEntry:
    pk: int
    code: str
    name: str
    category: str
    is_active: bool


@dataclass(frozen=True)
class LanguageEntry:
    pk: int
    code: str
    name: str


@dataclass(frozen=True)
class Taxonomy:
    """Every skill, in the taxonomy's order (category, position, name), inactive ones too
    (profiles and saved searches may still name them), and every language by name."""

    version: str
    skills: tuple[SkillEntry, ...]
    languages: tuple[LanguageEntry, ...]

    @cached_property
    def _skill_by_code(self) -> dict[str, SkillEntry]:
        return {skill.code: skill for skill in self.skills}

    @cached_property
    def _language_by_code(self) -> dict[str, LanguageEntry]:
        return {language.code: language for language in self.languages}

    def active_skill_choices(self) -> list[tuple[str, str]]:
        """(code, name) of the skills people may choose now."""
        return [(skill.code, skill.name) for skill in self.skills if skill.is_active]

    def active_skills_by_category(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The same, grouped by category, for option groups or one set of boxes each."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for skill in self.skills:
            if skill.is_active:
                groups.setdefault(skill.category, []).append((skill.code, skill.name))
        return list(groups.items())

    def language_choices(self) -> list[tuple[str, str]]:
        return [(language.code, language.name) for language in self.languages]

    def skill_id(self, code: str) -> int | None:
        skill = self._skill_by_code.get(code)
        return skill.pk if skill else None

    def language_id(self, code: str) -> int | None:
        language = self._language_by_code.get(code)
        return language.pk if language else None

    def skill_names(self, codes: Iterable[str]) -> dict[int, str]:
        """{id: name} of the skills with these codes (unknown codes are left out)."""
        found = (self._skill_by_code.get(code) for code in codes)
        return {skill.pk: skill.name for skill in found if skill}

    def language_names(self, codes: Iterable[str]) -> dict[int, str]:
        found = (self._language_by_code.get(code) for code in codes)
        return {language.pk: language.name for language in found if language}


_kept: Taxonomy | None = None


def taxonomy() -> Taxonomy:
    """The skills and languages as the database holds them now."""
    global _kept
    if connections[Skill.objects.db].in_atomic_block:
        return read_taxonomy(version="")
    version = current_version(VERSION_KEY)
    kept = _kept
    if kept is not None and kept.version == version:
        return kept
    _kept = read_taxonomy(version)
    return _kept


def read_taxonomy(version: str) -> Taxonomy:
    skills = Skill.objects.values_list("pk", "code", "name", "category__name", "is_active")
    languages = Language.objects.order_by("name").values_list("pk", "code", "name")
    return Taxonomy(
        version=version,
        skills=tuple(SkillEntry(*row) for row in skills),
        languages=tuple(LanguageEntry(*row) for row in languages),
    )


def forget() -> None:
    """Read again at the next ask (tests, after their database is emptied or rolled back)."""
    global _kept
    _kept = None


def taxonomy_changed(sender, **kwargs) -> None:
    """A skill, category or language was saved or deleted: every process reads them again."""
    bump_now_and_after_commit(VERSION_KEY)


def connect_signals() -> None:
    """Called once, from the taxonomy app's `ready`."""
    for model in (Skill, SkillCategory, Language):
        name = model._meta.model_name
        post_save.connect(taxonomy_changed, sender=model, dispatch_uid=f"taxonomy.{name}.saved")
        post_delete.connect(taxonomy_changed, sender=model, dispatch_uid=f"taxonomy.{name}.deleted")
