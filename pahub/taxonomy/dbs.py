"""The DBS ladder: the one definition of the criminal record checks PA Hub knows.

Each rung includes everything the ones below it show, so a PA whose check is at or above
the rung a job asks for meets that must-have. Evidence stores the check a certificate
shows; jobs and cover requests store the lowest check they accept; profiles, jobs and
cover requests keep the rung's rank (its position here) so matching compares integers.

The stored values are the database's: adding a rung means adding it here in its place
(every rank above it moves up, so recompute `dbs_rank`, `required_dbs_rank` with a data
migration), and the forms, models' choices and the API's accepted values follow.
"""

from types import MappingProxyType
from typing import Literal

from django.db import models


class DbsLevel(models.TextChoices):
    """The rungs, lowest first. Their order is their rank: `NONE` is 0."""

    # A job or cover request may ask for no check at all; it is stored as "" so the blank
    # form answer and the default are the same thing. A certificate is never "none", so
    # evidence offers only `CERTIFICATE_CHOICES` (the rungs above it).
    NONE = "", "No DBS check needed"
    BASIC = "basic", "Basic"
    STANDARD = "standard", "Standard"
    ENHANCED = "enhanced", "Enhanced"
    ENHANCED_ADULTS_BARRED = "enhanced_adults", "Enhanced with adults' barred list"


# Each rung's rank, its position on the ladder: {"": 0, "basic": 1, ... "enhanced_adults": 4}.
DBS_RANKS: MappingProxyType[str, int] = MappingProxyType(
    {level.value: rank for rank, level in enumerate(DbsLevel)}
)

# What a DBS certificate can show, for evidence: every rung but none.
CERTIFICATE_CHOICES: list[tuple[str, str]] = [
    (level.value, level.label) for level in DbsLevel if level != DbsLevel.NONE
]

# The values the API accepts for a must-have check, built from the ladder so the two cannot
# drift. `Literal[("a", "b")]` is `Literal["a", "b"]`; type checkers cannot follow it, pydantic
# and the OpenAPI schema (an enum) do.
DbsValue = Literal[tuple(DbsLevel.values)]  # type: ignore[valid-type]


def dbs_rank(value: str) -> int:
    """The rank of a stored check; 0 (none) for blank or a value the ladder does not know."""
    return DBS_RANKS.get(value, 0)
