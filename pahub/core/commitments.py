"""Hours a person has already promised elsewhere, for every app that plans their time.

A PA's rota (cover) must count the hours of the regular jobs they were hired for (jobs), but
cover and jobs are siblings and neither may import the other. So apps that know of such hours
register a provider here from their AppConfig.ready(), and cover asks `commitments_for`
without knowing who answered. A provider nobody registered adds nothing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Commitment:
    """Time taken by something other than a cover booking, e.g. a shift of a regular job."""

    starts_at: datetime
    ends_at: datetime
    # What it is, in words for the person: "your regular job “Morning help”".
    label: str


CommitmentProvider = Callable[..., Iterable[Commitment]]
_providers: dict[str, CommitmentProvider] = {}


def register_commitments(name: str, provider: CommitmentProvider) -> None:
    """Let a higher app supply commitments; called as provider(user_id, starts=..., ends=...)."""
    _providers[name] = provider


def commitments_for(user_id: int, *, starts: datetime, ends: datetime) -> list[Commitment]:
    """Everything registered that overlaps `starts` to `ends`, in time order."""
    found = [
        commitment
        for provider in _providers.values()
        for commitment in provider(user_id, starts=starts, ends=ends)
        if commitment.starts_at < ends and commitment.ends_at > starts
    ]
    return sorted(found, key=lambda commitment: (commitment.starts_at, commitment.label))
