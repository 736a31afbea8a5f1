"""Building a PA's profile: every change goes through `profile_update`, one transaction each.

The profile builder's pages call `profile_update_step`, the API calls `profile_update`, and
staff helping a PA (assisted digital) can call either with `by=` the staff member. Each
records the steps it answered, audits changes to who can see the profile, and recomputes
the level, because a complete profile is part of Entry level.

The rules a form or an API payload must meet live here as small functions, so the pages and
the API give the same messages; `profile_update` checks them again on the merged state, so
no caller can save a profile that breaks them.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from pahub.core import audit
from pahub.core.forms import FieldInputError
from pahub.core.hours_and_pay import AmountError, read_amount
from pahub.places.models import LocalAuthority
from pahub.register.availability import FULL_WEEK, describe
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.register.queries import badge_items
from pahub.register.services import profile_recompute_level
from pahub.taxonomy.models import Interest, Language, Skill
from pahub.taxonomy.vocabulary import (
    parse_other_interests,
)

# The builder's steps, in the order "Save and continue" walks them, with the profile
# fields each one answers.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("display_name",),
    "about": ("about_me", "what_matters"),
    "interests": ("interests", "other_interests"),
    "languages": ("languages",),
    "photo": ("photo",),
    "skills": ("skills",),
    "experience": (
        "years_experience",
        "experience_kinds",
        "experience_summary",
        "qualifications_summary",
    ),
    "driving": ("has_driving_licence", "has_own_car", "offers_driving"),
    "gender": ("gender",),
    "availability": ("availability",),
    "location": ("travel_miles",),
    "pay": ("hourly_rate",),
    "work": ("work_wanted", "works_for_family"),
    "visibility": ("visibility", "visible_in"),
}
STEPS = tuple(STEP_FIELDS)

EXPERIENCE_KINDS: tuple[tuple[str, str], ...] = (
    ("family", "Caring for a family member or friend"),
    ("pa", "Working as a PA for a disabled or older person"),
    ("home_care", "Home care or a care agency"),
    ("residential", "A care home or supported living"),
    ("health", "The NHS or other health care"),
    ("children", "Working with disabled children or young people"),
    ("learning_disability", "Supporting people with a learning disability or autistic people"),
    ("mental_health", "Mental health services"),
    ("education", "Schools, colleges or youth work"),
    ("volunteering", "Volunteering with disabled or older people"),
)
EXPERIENCE_KIND_LABELS = dict(EXPERIENCE_KINDS)

# The National Living Wage for people aged 21 and over from 1 April 2026. The costs app will
# keep each year's rates in one table; until then this is the one place the figure lives.
NATIONAL_LIVING_WAGE = Decimal("12.71")
MAX_HOURLY_RATE = Decimal("999.99")
MAX_TRAVEL_MILES = 100
MAX_YEARS_EXPERIENCE = 70

SIMPLE_FIELDS = frozenset(
    {
        "display_name",
        "about_me",
        "what_matters",
        "other_interests",
        "years_experience",
        "experience_kinds",
        "experience_summary",
        "qualifications_summary",
        "has_driving_licence",
        "has_own_car",
        "offers_driving",
        "gender",
        "availability",
        "travel_miles",
        "hourly_rate",
        "work_wanted",
        "works_for_family",
        "visibility",
        "is_paused",
    }
)
RELATED_FIELDS = frozenset({"interests", "skills", "visible_in", "languages", "photo"})


# A change breaks a profile rule; `field` says which answer to fix.
ProfileInputError = FieldInputError


# Rules shared by the pages and the API ------------------------------------------------------


HOURLY_RATE_MESSAGES = {
    "not_a_number": "Enter the hourly pay you expect as an amount in pounds, like 13.50",
    "too_small": "The hourly pay you expect must be more than £0",
    "too_big": f"The hourly pay you expect must be £{MAX_HOURLY_RATE} or less",
    "too_precise": "Enter the hourly pay in pounds and pence, like 13.50",
}


def parse_hourly_rate(raw: str) -> Decimal | None:
    """What a person typed, like "£13.50", as pounds; blank means "not saying"."""
    return check_hourly_rate(raw)


def check_hourly_rate(rate: str | Decimal | None) -> Decimal | None:
    if rate is None:
        return None
    try:
        return read_amount(
            rate, places=2, minimum=Decimal(0), maximum=MAX_HOURLY_RATE, above_minimum=True
        )
    except AmountError as error:
        raise ProfileInputError("hourly_rate", HOURLY_RATE_MESSAGES[error.reason]) from None


def pay_warning(rate: Decimal | None) -> str | None:
    """Warn, never block: the PA's age, which decides their legal minimum, is not asked."""
    if rate is None or rate >= NATIONAL_LIVING_WAGE:
        return None
    return (
        f"£{rate} an hour is below the National Living Wage of £{NATIONAL_LIVING_WAGE} for "
        "people aged 21 and over. Employers must pay at least the legal minimum for your age."
    )


def check_driving(*, has_driving_licence: bool, offers_driving: bool) -> None:
    if offers_driving and not has_driving_licence:
        raise ProfileInputError(
            "offers_driving",
            "You can only offer driving if you have a full driving licence. "
            "Select no, or change your answer about a licence",
        )


def check_visibility(*, visibility: str, areas: Iterable[LocalAuthority]) -> None:
    if visibility not in PAProfile.Visibility.values:
        raise ProfileInputError("visibility", "Choose who can see your profile")
    areas = list(areas)
    if visibility == PAProfile.Visibility.LOCAL and not areas:
        raise ProfileInputError(
            "visible_in", "Select at least one area where employers can see your profile"
        )
    not_spokes = [area.name for area in areas if not area.is_spoke]
    if not_spokes:
        raise ProfileInputError(
            "visible_in", f"PA Hub does not run in {not_spokes[0]} yet: choose another area"
        )


def check_whole_number(field: str, value: int | None, *, low: int, high: int, what: str) -> None:
    if value is not None and not low <= value <= high:
        raise ProfileInputError(field, f"{what} must be between {low} and {high}")


def check_simple_values(changes: Mapping[str, Any]) -> None:
    """Checks on single answers; cross-answer rules are checked in `profile_update`."""
    if "travel_miles" in changes:
        if changes["travel_miles"] is None:
            raise ProfileInputError("travel_miles", "Enter how far you will travel, in miles")
        check_whole_number(
            "travel_miles",
            changes["travel_miles"],
            low=1,
            high=MAX_TRAVEL_MILES,
            what="How far you will travel",
        )
    if "years_experience" in changes:
        check_whole_number(
            "years_experience",
            changes["years_experience"],
            low=0,
            high=MAX_YEARS_EXPERIENCE,
            what="Years of experience",
        )
    if "availability" in changes and not 0 <= changes["availability"] <= FULL_WEEK:
        raise ProfileInputError("availability", "Choose times from the weekly grid")
    if "gender" in changes and changes["gender"] not in PAProfile.Gender.values:
        raise ProfileInputError("gender", "Choose woman, man, non-binary or rather not say")
    if "work_wanted" in changes and changes["work_wanted"] not in PAProfile.WorkWanted.values:
        raise ProfileInputError("work_wanted", "Select the work you are looking for")
    unknown_kinds = set(changes.get("experience_kinds", ())) - EXPERIENCE_KIND_LABELS.keys()
    if unknown_kinds:
        raise ProfileInputError(
            "experience_kinds", f"Unknown kind of experience: {sorted(unknown_kinds)[0]}"
        )
    for _, level in changes.get("languages", ()):
        if level not in ProfileLanguage.Level.values:
            raise ProfileInputError("languages", f"Unknown language level: {level}")


# Writes -------------------------------------------------------------------------------------


def steps_answered(changes: Mapping[str, Any]) -> list[str]:
    return [step for step, fields in STEP_FIELDS.items() if set(fields) & changes.keys()]


@transaction.atomic
def profile_update(
    *,
    profile: PAProfile,
    changes: Mapping[str, Any],
    by: Any,
    steps: Iterable[str] | None = None,
) -> PAProfile:
    """Change any of the profile's answers, and record the steps answered.

    `changes` holds model values: Interest, Skill and LocalAuthority objects for the
    many-to-many answers, `[(Language, level), ...]` for languages, the availability
    bitmask, and for `photo` a prepared ContentFile (see `photos.photo_from_upload`) or
    None to remove it. Raises ProfileInputError, saving nothing, if a rule is broken.
    """
    unknown = set(changes) - SIMPLE_FIELDS - RELATED_FIELDS
    if unknown:
        raise ValueError(f"Not a profile answer: {sorted(unknown)}")
    # Lock the row so two tabs saving at once cannot lose each other's completed steps.
    list(PAProfile.objects.select_for_update().filter(pk=profile.pk).values_list("pk"))
    profile.refresh_from_db(
        fields=[
            "completed_steps",
            "visibility",
            "is_paused",
            "has_driving_licence",
            "offers_driving",
            "photo",
        ]
    )
    changes = dict(changes)
    if "other_interests" in changes:
        changes["other_interests"] = parse_other_interests(changes["other_interests"])
    if "hourly_rate" in changes:
        changes["hourly_rate"] = check_hourly_rate(changes["hourly_rate"])
    check_simple_values(changes)
    check_driving(
        has_driving_licence=changes.get("has_driving_licence", profile.has_driving_licence),
        offers_driving=changes.get("offers_driving", profile.offers_driving),
    )
    old_areas = list(profile.visible_in.all())
    new_areas = list(changes.get("visible_in", old_areas))
    old_visibility = profile.visibility
    check_visibility(visibility=changes.get("visibility", old_visibility), areas=new_areas)
    was_paused = profile.is_paused

    update_fields = ["updated_at"]
    for name in SIMPLE_FIELDS & changes.keys():
        setattr(profile, name, changes[name])
        update_fields.append(name)
    answered = steps_answered(changes) if steps is None else list(steps)
    if answered:
        profile.completed_steps = [
            step for step in STEPS if step in profile.completed_steps or step in answered
        ]
        update_fields.append("completed_steps")
    if by is not None and getattr(by, "pk", None) == profile.user_id:
        profile.last_active_at = timezone.now()
        update_fields.append("last_active_at")
    if "photo" in changes:
        _replace_photo(profile, changes["photo"])
        update_fields.append("photo")
    profile.save(update_fields=sorted(set(update_fields)))

    if "interests" in changes:
        profile.interests.set(changes["interests"])
    if "skills" in changes:
        profile.skills.set(changes["skills"])
    if "visible_in" in changes:
        profile.visible_in.set(new_areas)
    if "languages" in changes:
        _replace_languages(profile, changes["languages"])

    _audit_visibility(profile, by, old_visibility, old_areas, new_areas)
    if profile.is_paused != was_paused:
        audit.record(by, "profile.paused" if profile.is_paused else "profile.resumed", profile)
    profile_recompute_level(profile=profile, by=by)
    return profile


def profile_update_step(*, profile: PAProfile, step: str, data: Mapping[str, Any], by) -> PAProfile:
    """Save one page of the builder. Empty `data` still counts the step as answered
    (a PA who chooses not to add a photo has answered the photo question)."""
    if step not in STEP_FIELDS:
        raise ValueError(f"No such profile step: {step}")
    stray = set(data) - set(STEP_FIELDS[step])
    if stray:
        raise ValueError(f"The {step} step does not answer {sorted(stray)}")
    return profile_update(profile=profile, changes=data, by=by, steps=[step])


def profile_set_paused(*, profile: PAProfile, paused: bool, by) -> PAProfile:
    """ "I'm not looking right now": employers stop seeing the profile; nothing else changes."""
    return profile_update(profile=profile, changes={"is_paused": paused}, by=by, steps=[])


def _replace_photo(profile: PAProfile, photo: ContentFile | None) -> None:
    old_name = profile.photo.name
    storage = profile.photo.storage
    if photo is None:
        profile.photo = ""
    else:
        # The file is written now; the old one is removed only once the change is committed.
        profile.photo.save("photo.jpg", photo, save=False)
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))


def _replace_languages(profile: PAProfile, languages: Iterable[tuple[Language, str]]) -> None:
    chosen = {language.pk: (language, level) for language, level in languages}
    ProfileLanguage.objects.filter(profile=profile).delete()
    ProfileLanguage.objects.bulk_create(
        ProfileLanguage(profile=profile, language=language, level=level)
        for language, level in chosen.values()
    )


def _audit_visibility(
    profile: PAProfile,
    by: Any,
    old_visibility: str,
    old_areas: list[LocalAuthority],
    new_areas: list[LocalAuthority],
) -> None:
    old_codes = sorted(area.pk for area in old_areas)
    new_codes = sorted(area.pk for area in new_areas)
    if profile.visibility == old_visibility and old_codes == new_codes:
        return
    audit.record(
        by,
        "profile.visibility_changed",
        profile,
        old=old_visibility,
        new=profile.visibility,
        old_areas=old_codes,
        new_areas=new_codes,
    )


# Reads for the profile card -----------------------------------------------------------------


@dataclass(frozen=True)
class CategorySkills:
    category: Any
    skills: list[Skill]


def skills_by_category(profile: PAProfile) -> list[CategorySkills]:
    """The PA's active skills, grouped in the taxonomy's order: one query."""
    skills = profile.skills.filter(is_active=True).select_related("category")
    skills = skills.order_by("category__position", "category__name", "position", "name")
    return [
        CategorySkills(category=category, skills=list(group))
        for category, group in groupby(skills, key=lambda skill: skill.category)
    ]


def profile_card_context(profile: PAProfile, *, today: date | None = None) -> dict[str, Any]:
    """Everything `register/profile/_card.html` needs; docs/register-profile.md lists it.

    Load `profile` with `select_related("user__local_authority")` (access_profile_for_viewer
    does) so the card's district and area cost no extra queries.
    """
    saved = profile.pk is not None  # a blank profile, not saved yet, has none of these
    interests = [interest.name for interest in profile.interests.all()] if saved else []
    return {
        "profile": profile,
        "languages": list(profile.languages.select_related("language")) if saved else [],
        "skills_by_category": skills_by_category(profile) if saved else [],
        "availability_lines": describe(profile.availability),
        "badge_items": badge_items(profile, today=today),
        "level_name": LEVEL_NAMES[profile.level],
        "interests": [*interests, *profile.other_interests],
        "experience_kinds": [
            EXPERIENCE_KIND_LABELS[kind]
            for kind in profile.experience_kinds
            if kind in EXPERIENCE_KIND_LABELS
        ],
    }


# Looking answers up by the names and codes the API uses -------------------------------------


def interests_by_name(names: Iterable[str]) -> list[Interest]:
    """Interests from the shared list, by name (any case); ProfileInputError names a stranger."""
    wanted = [name.strip() for name in names]
    found = {interest.name.casefold(): interest for interest in Interest.objects.all()}
    unknown = [name for name in wanted if name.casefold() not in found]
    if unknown:
        raise ProfileInputError(
            "interests",
            f"Unknown interest: {unknown[0]}. Put interests that are not on the list in "
            "other_interests",
        )
    return [found[name.casefold()] for name in wanted]


def skills_by_code(codes: Iterable[str]) -> list[Skill]:
    wanted = list(dict.fromkeys(codes))
    found = {skill.code: skill for skill in Skill.objects.filter(code__in=wanted, is_active=True)}
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise ProfileInputError(
            "skills", f"Unknown skill code: {unknown[0]}. See /api/v1/taxonomy/skills"
        )
    return [found[code] for code in wanted]


def languages_by_code(levels: Iterable[tuple[str, str]]) -> list[tuple[Language, str]]:
    """`[(code, level), ...]` to languages; each language once."""
    levels = list(levels)
    codes = [code for code, _ in levels]
    if len(set(codes)) != len(codes):
        raise ProfileInputError("languages", "Give each language only once")
    found = {language.code: language for language in Language.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ProfileInputError("languages", f"Unknown language code: {unknown[0]}")
    return [(found[code], level) for code, level in levels]


def areas_by_code(gss_codes: Iterable[str]) -> list[LocalAuthority]:
    wanted = list(dict.fromkeys(gss_codes))
    found = LocalAuthority.objects.in_bulk(wanted)
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise ProfileInputError("visible_in", f"Unknown local authority code: {unknown[0]}")
    return [found[code] for code in wanted]
