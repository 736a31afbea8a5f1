"""What a PA's match card shows, from an engine result: public details only, never a full
name, postcode, email address or phone number. A job's card is `pahub.jobs.matches.presenters`."""

from dataclasses import dataclass

from django.urls import reverse

from pahub.places.distance import miles_for_display
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile

from .engine import PAResult
from .scoring import Match, ScorePart, score_words


def optional_url(name: str, **kwargs) -> str:
    """The URL of a page; a missing page is a broken link and fails loudly (and in tests)."""
    return reverse(name, kwargs=kwargs or None)


def public_name(profile: PAProfile) -> str:
    """The name a PA shows employers: their display name, else what they are known as, else
    their first name. Never their full name: that stays between them and an employer."""
    if profile.display_name:
        return profile.display_name
    if profile.user.known_as:
        return profile.user.known_as
    return profile.user.full_name.split(" ")[0] if profile.user.full_name else "A PA"


@dataclass(frozen=True)
class ScoreShown:
    number: int
    words: str
    parts: tuple[ScorePart, ...]
    reasons: tuple[str, ...]
    missing: tuple[str, ...]
    miles: str
    local_rules: tuple[str, ...] = ()


def score_shown(match: Match) -> ScoreShown:
    return ScoreShown(
        number=round(match.score),
        words=score_words(match.score),
        parts=tuple(part for part in match.parts if part.max_points),
        reasons=match.reasons,
        missing=match.missing,
        miles=miles_for_display(match.miles if match.miles != float("inf") else None),
        local_rules=match.local_rules,
    )


def pa_card(result: PAResult) -> dict:
    profile = result.profile
    return {
        "profile_id": profile.pk,
        "name": public_name(profile),
        "district": profile.user.district_id or "",
        "level": LEVEL_NAMES.get(profile.level, ""),
        "profile_url": reverse("register:profile_detail", kwargs={"profile_id": profile.pk}),
        "score": score_shown(result.match),
    }
