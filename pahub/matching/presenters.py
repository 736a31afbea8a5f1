"""What a PA's match card shows, from an engine result: public details only, never a full
name, postcode, email address or phone number. A job's card is `pahub.jobs.matches.presenters`."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import get_language

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


# Distance points vary continuously, so the cache is bounded; the other parts' few values stay.
@lru_cache(maxsize=4096)
def points_text(points: float, max_points: float, language: str | None) -> str:
    """ "7.5 of 10": a part's points as the score's table shows them, exactly as the
    `floatformat` filter writes them (one decimal place, then none) in `language`.

    A page of 50 cards shows some 250 parts but only a few dozen different numbers, and the
    filter (a Decimal, rounded and localised) was a fifth of the cards' rendering time."""
    return f"{floatformat(points, 1)} of {floatformat(max_points, 0)}"


@dataclass(frozen=True)
class PartShown:
    """One row of the score's table: the part, why, and its points in words."""

    label: str
    sentence: str
    points: str


@dataclass(frozen=True)
class ScoreShown:
    number: int
    words: str
    parts: tuple[PartShown, ...]
    reasons: tuple[str, ...]
    missing: tuple[str, ...]
    miles: str
    local_rules: tuple[str, ...] = ()
    # "How matching works", linked from every card: a page of cards reverses it once.
    how_url: str = ""


def how_matching_works_url() -> str:
    return reverse("matching:how_matching_works")


def parts_shown(parts: tuple[ScorePart, ...]) -> tuple[PartShown, ...]:
    """The parts the match asks for (those worth any points), for the score's table."""
    language = get_language()
    return tuple(
        PartShown(
            label=part.label,
            sentence=part.sentence,
            points=points_text(part.points, part.max_points, language),
        )
        for part in parts
        if part.max_points
    )


def score_shown(match: Match, *, how_url: str = "") -> ScoreShown:
    """What a card shows of a match; `how_url` is `how_matching_works_url()`, given by a page
    that shows many cards so it is worked out once."""
    return ScoreShown(
        number=round(match.score),
        words=score_words(match.score),
        parts=parts_shown(match.parts),
        reasons=match.reasons,
        missing=match.missing,
        miles=miles_for_display(match.miles if match.miles != float("inf") else None),
        local_rules=match.local_rules,
        how_url=how_url or how_matching_works_url(),
    )


def pa_cards(results: Sequence[PAResult], *, first: int = 1) -> list[dict]:
    """A card for each result, in order, numbered from `first` (a later page's first)."""
    how_url = how_matching_works_url()
    return [
        pa_card(result, how_url=how_url, number=number)
        for number, result in enumerate(results, start=first)
    ]


def pa_card(result: PAResult, *, how_url: str = "", number: int = 1) -> dict:
    profile = result.profile
    return {
        "number": number,
        "profile_id": profile.pk,
        "name": public_name(profile),
        "district": profile.user.district_id or "",
        "level": LEVEL_NAMES.get(profile.level, ""),
        "profile_url": reverse("register:profile_detail", kwargs={"profile_id": profile.pk}),
        "score": score_shown(result.match, how_url=how_url),
    }
