"""A job's must-haves in words: the one place their sentences are written.

Pure (no ORM): callers pass plain data (`MustHaves`), so the same sentences serve a job, a
cover shift and a PA's gaps on a match. Three audiences read them, and the wording differs
on purpose, so it is a parameter (`Wording`) rather than three functions that drift:

- `NEEDS`: what keeps a PA from a job, on a match or when they apply; one gap a line, each
  starting "Needs" ("Needs an enhanced DBS check", "Needs hoist use").
- `ADVERT`: the public vacancy page, read by anyone ("An enhanced DBS check", "Speaks or
  signs Polish"). It never shows the employer's own reason for a gender requirement, which
  may describe their body or health; only the lawful ground.
- `CHECKLIST`: what the employer checks and prints (the job's summary, printable description
  and advert) and what a PA reads on a cover offer, as a list to tick ("A DBS check: enhanced
  or higher", "Uses Polish"). The employer's reason follows a gender requirement when the
  caller passes it (their own printout does; a PA's cover offer does not).

`scoring.unmet_must_haves` decides *which* must-haves a PA misses and says them here.
"""

from dataclasses import dataclass
from enum import StrEnum

# By the rank of the check (`taxonomy.dbs.DBS_RANKS`: 1 basic to 4 enhanced with
# the adults' barred list), as a noun phrase and as the type named on a checklist.
DBS_CHECKS: dict[int, str] = {
    1: "a basic DBS check",
    2: "a standard DBS check",
    3: "an enhanced DBS check",
    4: "an enhanced DBS check with the adults' barred list",
}
DBS_TYPES: dict[int, str] = {
    1: "basic",
    2: "standard",
    3: "enhanced",
    4: "enhanced with adults' barred list",
}
GENDER_WORDS: dict[str, str] = {"woman": "a woman", "man": "a man"}
DRIVER = "a driver with their own car"


class Wording(StrEnum):
    NEEDS = "needs"
    ADVERT = "advert"
    CHECKLIST = "checklist"


@dataclass(frozen=True)
class MustHaves:
    """A job's (or a cover shift's) must-haves, as plain words and numbers."""

    # 0 for none, else the rank of the DBS check needed (see DBS_CHECKS).
    dbs_rank: int = 0
    requires_driver: bool = False
    # Names of the languages, in the order to show them.
    languages: tuple[str, ...] = ()
    # "woman", "man" or "" (only where the Equality Act's occupational requirement applies).
    gender: str = ""
    # The employer's own reason for a gender requirement: shown on a checklist when given.
    gender_reason: str = ""
    # Names of the skills the PA must already have, in the order to show them.
    skills: tuple[str, ...] = ()
    # What the intimate personal care is part of: "job" or "shift".
    work: str = "job"


def capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def must_haves_in_words(must_haves: MustHaves, *, wording: Wording) -> list[str]:
    """One line per must-have, in a fixed order: DBS, driving, languages, gender, skills."""
    lines = []
    if must_haves.dbs_rank:
        lines.append(dbs_words(must_haves.dbs_rank, wording))
    if must_haves.requires_driver:
        lines.append(f"Needs {DRIVER}" if wording == Wording.NEEDS else capitalised(DRIVER))
    for language in must_haves.languages:
        verb = {Wording.NEEDS: "Needs", Wording.ADVERT: "Speaks or signs"}.get(wording, "Uses")
        lines.append(f"{verb} {language}")
    if must_haves.gender:
        lines.append(gender_words(must_haves, wording))
    if must_haves.skills:
        if wording == Wording.NEEDS:
            lines += [f"Needs {skill}" for skill in must_haves.skills]
        elif wording == Wording.ADVERT:
            lines.append(f"Can do: {', '.join(must_haves.skills)}")
        else:
            lines.append(f"Can already do: {', '.join(must_haves.skills)}")
    return lines


def dbs_words(rank: int, wording: Wording) -> str:
    if wording == Wording.CHECKLIST:
        return f"A DBS check: {DBS_TYPES.get(rank, 'any type')} or higher"
    check = DBS_CHECKS.get(rank, "a DBS check")
    return f"Needs {check}" if wording == Wording.NEEDS else capitalised(check)


def gender_words(must_haves: MustHaves, wording: Wording) -> str:
    who = GENDER_WORDS.get(must_haves.gender, must_haves.gender)
    if wording == Wording.NEEDS:
        return f"Needs {who}, for intimate personal care"
    if wording == Wording.ADVERT:
        return f"{capitalised(who)}: the {must_haves.work} includes intimate personal care"
    line = f"{capitalised(who)}, because the {must_haves.work} includes intimate personal care"
    return f"{line}: {must_haves.gender_reason}" if must_haves.gender_reason else line
