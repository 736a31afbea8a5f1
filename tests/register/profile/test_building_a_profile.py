"""A PA builds their profile step by step, can stop and come back, and nothing is lost."""

import pytest
from django.urls import reverse

from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.register.profile.services import STEP_FIELDS
from pahub.register.profile.steps import BUILDER_STEPS, STEP_BY_NAME
from pahub.taxonomy.models import Interest, Language, Skill


def step_url(step: str) -> str:
    return reverse("register:profile_step", kwargs={"step": step})


def answers() -> dict[str, dict]:
    """A good answer to every step (the photo step may be answered with nothing)."""
    return {
        "name": {"display_name": "Jordan"},
        "about": {
            "about_me": "I cared for my grandad for five years.",
            "what_matters": "Being on time and having a laugh.",
        },
        "interests": {
            "interests": [Interest.objects.get(name=name).pk for name in ("Gardening", "Football")],
            "other_interests": "salsa dancing,  vintage cars , Salsa dancing",
        },
        "languages": {"language_en": "first", "language_bfi": "conversational"},
        "photo": {},
        "skills": {
            "skills": [
                Skill.objects.get(code=code).pk
                for code in ("personal_care.dressing", "mobility.hoist")
            ]
        },
        "experience": {
            "years_experience": "5",
            "experience_kinds": ["family", "pa"],
            "experience_summary": "Two years with a young man who loves football.",
            "qualifications_summary": "Care Certificate",
        },
        "driving": {"has_driving_licence": "yes", "has_own_car": "no", "offers_driving": "yes"},
        "gender": {"gender": "woman"},
        "availability": {"availability": ["monday_morning", "friday_sleep_in"]},
        "location": {"travel_miles": "12"},
        "pay": {"hourly_rate": "£13.50"},
        "work": {"work_wanted": "cover", "works_for_family": "yes"},
        "visibility": {"visibility": "local", "visible_in": ["E08000021"]},
    }


def test_the_builder_steps_are_the_services_steps_in_the_same_order():
    assert [step.name for step in BUILDER_STEPS] == list(STEP_FIELDS)


def test_save_and_continue_walks_every_step_then_returns_to_the_overview(client_for, pa):
    client = client_for(pa)
    names = [step.name for step in BUILDER_STEPS]

    for position, (step, data) in enumerate(answers().items()):
        response = client.post(step_url(step), {**data, "then": "continue"})

        assert response.status_code == 302, (
            step,
            response.context and response.context["form"].errors,
        )
        if position + 1 < len(names):
            assert response.url == step_url(names[position + 1])
        else:
            assert response.url == reverse("register:profile")

    profile = PAProfile.objects.get(user=pa)
    assert profile.completed_steps == names
    assert profile.display_name == "Jordan"
    assert profile.other_interests == ["salsa dancing", "vintage cars"]
    assert sorted(profile.interests.values_list("name", flat=True)) == ["Football", "Gardening"]
    assert {(item.language.code, item.level) for item in profile.languages.all()} == {
        ("en", "first"),
        ("bfi", "conversational"),
    }
    assert sorted(profile.skills.values_list("code", flat=True)) == [
        "mobility.hoist",
        "personal_care.dressing",
    ]
    assert profile.years_experience == 5
    assert profile.experience_kinds == ["family", "pa"]
    assert profile.qualifications_summary == "Care Certificate"
    assert (profile.has_driving_licence, profile.has_own_car, profile.offers_driving) == (
        True,
        False,
        True,
    )
    assert profile.availability == mask_from_keys(["monday_morning", "friday_sleep_in"])
    assert profile.travel_miles == 12
    assert str(profile.hourly_rate) == "13.50"
    assert profile.work_wanted == "cover"
    assert profile.visibility == "local"
    assert list(profile.visible_in.values_list("gss_code", flat=True)) == ["E08000021"]


def test_the_overview_shows_each_answered_step_as_completed_in_words(client_for, pa):
    client = client_for(pa)
    client.post(step_url("name"), {"display_name": "Jordan", "then": "later"})

    content = client.get(reverse("register:profile")).content.decode()

    assert 'id="task-name-status">\n                Completed' in content
    assert content.count("Not started") == len(BUILDER_STEPS) - 1
    assert f"You have completed 1 of {len(BUILDER_STEPS)} sections" in content


def test_save_and_come_back_later_returns_to_the_overview_with_the_answer_kept(client_for, pa):
    client = client_for(pa)

    response = client.post(
        step_url("about"), {"about_me": "I love walking.", "what_matters": "", "then": "later"}
    )

    assert response.url == reverse("register:profile")
    follow = client.get(response.url)
    assert "Your answers have been saved" in follow.content.decode()
    assert PAProfile.objects.get(user=pa).completed_steps == ["about"]


def test_coming_back_shows_every_answer_given_before(client_for, pa):
    client = client_for(pa)
    for step, data in answers().items():
        client.post(step_url(step), {**data, "then": "later"})

    later = client_for(pa)
    pages = {step.name: later.get(step_url(step.name)).content.decode() for step in BUILDER_STEPS}

    assert 'value="Jordan"' in pages["name"]
    assert "I cared for my grandad for five years.</textarea>" in pages["about"]
    assert 'value="salsa dancing, vintage cars"' in pages["interests"]
    gardening = Interest.objects.get(name="Gardening").pk
    assert f'value="{gardening}" checked' in pages["interests"]
    assert '<option value="first" selected>First language</option>' in pages["languages"]
    hoist = Skill.objects.get(code="mobility.hoist").pk
    assert f'value="{hoist}" checked' in pages["skills"]
    assert 'value="5"' in pages["experience"]
    assert 'value="yes" checked' in pages["driving"]
    assert 'value="monday_morning" checked' in pages["availability"]
    assert 'value="tuesday_morning" checked' not in pages["availability"]
    assert 'value="12"' in pages["location"]
    assert 'value="13.50"' in pages["pay"]
    assert 'value="cover" checked' in pages["work"]
    assert 'name="works_for_family" type="radio" value="yes" checked' in pages["work"]
    assert 'value="local" checked' in pages["visibility"]
    assert 'value="E08000021" checked' in pages["visibility"]


def test_an_unanswered_yes_no_question_starts_with_nothing_selected(client_for, pa):
    content = client_for(pa).get(step_url("driving")).content.decode()

    assert "checked" not in content


def test_languages_list_signed_languages_first_with_not_spoken_as_the_default(client_for, pa):
    content = client_for(pa).get(step_url("languages")).content.decode()

    assert content.index("British Sign Language (BSL)") < content.index("English")
    assert content.index("Makaton") < content.index("English")
    assert content.index("English") < content.index("Polish")
    assert '<option value="" selected>Not spoken</option>' in content
    assert Language.objects.count() == content.count("<select")


def test_other_spoken_languages_open_only_when_one_is_chosen(client_for, pa):
    client = client_for(pa)
    closed = client.get(step_url("languages")).content.decode()
    client.post(step_url("languages"), {"language_pl": "fluent", "then": "later"})

    opened = client.get(step_url("languages")).content.decode()

    assert '<details class="govuk-details">' in closed
    assert '<details class="govuk-details" open>' in opened


def test_skills_are_grouped_in_one_fieldset_per_category_with_descriptions(client_for, pa):
    content = client_for(pa).get(step_url("skills")).content.decode()

    assert content.count('<fieldset class="govuk-fieldset') >= 10
    assert '<h2 class="govuk-fieldset__heading">Moving and handling</h2>' in content
    hoist = Skill.objects.get(code="mobility.hoist")
    assert 'aria-describedby="id_skills_' in content
    assert "Specialist: needs specific training." in content
    assert hoist.description in content.replace("&#x27;", "'")


def test_inactive_skills_are_not_offered(client_for, pa):
    content = client_for(pa).get(step_url("skills")).content.decode()

    assert "Full UK driving licence" not in content


def test_the_availability_grid_labels_every_cell_for_screen_readers(client_for, pa):
    content = client_for(pa).get(step_url("availability")).content.decode()

    assert content.count('type="checkbox"') == 42
    # Read as "Monday early morning" in both the table and the narrow per-day layout.
    assert (
        '<span class="govuk-visually-hidden">Monday </span>'
        '<span class="pahub-week-grid__part">early morning</span>'
    ) in content
    assert (
        '<span class="govuk-visually-hidden">Sunday </span>'
        '<span class="pahub-week-grid__part">sleep-in</span>'
    ) in content
    assert 'id="id_availability_0"' in content


def test_the_location_step_shows_the_home_district_and_how_to_change_it(client_for, pa):
    content = client_for(pa).get(step_url("location")).content.decode()

    assert "NE3" in content
    assert "Newcastle upon Tyne" in content
    assert "NE3 1AA" not in content
    assert reverse("accounts:details") in content


def test_the_visibility_step_offers_only_spoke_areas_and_starts_with_the_home_area(client_for, pa):
    content = client_for(pa).get(step_url("visibility")).content.decode()

    assert 'value="E08000021" checked' in content  # Newcastle upon Tyne, the PA's home area
    assert "Leeds" not in content
    assert "never your address or full postcode" in content


def test_a_low_expected_pay_is_saved_with_a_warning_about_the_legal_minimum(client_for, pa):
    client = client_for(pa)

    response = client.post(step_url("pay"), {"hourly_rate": "10.00", "then": "later"}, follow=True)

    assert str(PAProfile.objects.get(user=pa).hourly_rate) == "10.00"
    content = response.content.decode()
    assert "below the National Living Wage of £12.71" in content
    assert "Employers must pay at least the legal minimum for your age" in content


def test_a_pay_at_the_living_wage_gives_no_warning(client_for, pa):
    response = client_for(pa).post(
        step_url("pay"), {"hourly_rate": "12.71", "then": "later"}, follow=True
    )

    assert "below the National Living Wage" not in response.content.decode()


def test_leaving_pay_empty_clears_it(client_for, pa):
    client = client_for(pa)
    client.post(step_url("pay"), {"hourly_rate": "14", "then": "later"})

    client.post(step_url("pay"), {"hourly_rate": "", "then": "later"})

    assert PAProfile.objects.get(user=pa).hourly_rate is None


def test_hidden_visibility_needs_no_areas(client_for, pa):
    response = client_for(pa).post(
        step_url("visibility"), {"visibility": "hidden", "then": "continue"}
    )

    assert response.status_code == 302
    assert PAProfile.objects.get(user=pa).visibility == "hidden"


def test_every_save_recomputes_the_level(client_for, pa, code_version):
    from pahub.register.models import CodeSignature, Evidence
    from pahub.register.services import profile_get_or_create

    profile = profile_get_or_create(user=pa)
    Evidence.objects.create(profile=profile, kind=Evidence.Kind.IDENTITY)
    CodeSignature.objects.create(user=pa, version=code_version)
    client = client_for(pa)
    data = answers()

    for step in ("about", "skills"):
        client.post(step_url(step), {**data[step], "then": "later"})
        assert PAProfile.objects.get(user=pa).level == 0
    client.post(step_url("availability"), {**data["availability"], "then": "later"})

    assert PAProfile.objects.get(user=pa).level == 1


@pytest.mark.parametrize("step", [step.name for step in BUILDER_STEPS])
def test_every_step_has_a_title_and_a_section(step):
    assert STEP_BY_NAME[step].title
    assert STEP_BY_NAME[step].section
