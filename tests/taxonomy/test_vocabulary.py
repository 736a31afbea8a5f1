"""The shared taxonomy, interests and languages loaded by migration register.0002."""

import pytest

from pahub.taxonomy.models import Interest, Language, Skill, SkillCategory
from pahub.taxonomy.vocabulary import SPECIALIST_SKILLS, load_taxonomy, read_seed_csv

# The issue's list, each with the skill that covers it.
ISSUE_SKILLS = {
    "personal care": "personal_care.washing_bathing",
    "moving and handling": "mobility.moving_assisting",
    "hoists": "mobility.hoist",
    "medication support": "health.medication",
    "continence care": "personal_care.toileting_continence",
    "PEG feeding": "health.peg_feeding",
    "epilepsy": "health.epilepsy",
    "mental health support": "wellbeing.mental_health",
    "learning disability support": "condition.learning_disability",
    "autism support": "condition.autism",
    "dementia support": "condition.dementia",
    "domestic tasks": "domestic.cleaning",
    "cooking": "food.meal_prep",
    "shopping": "errands.shopping",
    "social and leisure support": "social.activities",
    "accompanying to appointments": "health.appointments",
    "driving": "transport.driving",
    "communication support": "communication.general",
    "BSL": "communication.bsl",
    "Makaton": "communication.makaton",
    "admin and paperwork": "admin.paperwork",
}


def test_every_row_of_the_seed_csv_is_a_skill(db):
    codes = {row["id"] for row in read_seed_csv()}

    assert len(codes) == 49
    assert codes <= set(Skill.objects.values_list("code", flat=True))


@pytest.mark.parametrize(("need", "code"), ISSUE_SKILLS.items())
def test_the_issues_list_is_covered_by_an_active_skill(db, need, code):
    assert Skill.objects.filter(code=code, is_active=True).exists(), need


def test_every_skill_has_a_short_plain_english_description(db):
    for skill in Skill.objects.all():
        assert skill.description.endswith("."), skill.code
        assert 20 < len(skill.description) <= 200, skill.code
        assert skill.description.count(". ") <= 1, skill.code


def test_skills_needing_specific_training_are_specialist(db):
    specialist = set(Skill.objects.filter(is_specialist=True).values_list("code", flat=True))

    assert specialist == SPECIALIST_SKILLS
    assert {"mobility.hoist", "health.peg_feeding", "communication.bsl"} <= specialist
    assert not Skill.objects.get(code="domestic.cleaning").is_specialist


def test_credentials_are_evidence_not_skills_to_tick(db):
    credentials = Skill.objects.filter(category__name="Credentials")

    assert credentials.count() == 4
    assert not credentials.filter(is_active=True).exists()


def test_categories_keep_the_csvs_order(db):
    names = list(SkillCategory.objects.values_list("name", flat=True))

    assert names[:3] == ["Personal care", "Moving and handling", "Health and medication"]
    assert names[-1] == "Credentials"


def test_there_are_about_forty_common_interests(db):
    names = set(Interest.objects.values_list("name", flat=True))

    assert len(names) >= 40
    assert {"Gardening", "Football", "Church or faith community", "Dogs"} <= names


def test_languages_include_bsl_and_makaton_as_signed(db):
    signed = set(Language.objects.filter(is_signed=True).values_list("name", flat=True))

    assert signed == {"British Sign Language (BSL)", "Makaton"}
    spoken = set(Language.objects.filter(is_signed=False).values_list("name", flat=True))
    assert {"English", "Polish", "Urdu", "Welsh", "Scottish Gaelic", "Tigrinya"} <= spoken


def test_loading_again_adds_nothing_and_keeps_an_admins_edits(db):
    hoist = Skill.objects.get(code="mobility.hoist")
    hoist.description = "Edited by an admin."
    hoist.save()
    counts = (Skill.objects.count(), Interest.objects.count(), Language.objects.count())

    load_taxonomy()

    assert (Skill.objects.count(), Interest.objects.count(), Language.objects.count()) == counts
    assert Skill.objects.get(code="mobility.hoist").description == "Edited by an admin."


def test_loading_puts_back_a_skill_that_is_missing(db):
    Skill.objects.filter(code="health.epilepsy").delete()

    load_taxonomy()

    assert Skill.objects.get(code="health.epilepsy").is_specialist
