"""The rules a cover request must meet live in the service, so the page's form and the API
refuse the same requests. Called here directly, below both."""

from datetime import time
from decimal import Decimal

import pytest

from pahub.cover.models import CoverRequest
from pahub.cover.services import CoverError, RequestInput, SlotInput, cover_request_create
from pahub.taxonomy.models import Skill
from tests.cover.test_cover_services import next_weekday

pytestmark = pytest.mark.django_db


def ask(employer_profile, **changes) -> CoverRequest:
    values = {
        "slots": [SlotInput(next_weekday(2), time(8), time(11))],
        "address": "12 Grey Street, Newcastle NE1 6AE",
        "hourly_pay": Decimal("14.00"),
        "pool_wait_minutes": 30,
        "task_codes": ["personal_care.washing_bathing"],
    }
    user = employer_profile.user
    return cover_request_create(employer=user, by=user, data=RequestInput(**(values | changes)))


def refusal(employer_profile, **changes) -> CoverError:
    with pytest.raises(CoverError) as error:
        ask(employer_profile, **changes)
    assert not CoverRequest.objects.exists()
    return error.value


def test_a_gender_requirement_without_intimate_care_is_refused(employer_profile):
    error = refusal(employer_profile, required_gender="woman", gender_reason="I prefer it.")

    assert error.field == "includes_intimate_care"
    assert "intimate personal care" in error.message


def test_a_gender_requirement_without_a_reason_is_refused(employer_profile):
    error = refusal(employer_profile, required_gender="man", includes_intimate_care=True)

    assert error.field == "gender_reason"
    assert "Say in your own words" in error.message


def test_a_gender_that_is_not_a_woman_or_a_man_is_refused(employer_profile):
    error = refusal(
        employer_profile,
        required_gender="other",
        includes_intimate_care=True,
        gender_reason="Help with washing.",
    )

    assert error.field == "required_gender"


def test_intimate_care_with_a_reason_allows_a_gender_requirement(employer_profile):
    cover_request = ask(
        employer_profile,
        required_gender="woman",
        includes_intimate_care=True,
        gender_reason="  Help with washing and the toilet.  ",
    )

    assert cover_request.required_gender == "woman"
    assert cover_request.gender_reason == "Help with washing and the toilet."


def test_an_unknown_task_code_is_refused_not_dropped(employer_profile):
    error = refusal(
        employer_profile, task_codes=["personal_care.washing_bathing", "cooking.nonsense"]
    )

    assert error.field == "tasks"
    assert "cooking.nonsense" in error.message


def test_an_unknown_required_skill_code_is_refused_not_dropped(employer_profile):
    error = refusal(employer_profile, required_skill_codes=["no.such.skill"])

    assert error.field == "required_skills"
    assert "no.such.skill" in error.message


def test_a_retired_skill_code_is_refused(employer_profile):
    Skill.objects.filter(code="personal_care.washing_bathing").update(is_active=False)

    error = refusal(employer_profile)

    assert error.field == "tasks"


def test_known_codes_are_all_kept(employer_profile):
    cover_request = ask(employer_profile, required_skill_codes=["personal_care.washing_bathing"])

    assert [skill.code for skill in cover_request.tasks.all()] == ["personal_care.washing_bathing"]
    assert [skill.code for skill in cover_request.required_skills.all()] == [
        "personal_care.washing_bathing"
    ]
