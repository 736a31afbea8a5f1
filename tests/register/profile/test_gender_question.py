"""The optional gender question: asked only so an employer may lawfully ask for a woman or
a man for intimate personal care; "I would rather not say" is an answer; nobody sees it."""

import pytest
from django.urls import reverse

from pahub.register.models import PAProfile
from pahub.register.profile.services import ProfileInputError, profile_update

URL = reverse("register:profile_step", kwargs={"step": "gender"})


def test_the_question_explains_why_it_is_asked_and_that_nobody_sees_it(client_for, pa):
    content = client_for(pa).get(URL).content.decode()

    assert "What is your gender?" in content
    assert "Nobody sees your answer, not even employers." in content
    assert "Equality Act 2010" in content
    assert "intimate personal care" in content
    assert "I would rather not say" in content
    assert "checked" not in content


@pytest.mark.parametrize(
    ("answer", "saved"),
    [("woman", "woman"), ("man", "man"), ("non_binary", "non_binary"), ("rather_not_say", "")],
)
def test_each_answer_is_saved_and_counts_the_step_as_answered(client_for, pa, answer, saved):
    client = client_for(pa)

    response = client.post(URL, {"gender": answer, "then": "later"})

    assert response.url == reverse("register:profile")
    profile = PAProfile.objects.get(user=pa)
    assert profile.gender == saved
    assert profile.completed_steps == ["gender"]
    assert f'value="{answer}" checked' in client.get(URL).content.decode()


def test_skipping_the_question_is_the_same_as_rather_not_say(client_for, pa):
    client = client_for(pa)
    client.post(URL, {"gender": "woman", "then": "later"})

    client.post(URL, {"then": "later"})

    assert PAProfile.objects.get(user=pa).gender == ""
    assert 'value="rather_not_say" checked' in client.get(URL).content.decode()


def test_an_answer_not_on_the_list_is_refused_and_nothing_saved(client_for, pa):
    response = client_for(pa).post(URL, {"gender": "robot", "then": "later"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    profile = PAProfile.objects.filter(user=pa).first()
    assert profile is None or "gender" not in profile.completed_steps


def test_the_service_refuses_an_unknown_gender(pa_profile):
    with pytest.raises(ProfileInputError):
        profile_update(profile=pa_profile, changes={"gender": "robot"}, by=pa_profile.user)


def test_an_employer_never_sees_a_pas_gender(client_for, employer, pa_profile):
    pa_profile.gender = PAProfile.Gender.NON_BINARY
    pa_profile.save(update_fields=["gender"])

    content = (
        client_for(employer)
        .get(reverse("register:profile_detail", args=[pa_profile.pk]))
        .content.decode()
    )

    assert "Non-binary" not in content
    assert "gender" not in content.lower()
