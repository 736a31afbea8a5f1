"""Reading local rules: which are in force for a council, and what they ask of one job.

`combine` is pure (plain data in, plain data out), so the rule "the strictest wins, retired
and other councils' rules are ignored" is property-tested without a database.
`requirements_for` is the one function the job builder, cover requests and matching call:
every path that builds or matches work applies the same rules and gives the same reason.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from pahub.accounts.models import Organisation
from pahub.places.models import LocalAuthority
from pahub.register.levels import LEVEL_NAMES
from pahub.rules.models import LocalRule
from pahub.taxonomy.dbs import DbsLevel, dbs_rank

Kind = LocalRule.Kind
AppliesTo = LocalRule.AppliesTo


def council_name(local_authority_name: str) -> str:
    """ "Gateshead" as "Gateshead Council", when the council is not on PA Hub by name."""
    if local_authority_name.lower().endswith("council"):
        return local_authority_name
    return f"{local_authority_name} Council"


def council_names(local_authorities: Iterable[LocalAuthority]) -> dict[str, str]:
    """How people name each council: its own organisation's name on PA Hub ("Newcastle City
    Council"), else the area's name with "Council". One query however many councils."""
    by_id = {local_authority.pk: local_authority for local_authority in local_authorities}
    names = {pk: council_name(local_authority.name) for pk, local_authority in by_id.items()}
    rows = (
        Organisation.local_authorities.through.objects.filter(
            localauthority_id__in=list(by_id), organisation__kind=Organisation.Kind.LOCAL_AUTHORITY
        )
        .order_by("-organisation__name")
        .values_list("localauthority_id", "organisation__name")
    )
    # Ordered so that, should two council organisations serve one area, the first by name wins.
    names.update(dict(rows))
    return names


@dataclass(frozen=True)
class RuleFacts:
    """One rule as plain data, for `combine`."""

    council_id: str
    council: str  # "Gateshead Council"
    kind: str
    applies_to: str
    explanation: str
    in_force_from: date
    is_retired: bool = False
    dbs_level: str = ""
    pa_level: int | None = None
    funding_details: str = ""

    @classmethod
    def of(cls, rule: LocalRule, *, council: str) -> "RuleFacts":
        return cls(
            council_id=rule.council_id,
            council=council,
            kind=rule.kind,
            applies_to=rule.applies_to,
            explanation=rule.explanation,
            in_force_from=rule.in_force_from,
            is_retired=rule.is_retired,
            dbs_level=rule.dbs_level,
            pa_level=rule.pa_level,
            funding_details=rule.funding_details,
        )

    @property
    def reason(self) -> str:
        """Why a job must meet it: "Required by Gateshead Council for jobs paid by a direct
        payment". The insurance rule is information, so it says who offers it instead."""
        jobs = (
            "jobs paid by a direct payment"
            if self.applies_to == AppliesTo.DIRECT_PAYMENT
            else "all jobs of employers in its area"
        )
        if self.kind == Kind.EMPLOYER_INSURANCE_FUNDED:
            return f"Offered by {self.council} for {jobs}"
        return f"Required by {self.council} for {jobs}"

    @property
    def requirement_words(self) -> str:
        """What the rule asks, as a short phrase: "An enhanced DBS check"."""
        if self.kind == Kind.DBS_CHECK:
            return f"{DbsLevel(self.dbs_level).label} DBS check or higher"
        if self.kind == Kind.MINIMUM_PA_LEVEL:
            return f"{LEVEL_NAMES.get(self.pa_level or 0, 'A level')} or above on PA Hub"
        return "The council pays for the employer's insurance"

    def applies(self, *, paid_by_direct_payment: bool, on: date) -> bool:
        if self.is_retired or self.in_force_from > on:
            return False
        return self.applies_to == AppliesTo.ALL_JOBS or paid_by_direct_payment


@dataclass(frozen=True)
class Requirement:
    """The strictest rule of one kind: its rank (DBS rank or PA level) and why."""

    rank: int
    reason: str
    explanation: str
    dbs_level: str = ""


@dataclass(frozen=True)
class Note:
    """Information a rule gives rather than a requirement (the council funds insurance)."""

    reason: str
    explanation: str
    funding_details: str


@dataclass(frozen=True)
class Requirements:
    dbs: Requirement | None = None
    level: Requirement | None = None
    notes: tuple[Note, ...] = ()

    @property
    def dbs_rank(self) -> int:
        return self.dbs.rank if self.dbs else 0

    @property
    def min_level(self) -> int:
        return self.level.rank if self.level else 0

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.min_level, "")

    def reasons_for(self, *, dbs_rank: int, level: int) -> dict[str, str]:
        """The council's reason for each must-have its rules set on a job or shift asking
        `dbs_rank` and `level`: only where it asks exactly what the rule asks (asking more is
        the employer's own choice), keyed "dbs" and "level" as matching's `JobNeeds` takes."""
        reasons = {}
        if self.dbs and dbs_rank == self.dbs.rank:
            reasons["dbs"] = self.dbs.reason
        if self.level and level == self.level.rank:
            reasons["level"] = self.level.reason
        return reasons


NO_REQUIREMENTS = Requirements()


def combine(
    rules: Iterable[RuleFacts],
    *,
    council_id: str | None,
    paid_by_direct_payment: bool,
    on: date,
) -> Requirements:
    """What the rules ask of one job: the strictest DBS check and PA level in force, each
    with its reason, and the information notes. Retired rules, rules not yet in force and
    other councils' rules are ignored. On a tie the earliest rule gives the reason."""
    dbs: Requirement | None = None
    level: Requirement | None = None
    notes: list[Note] = []
    ordered = sorted(rules, key=lambda rule: rule.in_force_from)
    for rule in ordered:
        if council_id is None or rule.council_id != council_id:
            continue
        if not rule.applies(paid_by_direct_payment=paid_by_direct_payment, on=on):
            continue
        if rule.kind == Kind.DBS_CHECK:
            rank = dbs_rank(rule.dbs_level)
            if dbs is None or rank > dbs.rank:
                dbs = Requirement(rank, rule.reason, rule.explanation, rule.dbs_level)
        elif rule.kind == Kind.MINIMUM_PA_LEVEL:
            rank = rule.pa_level or 0
            if level is None or rank > level.rank:
                level = Requirement(rank, rule.reason, rule.explanation)
        else:
            notes.append(Note(rule.reason, rule.explanation, rule.funding_details))
    return Requirements(dbs=dbs, level=level, notes=tuple(notes))


def rules_in_force(local_authority_id: str) -> list[LocalRule]:
    """The council's rules that are not retired, in force now or from a date already set
    (the pages say which): what the public rules page and the spoke page list. One query."""
    return list(
        LocalRule.objects.filter(council_id=local_authority_id, is_retired=False)
        .select_related("council")
        .order_by("in_force_from", "kind", "pk")
    )


def rules_for_council(local_authority_id: str) -> QuerySet[LocalRule]:
    """Every rule of the council, retired ones too, for its staff's list."""
    return (
        LocalRule.objects.filter(council_id=local_authority_id)
        .select_related("council", "created_by")
        .order_by("is_retired", "in_force_from", "kind", "pk")
    )


def facts_by_council(council_ids: Iterable[str]) -> dict[str, list[RuleFacts]]:
    """The live rules of several councils, as plain data, in one query."""
    grouped: dict[str, list[RuleFacts]] = defaultdict(list)
    wanted = {council_id for council_id in council_ids if council_id}
    if not wanted:
        return grouped
    rules = list(
        LocalRule.objects.filter(council_id__in=wanted, is_retired=False).select_related("council")
    )
    names = council_names({rule.council for rule in rules}) if rules else {}
    for rule in rules:
        grouped[rule.council_id].append(RuleFacts.of(rule, council=names[rule.council_id]))
    return grouped


def requirements_for(
    local_authority_id: str | None, paid_by_direct_payment: bool, *, on: date | None = None
) -> Requirements:
    """What the council's rules in force ask of a job of an employer in its area (one query;
    none when the employer's council is not known)."""
    if not local_authority_id:
        return NO_REQUIREMENTS
    return combine(
        facts_by_council([local_authority_id]).get(local_authority_id, []),
        council_id=local_authority_id,
        paid_by_direct_payment=paid_by_direct_payment,
        on=on or timezone.localdate(),
    )


def requirements_for_many(
    keys: Iterable[tuple[str | None, bool]], *, on: date | None = None
) -> dict[tuple[str | None, bool], Requirements]:
    """`requirements_for` for many (council, paid by a direct payment) pairs in one query,
    for lists of jobs and matching."""
    keys = set(keys)
    on = on or timezone.localdate()
    facts = facts_by_council(council_id for council_id, _ in keys if council_id)
    return {
        (council_id, paid): combine(
            facts.get(council_id or "", []),
            council_id=council_id,
            paid_by_direct_payment=paid,
            on=on,
        )
        for council_id, paid in keys
    }


def council_of(local_authority: LocalAuthority) -> str:
    return council_names([local_authority])[local_authority.pk]
