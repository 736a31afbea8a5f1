"""Register fixtures: a PA with a profile, their evidence, and the current code."""

import pytest
from django.utils import timezone

from pahub.register.availability import mask_from_keys
from pahub.register.models import CodeOfConductVersion, CodeSignature, Evidence, PAProfile
from pahub.taxonomy.models import Skill, SkillCategory


@pytest.fixture
def skill(db) -> Skill:
    category, _ = SkillCategory.objects.get_or_create(name="Personal care")
    return Skill.objects.get_or_create(
        code="personal_care.dressing",
        defaults={
            "category": category,
            "name": "Dressing and undressing",
            "description": "Helping someone choose clothes and get dressed.",
        },
    )[0]


@pytest.fixture
def specialist_skill(db) -> Skill:
    category, _ = SkillCategory.objects.get_or_create(name="Health and medication")
    return Skill.objects.get_or_create(
        code="health.peg_feeding",
        defaults={
            "category": category,
            "name": "PEG feeding",
            "description": "Giving food and fluids through a feeding tube, once trained.",
            "is_specialist": True,
        },
    )[0]


@pytest.fixture
def code_version(db) -> CodeOfConductVersion:
    return CodeOfConductVersion.objects.get_or_create(
        number=1,
        defaults={
            "body": "## Respect\n\nTreat people with respect.",
            "published_at": timezone.now(),
        },
    )[0]


@pytest.fixture
def pa_profile(db, pa, skill) -> PAProfile:
    """A complete profile, visible to any signed-in employer."""
    profile = PAProfile.objects.create(
        user=pa,
        display_name="Jordan",
        about_me="I have cared for my grandad for five years.",
        availability=mask_from_keys(["monday_morning", "tuesday_morning", "saturday_afternoon"]),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        hourly_rate="13.50",
    )
    profile.skills.add(skill)
    return profile


@pytest.fixture
def entry_level_profile(pa_profile, code_version) -> PAProfile:
    Evidence.objects.create(profile=pa_profile, kind=Evidence.Kind.IDENTITY)
    CodeSignature.objects.create(user=pa_profile.user, version=code_version)
    return pa_profile
