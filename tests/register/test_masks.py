"""`PAProfile.skills_mask` and `interests_mask` are copies of the profile's skills and
interests (n is bit n - 1, for 1 to 63), which matching reads instead of the rows: every way
they change keeps them in step (the staff's assisted-digital edit and imports are tested beside
their other tests)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from pahub.accounts.seeding import seed_users
from pahub.register.masks import MASKED_IDS, bit_of, mask_of
from pahub.register.models import PAProfile
from pahub.register.profile.services import profile_update
from pahub.taxonomy.models import Interest, Skill, SkillCategory

pytestmark = pytest.mark.django_db


THROUGH = {
    "skills_mask": (PAProfile.skills.through, "skill_id"),
    "interests_mask": (PAProfile.interests.through, "interest_id"),
}


def masks_from_rows(profiles, field: str = "skills_mask") -> dict[int, int]:
    """Each profile's mask worked out from its rows, to compare with the stored one."""
    through, column = THROUGH[field]
    wanted = dict.fromkeys(profiles.values_list("pk", flat=True), 0)
    rows = through.objects.filter(paprofile_id__in=list(wanted))
    for profile_id, pk in rows.values_list("paprofile_id", column):
        wanted[profile_id] |= bit_of(pk)
    return wanted


def stored_masks(profiles, field: str = "skills_mask") -> dict[int, int]:
    return dict(profiles.values_list("pk", field))


def masks_agree(profiles) -> bool:
    return all(
        stored_masks(profiles, field) == masks_from_rows(profiles, field) for field in THROUGH
    )


def stored_mask(profile: PAProfile, field: str = "skills_mask") -> int:
    return PAProfile.objects.values_list(field, flat=True).get(pk=profile.pk)


def skills(*codes: str) -> list[Skill]:
    found = list(Skill.objects.filter(code__in=codes))
    assert len(found) == len(codes)
    return found


def skill_numbered(pk: int) -> Skill:
    return Skill.objects.create(
        pk=pk,
        code=f"test.skill_{pk}",
        category=SkillCategory.objects.first(),
        name=f"Skill {pk}",
        description="A skill for the test.",
    )


def test_skill_n_is_bit_n_minus_1_and_skills_beyond_63_have_no_bit():
    assert [bit_of(pk) for pk in (1, 2, 63)] == [1, 2, 1 << 62]
    assert bit_of(0) == bit_of(MASKED_IDS + 1) == 0
    assert mask_of([1, 3, 64]) == 0b101
    assert mask_of(range(1, 64)) == 2**63 - 1  # never the sign bit


def test_a_pa_changing_their_skills_changes_the_mask(pa_profile, pa):
    washing, dressing, meals = skills(
        "personal_care.washing_bathing", "personal_care.dressing", "food.meal_prep"
    )
    profile_update(profile=pa_profile, changes={"skills": [washing, meals]}, by=pa)
    assert stored_mask(pa_profile) == mask_of([washing.pk, meals.pk])

    profile_update(profile=pa_profile, changes={"skills": [dressing]}, by=pa)
    assert stored_mask(pa_profile) == mask_of([dressing.pk])

    profile_update(profile=pa_profile, changes={"skills": []}, by=pa)
    assert stored_mask(pa_profile) == 0


def test_a_pa_changing_their_interests_changes_the_interests_mask(pa_profile, pa):
    gardening, football = Interest.objects.filter(name__in=["Gardening", "Football"])
    profile_update(profile=pa_profile, changes={"interests": [gardening, football]}, by=pa)
    assert stored_mask(pa_profile, "interests_mask") == mask_of([gardening.pk, football.pk])

    profile_update(profile=pa_profile, changes={"interests": [football]}, by=pa)
    assert stored_mask(pa_profile, "interests_mask") == bit_of(football.pk)


def test_interests_changed_from_their_side_and_deleted_change_the_mask(pa_profile):
    bingo = Interest.objects.get(name="Bingo")
    bingo.profiles.add(pa_profile)
    assert stored_mask(pa_profile, "interests_mask") == bit_of(bingo.pk)

    bingo.delete()

    assert stored_mask(pa_profile, "interests_mask") == 0


def test_the_api_changes_the_mask(client_for, pa, pa_profile):
    response = client_for(pa).put(
        "/api/v1/me/profile",
        {"skills": ["food.meal_prep", "domestic.cleaning"]},
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    assert stored_mask(pa_profile) == mask_of(
        skill.pk for skill in skills("food.meal_prep", "domestic.cleaning")
    )


def test_the_builders_skills_step_changes_the_mask(client_for, pa, pa_profile):
    meals = skills("food.meal_prep")[0]

    response = client_for(pa).post(
        reverse("register:profile_step", args=["skills"]), {"skills": [meals.pk]}
    )

    assert response.status_code == 302
    assert stored_mask(pa_profile) == bit_of(meals.pk)


def test_saving_the_profile_after_changing_skills_keeps_the_new_mask(pa_profile):
    meals = skills("food.meal_prep")[0]
    pa_profile.skills.add(meals)
    pa_profile.skills.remove(*[skill for skill in pa_profile.skills.all() if skill != meals])

    pa_profile.save()

    assert stored_mask(pa_profile) == bit_of(meals.pk) == pa_profile.skills_mask


def test_changes_from_the_skills_side_change_the_mask(pa_profile, other_pa):
    other = PAProfile.objects.create(user=other_pa)
    meals = skills("food.meal_prep")[0]

    meals.profiles.add(pa_profile, other)
    assert masks_from_rows(PAProfile.objects.all()) == stored_masks(PAProfile.objects.all())
    assert stored_mask(other) == bit_of(meals.pk)

    meals.profiles.remove(other)
    assert stored_mask(other) == 0
    assert stored_mask(pa_profile) & bit_of(meals.pk)

    meals.profiles.clear()
    assert masks_from_rows(PAProfile.objects.all()) == stored_masks(PAProfile.objects.all())
    assert not stored_mask(pa_profile) & bit_of(meals.pk)


def test_a_skill_beyond_the_mask_leaves_it_alone(pa_profile):
    before = stored_mask(pa_profile)

    pa_profile.skills.add(skill_numbered(MASKED_IDS + 5))

    assert stored_mask(pa_profile) == before


def test_deleting_a_skill_in_the_admin_clears_its_bit(client_for, admin, pa_profile):
    extra = skill_numbered(60)
    pa_profile.skills.add(extra)
    assert stored_mask(pa_profile) & bit_of(60)

    response = client_for(admin).post(
        reverse("admin:taxonomy_skill_delete", args=[extra.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert stored_mask(pa_profile) == masks_from_rows(PAProfile.objects.all())[pa_profile.pk]
    assert not stored_mask(pa_profile) & bit_of(60)


def test_moderating_a_profile_in_the_admin_keeps_its_mask(client_for, admin, pa_profile):
    before = stored_mask(pa_profile)
    assert before

    response = client_for(admin).post(
        reverse("admin:register_paprofile_change", args=[pa_profile.pk]),
        {
            "display_name": "Jo",
            "about_me": "Kind words.",
            "what_matters": "",
            "other_interests": "[]",
            "languages-TOTAL_FORMS": "0",
            "languages-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert stored_mask(pa_profile) == before


def test_seeded_profiles_have_the_masks_of_their_skills_and_interests():
    call_command("seed", "--pas", "150", "--employers", "0", "--seed", "16", stdout=StringIO())

    profiles = PAProfile.objects.filter(user__in=seed_users(16))
    assert profiles.exclude(skills_mask=0).count() > 100
    assert profiles.exclude(interests_mask=0).count() > 100
    assert masks_agree(profiles)


def test_the_demo_profiles_have_the_masks_of_their_skills_and_interests():
    call_command("demo_data", verbosity=0)

    profiles = PAProfile.objects.exclude(skills=None).exclude(interests=None)
    assert profiles.exists()
    assert masks_agree(profiles)


def test_the_migration_fills_in_every_profiles_masks(pa_profile):
    from importlib import import_module

    migration = import_module("pahub.register.migrations.0018_profile_skills_and_interests_masks")
    pa_profile.skills.add(*skills("food.meal_prep"), skill_numbered(63), skill_numbered(70))
    pa_profile.interests.set(Interest.objects.filter(name__in=["Gardening", "Football"]))
    wanted = {field: masks_from_rows(PAProfile.objects.all(), field) for field in THROUGH}
    assert wanted["skills_mask"][pa_profile.pk] & 1 << 62
    assert wanted["interests_mask"][pa_profile.pk]
    PAProfile.objects.update(skills_mask=0, interests_mask=0)

    with connection.cursor() as cursor:
        cursor.execute(migration.BACKFILL_SKILLS)
        cursor.execute(migration.BACKFILL_INTERESTS)

    assert {field: stored_masks(PAProfile.objects.all(), field) for field in THROUGH} == wanted
