"""What a dashboard covers: which local authorities and which months."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Scope:
    # The local authority ids (places.LocalAuthority pk, the ONS code) the figures cover.
    local_authority_ids: frozenset[str]
    # Inclusive first and last day; figures "per month" cover the months these touch.
    start: date
    end: date
    # How the page names it: "Newcastle upon Tyne", "North East", "All your areas".
    label: str
