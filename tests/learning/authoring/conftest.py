"""The authoring cast: Tess, staff of a training provider; Remi, staff of another one; a
course of Tess's organisation with one module written; and the shared cast (pa, employer,
verifier of a support agency, admin) from tests/conftest.py."""

import pytest

from pahub.accounts.models import Membership, Organisation
from pahub.learning.authoring import services
from pahub.learning.models import Audience, Course
from tests.factories import OrganisationFactory, make_staff

BODY = (
    "# What a PA does\n\nA PA supports one person at home.\n\n"
    "# Your first day\n\n- Read the support plan\n- Ask questions\n"
)


def answers(*rows: tuple[str, bool, str]) -> list[dict]:
    return [
        {"text": text, "correct": correct, "feedback": feedback} for text, correct, feedback in rows
    ]


TWO_ANSWERS = answers(
    ("The person you work for", True, "Right: you work for them, and follow their plan."),
    ("The council", False, "Not quite: the council may fund support, but the person employs you."),
)


@pytest.fixture
def provider(db) -> Organisation:
    return OrganisationFactory(
        name="Tyneside Care Training", kind=Organisation.Kind.TRAINING_PROVIDER
    )


@pytest.fixture
def other_provider(db) -> Organisation:
    return OrganisationFactory(
        name="Durham Skills College", kind=Organisation.Kind.TRAINING_PROVIDER
    )


@pytest.fixture
def author(provider):
    return make_staff(
        organisation=provider,
        role=Membership.StaffRole.MEMBER,
        email="tess@tyneside-training.example.org",
        full_name="Tess Trainer",
    )


@pytest.fixture
def other_author(other_provider):
    return make_staff(
        organisation=other_provider,
        role=Membership.StaffRole.ADMIN,
        email="remi@durham-skills.example.org",
        full_name="Remi Rivals",
    )


@pytest.fixture
def course(author, provider) -> Course:
    return services.course_create(
        by=author,
        provider=provider,
        title="Moving and handling at home",
        summary="Safe ways to help someone move.",
        audience=Audience.PA,
    )


@pytest.fixture
def draft(course, author):
    draft = services.draft_create(
        course=course,
        by=author,
        title="Starting as a PA",
        summary="What to expect.",
        minutes=10,
        body=BODY,
        pass_mark=80,
        topics=["being_a_pa"],
        care_certificate=["1"],
    )
    services.question_add(draft=draft, by=author, text="Who do you work for?", choices=TWO_ANSWERS)
    draft.refresh_from_db()
    return draft


@pytest.fixture
def repository_course(db) -> Course:
    return Course.objects.create(
        slug="induction", title="Induction", summary="PA Hub's own.", audience=Audience.PA
    )


@pytest.fixture(autouse=True)
def _own_courses_only(without_repository_courses) -> None:
    """Only the courses these tests make."""
