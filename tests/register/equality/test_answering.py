"""Answer, change, decline and delete; bad input; each read and write in the audit log."""

import re

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.equality.models import EqualityMonitoring
from pahub.register.models import PAProfile

QUESTIONS = reverse("register:equality_questions")
BACKGROUND = reverse("register:equality_background")
OVERVIEW = reverse("register:equality")

FIRST_PAGE = {
    "age_band": "25_34",
    "sex": "female",
    "ethnic_group": "asian",
    "disability": "no",
}


def test_a_pa_without_a_profile_answers_and_is_asked_their_background(client_for, pa):
    client = client_for(pa)

    response = client.post(QUESTIONS, FIRST_PAGE)

    assert response.status_code == 302
    assert response.url == BACKGROUND
    page = client.get(BACKGROUND).content.decode()
    assert "Which of the following best describes your Asian or Asian British background?" in page
    assert "Pakistani" in page
    assert "Caribbean" not in page

    response = client.post(BACKGROUND, {"ethnicity": "asian_pakistani"})

    assert response.url == OVERVIEW
    monitoring = EqualityMonitoring.objects.get(profile__user=pa)
    assert (monitoring.age_band, monitoring.ethnicity) == ("25_34", "asian_pakistani")
    assert monitoring.answered_at is not None
    assert monitoring.declined_at is None


def test_prefer_not_to_say_for_ethnic_group_skips_the_background(client_for, pa):
    response = client_for(pa).post(QUESTIONS, FIRST_PAGE | {"ethnic_group": "prefer_not_to_say"})

    assert response.url == OVERVIEW
    assert EqualityMonitoring.objects.get(profile__user=pa).ethnicity == ""


def test_unanswered_questions_are_named_next_to_each_field_and_answers_kept(client_for, pa):
    response = client_for(pa).post(QUESTIONS, {"age_band": "35_44"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "Select your sex, or prefer not to say" in content
    assert "Select your ethnic group, or prefer not to say" in content
    assert "Select yes if you consider yourself disabled, or prefer not to say" in content
    assert 'value="35_44" checked' in content
    assert not EqualityMonitoring.objects.exists()


def test_an_answer_that_is_not_a_choice_is_refused(client_for, pa):
    response = client_for(pa).post(QUESTIONS, FIRST_PAGE | {"age_band": "101"})

    assert response.status_code == 200
    assert "Select your age group, or prefer not to say" in response.content.decode()
    assert not EqualityMonitoring.objects.exists()


def test_a_background_from_another_group_is_refused(client_for, pa):
    client = client_for(pa)
    client.post(QUESTIONS, FIRST_PAGE)

    response = client.post(BACKGROUND, {"ethnicity": "white_irish"})

    assert response.status_code == 200
    assert "Select your background, or prefer not to say" in response.content.decode()
    assert EqualityMonitoring.objects.get(profile__user=pa).ethnicity == ""


def test_the_background_page_without_a_group_goes_to_the_questions(client_for, pa):
    assert client_for(pa).get(BACKGROUND).url == QUESTIONS


def test_changing_the_group_asks_the_background_again(client_for, pa, answered):
    client = client_for(pa)
    page = client.get(QUESTIONS).content.decode()
    assert 'value="16_24" checked' in page

    client.post(QUESTIONS, FIRST_PAGE | {"ethnic_group": "white"})

    answered.refresh_from_db()
    assert answered.ethnic_group == "white"
    assert answered.ethnicity == ""
    assert answered.age_band == "25_34"


def test_keeping_the_group_keeps_the_background(client_for, pa, answered):
    client_for(pa).post(QUESTIONS, FIRST_PAGE | {"ethnic_group": "black"})

    answered.refresh_from_db()
    assert answered.ethnicity == "black_caribbean"


def test_declining_removes_any_answers_and_says_so(client_for, pa, answered):
    client = client_for(pa)

    response = client.post(reverse("register:equality_decline"))

    answered.refresh_from_db()
    assert response.url == OVERVIEW
    assert answered.declined_at is not None
    assert answered.answered_at is None
    assert (answered.age_band, answered.sex, answered.ethnicity) == ("", "", "")
    assert "You told us you do not want to answer" in client.get(OVERVIEW).content.decode()


def test_a_pa_without_a_profile_can_decline(client_for, pa):
    client_for(pa).post(reverse("register:equality_decline"))

    assert PAProfile.objects.get(user=pa).equality_monitoring.declined


def test_deleting_asks_first_then_removes_the_answers(client_for, pa, answered):
    client = client_for(pa)
    delete_url = reverse("register:equality_delete")

    page = client.get(delete_url).content.decode()
    assert "Are you sure you want to delete your equality monitoring answers?" in page
    assert EqualityMonitoring.objects.exists()

    response = client.post(delete_url)

    assert response.url == OVERVIEW
    assert not EqualityMonitoring.objects.exists()


def test_the_decline_and_delete_addresses_refuse_a_get_that_changes_nothing(client_for, pa):
    assert client_for(pa).get(reverse("register:equality_decline")).status_code == 405
    assert client_for(pa).get(reverse("register:equality_delete")).url == OVERVIEW


@pytest.mark.parametrize(
    ("do", "action"),
    [
        (lambda client: client.get(OVERVIEW), "equality.read"),
        (lambda client: client.get(QUESTIONS), "equality.read"),
        (lambda client: client.post(QUESTIONS, FIRST_PAGE), "equality.changed"),
        (lambda client: client.post(reverse("register:equality_decline")), "equality.declined"),
        (lambda client: client.post(reverse("register:equality_delete")), "equality.deleted"),
    ],
)
def test_every_read_and_write_is_audited_without_the_answers(client_for, pa, answered, do, action):
    do(client_for(pa))

    event = AuditEvent.objects.filter(action=action).get()
    assert event.actor == pa
    assert event.target_type == "register.equalitymonitoring"
    # The label ends with the profile's id, which can be any number (16 among them).
    label = re.sub(r" \d+$", "", event.target_label)
    written = f"{label} {event.detail}"
    for answer in ("16", "male", "black", "caribbean", "yes", "25_34", "asian"):
        assert answer not in written.lower()


def test_a_first_answer_is_audited_as_answered(client_for, pa):
    client_for(pa).post(QUESTIONS, FIRST_PAGE | {"ethnic_group": "prefer_not_to_say"})

    assert AuditEvent.objects.filter(action="equality.answered", actor=pa).count() == 1
