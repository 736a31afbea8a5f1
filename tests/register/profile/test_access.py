"""Who reaches the profile builder: PAs do; employers are refused; visitors sign in first."""

import pytest
from django.urls import reverse

from pahub.register.models import PAProfile
from pahub.register.profile.steps import BUILDER_STEPS

BUILDER_PAGES = [
    ("register:profile", {}),
    ("register:profile_preview", {}),
    *[("register:profile_step", {"step": step.name}) for step in BUILDER_STEPS],
]
PAGE_IDS = [kwargs.get("step", name.split(":")[1]) for name, kwargs in BUILDER_PAGES]


@pytest.mark.parametrize(("name", "kwargs"), BUILDER_PAGES, ids=PAGE_IDS)
def test_anonymous_visitor_is_sent_to_sign_in(client, db, name, kwargs):
    url = reverse(name, kwargs=kwargs)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize(("name", "kwargs"), BUILDER_PAGES, ids=PAGE_IDS)
def test_employer_is_refused_the_pa_profile_builder(client_for, employer, name, kwargs):
    response = client_for(employer).get(reverse(name, kwargs=kwargs))

    assert response.status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), BUILDER_PAGES, ids=PAGE_IDS)
def test_pa_can_open_every_page_of_the_builder(client_for, pa, name, kwargs):
    response = client_for(pa).get(reverse(name, kwargs=kwargs))

    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize(("name", "kwargs"), BUILDER_PAGES[2:], ids=PAGE_IDS[2:])
def test_every_step_has_a_back_link_to_the_overview(client_for, pa, name, kwargs):
    content = client_for(pa).get(reverse(name, kwargs=kwargs)).content.decode()

    assert f'href="{reverse("register:profile")}" class="govuk-back-link"' in content


def test_an_unknown_step_is_not_found(client_for, pa):
    response = client_for(pa).get("/register/profile/favourite-colour/")

    assert response.status_code == 404


def test_anonymous_visitor_cannot_pause_a_profile(client, db):
    response = client.post(reverse("register:profile_pause"), {"paused": "yes"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_employer_cannot_use_the_pause_button(client_for, employer):
    response = client_for(employer).post(reverse("register:profile_pause"), {"paused": "yes"})

    assert response.status_code == 403


def test_pausing_needs_a_post(client_for, pa):
    response = client_for(pa).get(reverse("register:profile_pause"))

    assert response.status_code == 405


def test_first_visit_shows_a_blank_profile_and_saves_nothing(client_for, pa):
    response = client_for(pa).get(reverse("register:profile"))

    content = response.content.decode()
    assert not PAProfile.objects.filter(user=pa).exists()
    assert content.count("Not started") == len(BUILDER_STEPS)
    assert "Completed" not in content
    assert f"You have completed 0 of {len(BUILDER_STEPS)} sections" in content


def test_the_first_save_makes_the_profile(client_for, pa):
    client = client_for(pa)
    client.get(reverse("register:profile_step", kwargs={"step": "name"}))
    assert not PAProfile.objects.filter(user=pa).exists()

    client.post(reverse("register:profile_step", kwargs={"step": "name"}), {"display_name": "Jo"})

    assert PAProfile.objects.get(user=pa).completed_steps == ["name"]
