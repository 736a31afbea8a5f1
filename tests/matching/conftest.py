"""Matching fixtures: PAs with profiles around Newcastle, and a helper to make more.

Amira (the `employer`, NE1) posts `open_job`: weekday early mornings, 15 hours, washing and
dressing. `jordan` (the `pa`, NE3) is a good match for it; `make_pa` makes anyone else.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.places.models import LocalAuthority
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.taxonomy.models import Interest, Language, Skill
from tests.factories import UserFactory

WEEKDAY_EARLY = [f"{day}_early" for day in ("monday", "tuesday", "wednesday", "thursday", "friday")]


def skill_ids(*codes: str) -> list[int]:
    return list(Skill.objects.filter(code__in=codes).values_list("pk", flat=True))


def make_pa(
    *,
    postcode: str = "NE3 1AA",
    name: str = "A PA",
    email: str | None = None,
    skills: tuple[str, ...] = ("personal_care.washing_bathing", "personal_care.dressing"),
    interests: tuple[str, ...] = (),
    languages: tuple[str, ...] = ("en",),
    availability: list[str] | None = None,
    visible_in: tuple[str, ...] = (),
    days_inactive: int = 1,
    **fields,
) -> PAProfile:
    """A PA who would match `open_job` unless told otherwise: visible to every employer,
    free on weekday early mornings, travels 10 miles, with washing and dressing."""
    user = UserFactory(
        full_name=f"{name} Surname",
        postcode=postcode,
        roles=[Role.PA],
        **({"email": email} if email else {}),
    )
    defaults = {
        "display_name": name,
        "about_me": "I like helping people.",
        "availability": mask_from_keys(WEEKDAY_EARLY if availability is None else availability),
        "visibility": PAProfile.Visibility.ALL_EMPLOYERS,
        "travel_miles": 10,
        "last_active_at": timezone.now() - timedelta(days=days_inactive),
    }
    profile = PAProfile.objects.create(user=user, **(defaults | fields))
    profile.skills.set(Skill.objects.filter(code__in=skills))
    profile.interests.set(Interest.objects.filter(name__in=interests))
    for code in languages:
        ProfileLanguage.objects.create(
            profile=profile,
            language=Language.objects.get(code=code),
            level=ProfileLanguage.Level.FLUENT,
        )
    profile.visible_in.set(LocalAuthority.objects.filter(name__in=visible_in))
    return profile


@pytest.fixture
def jordan(pa) -> PAProfile:
    """Jordan (the `pa`, NE3): washing, dressing and meal preparation; free on weekday early mornings
    and Saturday afternoons; Level 2 with a standard DBS check; likes gardening and football."""
    profile = PAProfile.objects.create(
        user=pa,
        display_name="Jordan",
        about_me="I cared for my grandad for five years.",
        availability=mask_from_keys([*WEEKDAY_EARLY, "saturday_afternoon"]),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        travel_miles=10,
        level=2,
        dbs_rank=2,
        years_experience=5,
        last_active_at=timezone.now() - timedelta(days=2),
    )
    profile.skills.set(
        Skill.objects.filter(
            code__in=[
                "personal_care.washing_bathing",
                "personal_care.dressing",
                "food.meal_prep",
            ]
        )
    )
    profile.interests.set(Interest.objects.filter(name__in=["Gardening", "Football"]))
    ProfileLanguage.objects.create(
        profile=profile, language=Language.objects.get(code="en"), level="first"
    )
    return profile
