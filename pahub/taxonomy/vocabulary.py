"""The shared skills taxonomy, interests and languages PA Hub starts with.

Skills come from `data/pa_skills_taxonomy_seed.csv` (49 rows gathered from PA job
descriptions, training funders and the Care Certificate), plus the rows the register
issue asks for that the CSV lacks (PEG feeding, epilepsy, learning disability support,
autism support). Every skill gets a plain-English description that a PA and an employer
both understand, and skills that need specific training are marked specialist: evidence of
one of them counts towards Level 4.

Migration `register.0002` loads this data through the historical models (these models were
register's until `taxonomy.0001` moved them), so the loader only touches fields that exist in
`register.0001`. After that the taxonomy is data that admins edit: loading again only adds
what is missing and never overwrites an admin's change.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pahub.core.forms import FieldInputError

SEED_CSV = Path(__file__).parent / "data" / "pa_skills_taxonomy_seed.csv"

# A few category and skill names read better, or match the words, when changed.
CATEGORY_NAMES = {"Condition awareness": "Support for specific conditions"}
SKILL_NAMES = {
    "personal_care.toileting_continence": "Toileting and continence care (pads, urine bottle)",
    "condition.dementia": "Dementia support",
}

# (code, category as in the CSV, name, the CSV code it comes after)
EXTRA_SKILLS = (
    (
        "health.peg_feeding",
        "Health and medication",
        "PEG feeding (tube feeding)",
        "health.medication",
    ),
    (
        "health.epilepsy",
        "Health and medication",
        "Epilepsy care, including rescue medication",
        "health.peg_feeding",
    ),
    (
        "condition.learning_disability",
        "Condition awareness",
        "Learning disability support",
        "condition.dementia",
    ),
    ("condition.autism", "Condition awareness", "Autism support", "condition.learning_disability"),
)

SPECIALIST_SKILLS = frozenset(
    {
        "mobility.hoist",
        "health.medication",
        "health.delegated_tasks",
        "health.peg_feeding",
        "health.epilepsy",
        "communication.bsl",
        "communication.makaton",
        "communication.aac",
        "wellbeing.behaviour",
        "wellbeing.mental_health",
        "condition.dementia",
    }
)

# Credentials are checked as evidence (DBS, qualifications, driving licence), so a PA does
# not tick them as skills: ticking "Enhanced DBS" would look verified when it is not.
# Admins can switch them on in the admin if that changes.
INACTIVE_CATEGORIES = frozenset({"Credentials"})

DESCRIPTIONS = {
    "personal_care.washing_bathing": (
        "Helping someone wash, bathe or shower in the way they choose, keeping their privacy "
        "and dignity."
    ),
    "personal_care.dressing": (
        "Helping someone choose clothes and get dressed or undressed, at their own pace."
    ),
    "personal_care.grooming_oral": (
        "Helping with hair, shaving, nails and make-up, and cleaning teeth or dentures."
    ),
    "personal_care.toileting_continence": (
        "Helping someone use the toilet, a commode or a urine bottle, and changing continence "
        "pads discreetly."
    ),
    "personal_care.skin_creams": (
        "Applying creams and checking skin for soreness or pressure marks, and saying when "
        "something looks wrong."
    ),
    "personal_care.eating_drinking": (
        "Helping someone eat and drink, including feeding them or cutting food up, at a pace "
        "that suits them."
    ),
    "mobility.bed_transfers": (
        "Helping someone move safely in and out of bed, a chair, the bath or a car, with or "
        "without simple aids like a slide sheet."
    ),
    "mobility.moving_assisting": (
        "Moving and handling someone using the safe techniques you have been trained in, so "
        "neither of you gets hurt."
    ),
    "mobility.hoist": (
        "Using a hoist and slings to move someone safely. You need training on the hoist and "
        "sling the person uses."
    ),
    "mobility.community_mobility": (
        "Helping someone get around at home and when out, including pushing a wheelchair or "
        "walking alongside them."
    ),
    "health.medication": (
        "Reminding someone to take their medicines or, if you are trained and it is agreed in "
        "writing, giving them."
    ),
    "health.prescriptions_monitoring": (
        "Ordering and collecting prescriptions, and keeping an eye on health, such as weight "
        "or blood pressure, as agreed."
    ),
    "health.appointments": (
        "Booking appointments and going with someone to the doctor, dentist or hospital, and "
        "helping them remember what was said."
    ),
    "health.delegated_tasks": (
        "Health tasks a nurse has trained you to do for one person and signed you off for, "
        "such as insulin, catheter, bowel or simple wound care."
    ),
    "health.peg_feeding": (
        "Giving food, drink or medicines through a feeding tube (PEG) and keeping it clean. "
        "You need training from a health professional for the person."
    ),
    "health.epilepsy": (
        "Following someone's seizure plan and keeping them safe during a seizure, and giving "
        "rescue medication if you are trained to."
    ),
    "food.meal_prep": (
        "Planning meals and cooking the food someone likes, including special diets."
    ),
    "food.hygiene": "Storing, preparing and cooking food safely, so nobody gets ill.",
    "domestic.cleaning": (
        "Keeping the home clean and tidy: hoovering, dusting, the kitchen and bathroom, and "
        "washing up."
    ),
    "domestic.laundry_ironing": "Washing and drying clothes, ironing and changing the bed.",
    "domestic.pet_care": "Feeding and looking after pets, and walking the dog.",
    "errands.shopping": (
        "Doing the shopping with someone or for them, and errands like the post office or bank."
    ),
    "admin.paperwork": (
        "Reading and sorting post, filling in forms and keeping papers in order, while the "
        "person makes the decisions."
    ),
    "admin.bills_money": (
        "Helping pay bills and keep track of money, within limits agreed in writing, keeping "
        "receipts."
    ),
    "social.activities": (
        "Going out and doing what the person enjoys, like the cinema, gigs, swimming, hobbies "
        "or holidays."
    ),
    "social.relationships": (
        "Helping someone keep in touch with family and friends, and meet new people."
    ),
    "social.community_access": (
        "Helping someone use local services, clubs, places of worship and support groups."
    ),
    "transport.driving": (
        "Driving the person in their car or yours. Using your own car for work needs "
        "business-use insurance."
    ),
    "transport.public": (
        "Travelling together by bus, Metro or train, and helping plan the journey."
    ),
    "work_edu.support": (
        "Supporting someone at their workplace, college or university, so they can do their "
        "job or studies."
    ),
    "work_edu.skills_job": (
        "Helping someone learn a new skill, look for work or get ready for a job."
    ),
    "communication.general": (
        "Helping someone say what they want and need in the way that works for them, and "
        "making sure others listen."
    ),
    "communication.bsl": (
        "Communicating in British Sign Language with a Deaf person. Add your BSL level in "
        "your languages too."
    ),
    "communication.makaton": (
        "Using Makaton signs and symbols alongside speech, often with people who have a "
        "learning disability."
    ),
    "communication.aac": (
        "Supporting someone to use a communication aid, such as a speech device, an app or a "
        "picture or letter board."
    ),
    "wellbeing.companionship": (
        "Being good company: chatting, listening and offering emotional support."
    ),
    "wellbeing.mental_health": (
        "Supporting someone's mental health and recovery, such as managing anxiety about "
        "going out, following their own plan."
    ),
    "wellbeing.behaviour": (
        "Responding calmly and safely to behaviour that challenges, using the positive "
        "approaches in the person's support plan."
    ),
    "family.childcare": (
        "Supporting a disabled parent to look after their children, in the way the parent wants."
    ),
    "condition.dementia": (
        "Supporting someone living with dementia with patience and routine, understanding how "
        "it affects memory, mood and communication."
    ),
    "condition.learning_disability": (
        "Supporting someone with a learning disability to make their own choices, using easy "
        "words, pictures and routines that work for them."
    ),
    "condition.autism": (
        "Supporting an autistic person in the way that suits them, such as keeping routines, "
        "planning changes ahead and avoiding sensory overload."
    ),
    "condition.ld_autism": (
        "Understanding learning disability and autism, as taught in the Care Certificate."
    ),
    "condition.diabetes": (
        "Understanding diabetes: healthy eating, spotting high or low blood sugar and knowing "
        "what to do."
    ),
    "core.first_aid": "Knowing basic first aid and what to do in an emergency until help arrives.",
    "core.safeguarding": (
        "Recognising abuse or neglect of adults and children, and knowing how to report a concern."
    ),
    "core.infection_control": (
        "Stopping infections spreading: hand washing, gloves and aprons, and dealing safely "
        "with waste and laundry."
    ),
    "core.health_safety": (
        "Working safely, spotting risks in the home and agreeing with the employer how to "
        "reduce them."
    ),
    "core.confidentiality": (
        "Keeping people's personal information private, and only sharing it when it is right to."
    ),
    "credential.dbs_enhanced_adult": (
        "An enhanced DBS certificate with a check of the adults' barred list. Add it as "
        "evidence so staff can check it."
    ),
    "credential.care_certificate": (
        "The Care Certificate: the standards of care new care workers learn. Add it as a "
        "qualification so staff can check it."
    ),
    "credential.diploma": (
        "A Level 2 or Level 3 Diploma in Adult Care, or the Level 2 Adult Social Care "
        "Certificate. Add it as a qualification so staff can check it."
    ),
    "credential.driving_licence": (
        "A full UK driving licence. Say so in the driving questions and add it as evidence so "
        "staff can check it."
    ),
}

INTERESTS = (
    "Animals",
    "Art and painting",
    "Bingo",
    "Board games and puzzles",
    "Cars and motorsport",
    "Cats and other pets",
    "Church or faith community",
    "Computers and technology",
    "Concerts and gigs",
    "Cooking and baking",
    "Crafts",
    "Cricket",
    "Cycling",
    "Dancing",
    "DIY",
    "Dogs",
    "Fashion and beauty",
    "Films",
    "Fishing",
    "Football",
    "Gaming",
    "Gardening",
    "Going to the gym",
    "History and museums",
    "Horse riding",
    "Knitting and sewing",
    "Music",
    "Nature and wildlife",
    "Photography",
    "Playing an instrument",
    "Pubs and socialising",
    "Quizzes",
    "Reading",
    "Rugby",
    "Singing",
    "Swimming",
    "Television",
    "Theatre",
    "Travel and days out",
    "Volunteering",
    "Walking",
    "Writing",
    "Yoga",
)

# (code, name, is_signed). ISO 639 codes where one exists; "bfi" is British Sign Language.
LANGUAGES = (
    ("en", "English", False),
    ("bfi", "British Sign Language (BSL)", True),
    ("makaton", "Makaton", True),
    ("sq", "Albanian", False),
    ("am", "Amharic", False),
    ("ar", "Arabic", False),
    ("bn", "Bengali", False),
    ("bg", "Bulgarian", False),
    ("yue", "Cantonese", False),
    ("cs", "Czech", False),
    ("fa", "Farsi (Persian)", False),
    ("fr", "French", False),
    ("de", "German", False),
    ("el", "Greek", False),
    ("gu", "Gujarati", False),
    ("hi", "Hindi", False),
    ("hu", "Hungarian", False),
    ("ig", "Igbo", False),
    ("ga", "Irish", False),
    ("it", "Italian", False),
    ("ku", "Kurdish", False),
    ("lv", "Latvian", False),
    ("lt", "Lithuanian", False),
    ("ml", "Malayalam", False),
    ("cmn", "Mandarin", False),
    ("ne", "Nepali", False),
    ("ps", "Pashto", False),
    ("pl", "Polish", False),
    ("pt", "Portuguese", False),
    ("pa", "Punjabi", False),
    ("ro", "Romanian", False),
    ("ru", "Russian", False),
    ("gd", "Scottish Gaelic", False),
    ("sk", "Slovak", False),
    ("so", "Somali", False),
    ("es", "Spanish", False),
    ("sw", "Swahili", False),
    ("syl", "Sylheti", False),
    ("tl", "Tagalog (Filipino)", False),
    ("ta", "Tamil", False),
    ("ti", "Tigrinya", False),
    ("tr", "Turkish", False),
    ("uk", "Ukrainian", False),
    ("ur", "Urdu", False),
    ("vi", "Vietnamese", False),
    ("cy", "Welsh", False),
    ("yo", "Yoruba", False),
)


@dataclass(frozen=True)
class SkillRow:
    code: str
    category: str
    name: str
    description: str
    is_specialist: bool
    is_active: bool


def read_seed_csv(path: Path = SEED_CSV) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def skill_rows(path: Path = SEED_CSV) -> list[SkillRow]:
    """The CSV's rows in order, each extra placed after the row it belongs beside."""
    ordered = [(row["id"], row["category"], row["skill"]) for row in read_seed_csv(path)]
    for code, category, name, after in EXTRA_SKILLS:
        position = next(i for i, (existing, _, _) in enumerate(ordered) if existing == after)
        ordered.insert(position + 1, (code, category, name))
    return [
        SkillRow(
            code=code,
            category=CATEGORY_NAMES.get(category, category),
            name=SKILL_NAMES.get(code, name),
            # A KeyError here means a new CSV row needs its plain-English description.
            description=DESCRIPTIONS[code],
            is_specialist=code in SPECIALIST_SKILLS,
            is_active=category not in INACTIVE_CATEGORIES,
        )
        for code, category, name in ordered
    ]


def load(
    *, category_model: Any, skill_model: Any, interest_model: Any, language_model: Any
) -> None:
    """Add whatever is missing; leave rows that exist (an admin may have edited them)."""
    categories: dict[str, Any] = {}
    positions: dict[str, int] = {}
    for row in skill_rows():
        if row.category not in categories:
            categories[row.category] = category_model.objects.get_or_create(
                name=row.category, defaults={"position": len(categories) + 1}
            )[0]
        positions[row.category] = positions.get(row.category, 0) + 1
        skill_model.objects.get_or_create(
            code=row.code,
            defaults={
                "category": categories[row.category],
                "name": row.name,
                "description": row.description,
                "is_specialist": row.is_specialist,
                "is_active": row.is_active,
                "position": positions[row.category],
            },
        )
    for name in INTERESTS:
        interest_model.objects.get_or_create(name=name)
    for code, name, is_signed in LANGUAGES:
        language_model.objects.get_or_create(
            code=code, defaults={"name": name, "is_signed": is_signed}
        )


def load_taxonomy() -> None:
    """Load with today's models: for `manage.py seed`, tests and an existing database."""
    from pahub.taxonomy.models import Interest, Language, Skill, SkillCategory

    load(
        category_model=SkillCategory,
        skill_model=Skill,
        interest_model=Interest,
        language_model=Language,
    )


def load_taxonomy_in_migration(apps: Any, schema_editor: Any) -> None:
    """For `register.0002`: at that point in the migrations the models were register's."""
    load(
        category_model=apps.get_model("register", "SkillCategory"),
        skill_model=apps.get_model("register", "Skill"),
        interest_model=apps.get_model("register", "Interest"),
        language_model=apps.get_model("register", "Language"),
    )


# Free interest tags ("salsa, vintage cars"), shared by PA and employer profiles.
MAX_OTHER_INTERESTS = 10
MAX_INTEREST_LENGTH = 30


def parse_other_interests(raw: str | Iterable[str]) -> list[str]:
    """Free tags, from "salsa, vintage cars" or a list: trimmed, de-duplicated, in order."""
    parts = raw.split(",") if isinstance(raw, str) else list(raw)
    tags: list[str] = []
    for part in parts:
        tag = " ".join(str(part).split())
        if tag and tag.casefold() not in {existing.casefold() for existing in tags}:
            tags.append(tag)
    too_long = [tag for tag in tags if len(tag) > MAX_INTEREST_LENGTH]
    if too_long:
        raise FieldInputError(
            "other_interests",
            f"Each interest must be {MAX_INTEREST_LENGTH} characters or fewer: "
            f"shorten “{too_long[0]}”",
        )
    if len(tags) > MAX_OTHER_INTERESTS:
        raise FieldInputError(
            "other_interests",
            f"Enter up to {MAX_OTHER_INTERESTS} other interests; you entered {len(tags)}",
        )
    return tags
