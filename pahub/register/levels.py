"""Levels, computed from facts, never typed in (report Fig. 5-2).

Entry:   profile complete, identity declared, current code of conduct signed.
Level 2: Entry + DBS verified and current + induction complete
         + driving licence verified if the PA offers driving.
Level 3: Level 2 + a qualification verified + two references verified.
Level 4: Level 3 + evidence of a specialist skill verified.

Everything here is pure: `LevelFacts` is gathered from the database elsewhere
(`pahub.register.queries.level_facts_for`), so the rules are fast and property-testable.
"""

from dataclasses import dataclass
from datetime import date, timedelta

NONE, ENTRY, LEVEL_2, LEVEL_3, LEVEL_4 = 0, 1, 2, 3, 4
LEVEL_NAMES = {
    NONE: "Not yet on a level",
    ENTRY: "Entry level",
    LEVEL_2: "Level 2",
    LEVEL_3: "Level 3",
    LEVEL_4: "Level 4",
}
REFERENCES_NEEDED = 2
STATUS_CHECK_VALID_DAYS = 365


@dataclass(frozen=True)
class LevelFacts:
    profile_complete: bool = False
    identity_declared: bool = False
    current_code_signed: bool = False
    dbs_current: bool = False
    induction_complete: bool = False
    offers_driving: bool = False
    driving_licence_verified: bool = False
    qualifications_verified: int = 0
    references_verified: int = 0
    specialist_skills_verified: int = 0


@dataclass(frozen=True)
class Requirement:
    level: int
    met: bool
    text: str


def requirements(facts: LevelFacts) -> list[Requirement]:
    """Every requirement, in order, with whether it is met: what a PA reads as "what next"."""
    needed = [
        Requirement(ENTRY, facts.profile_complete, "Complete your profile"),
        Requirement(ENTRY, facts.identity_declared, "Tell us about your identity"),
        Requirement(ENTRY, facts.current_code_signed, "Sign the current code of conduct"),
        Requirement(LEVEL_2, facts.dbs_current, "Have a current DBS certificate checked by staff"),
        Requirement(LEVEL_2, facts.induction_complete, "Complete the induction course"),
    ]
    if facts.offers_driving:
        needed.append(
            Requirement(
                LEVEL_2, facts.driving_licence_verified, "Have your driving licence checked"
            )
        )
    needed += [
        Requirement(LEVEL_3, facts.qualifications_verified >= 1, "Have a qualification checked"),
        Requirement(
            LEVEL_3,
            facts.references_verified >= REFERENCES_NEEDED,
            f"Have {REFERENCES_NEEDED} references checked "
            f"({min(facts.references_verified, REFERENCES_NEEDED)} so far)",
        ),
        Requirement(
            LEVEL_4,
            facts.specialist_skills_verified >= 1,
            "Have evidence of a specialist skill checked",
        ),
    ]
    return needed


def level_for(facts: LevelFacts) -> int:
    """The highest level whose requirements, and all lower levels' requirements, are met."""
    level = NONE
    for candidate in (ENTRY, LEVEL_2, LEVEL_3, LEVEL_4):
        if all(r.met for r in requirements(facts) if r.level <= candidate):
            level = candidate
        else:
            break
    return level


def still_needed_for_next_level(facts: LevelFacts) -> tuple[int | None, list[str]]:
    """The next level up and what is missing for it; (None, []) at Level 4."""
    current = level_for(facts)
    if current == LEVEL_4:
        return None, []
    target = current + 1
    missing = [r.text for r in requirements(facts) if r.level <= target and not r.met]
    return target, missing


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # Clamp to the month's last day (29 February, 31st) so no date is invalid.
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate_day)
        except ValueError:
            continue
    raise ValueError(day)


def dbs_valid_until(
    *,
    issue_date: date,
    max_age_months: int,
    on_update_service: bool,
    status_checked_on: date | None,
    status_check_clear: bool,
) -> date:
    """The last day a verified DBS certificate counts towards a level.

    A certificate counts until it is older than the local authority's rule; when the PA is
    on the Update Service and a status check found no new information, it counts for 12
    months after that check instead, if that is later.
    """
    until = add_months(issue_date, max_age_months)
    if on_update_service and status_checked_on and status_check_clear:
        until = max(until, status_checked_on + timedelta(days=STATUS_CHECK_VALID_DAYS))
    return until
