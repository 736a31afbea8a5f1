"""Looking a job's answers up by the names and codes the API uses (skill codes, interest
names, language codes), refusing unknown ones with the field they came from."""

from collections.abc import Iterable

from pahub.jobs.builder.rules import JobInputError
from pahub.taxonomy.models import Interest, Language, Skill


def skills_by_code(codes: Iterable[str], *, field: str) -> list[Skill]:
    wanted = list(dict.fromkeys(codes))
    found = {skill.code: skill for skill in Skill.objects.filter(code__in=wanted, is_active=True)}
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise JobInputError(field, f"Unknown skill code: {unknown[0]}. See /api/v1/taxonomy/skills")
    return [found[code] for code in wanted]


def interests_by_name(names: Iterable[str]) -> list[Interest]:
    wanted = [name.strip() for name in names]
    found = {interest.name.casefold(): interest for interest in Interest.objects.all()}
    unknown = [name for name in wanted if name.casefold() not in found]
    if unknown:
        raise JobInputError("nice_interests", f"Unknown interest: {unknown[0]}")
    return list({found[name.casefold()].pk: found[name.casefold()] for name in wanted}.values())


def language_by_code(code: str | None) -> Language | None:
    if not code:
        return None
    language = Language.objects.filter(code=code).first()
    if language is None:
        raise JobInputError("required_language", f"Unknown language code: {code}")
    return language
