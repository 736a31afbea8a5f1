"""Bad input on every step: a clear message beside the answer, and what was typed kept."""

import pytest
from django.urls import reverse

from pahub.register.models import PAProfile


def step_url(step: str) -> str:
    return reverse("register:profile_step", kwargs={"step": step})


def assert_error_beside(response, field: str, message: str) -> str:
    """The page is shown again with the message in the summary and beside the field."""
    assert response.status_code == 200
    content = response.content.decode().replace("&#x27;", "'")
    assert "There is a problem" in content
    assert f'id="id_{field}-error"' in content
    beside = content.split(f'id="id_{field}-error"', 1)[1].split("</p>", 1)[0]
    assert message in beside
    assert "<title>Error: " in content
    return content


@pytest.mark.parametrize(
    ("step", "data", "field", "message", "kept"),
    [
        ("name", {"display_name": ""}, "display_name", "Enter the name employers should see", None),
        (
            "name",
            {"display_name": "J" * 81},
            "display_name",
            "Your name must be 80 characters or fewer",
            "J" * 81,
        ),
        (
            "about",
            {"about_me": "", "what_matters": "Kindness"},
            "about_me",
            "Tell employers something about yourself",
            "Kindness</textarea>",
        ),
        (
            "about",
            {"about_me": "a" * 2001},
            "about_me",
            "About me must be 2,000 characters or fewer",
            "a" * 2001,
        ),
        (
            "interests",
            {"other_interests": ", ".join(f"hobby {n}" for n in range(11))},
            "other_interests",
            "Enter up to 10 other interests; you entered 11",
            "hobby 10",
        ),
        (
            "interests",
            {"other_interests": "restoring very old steam locomotives"},
            "other_interests",
            "Each interest must be 30 characters or fewer",
            "restoring very old steam locomotives",
        ),
        (
            "languages",
            {"language_en": "native-ish", "language_pl": "fluent"},
            "language_en",
            "Select a valid choice",
            '<option value="fluent" selected>Fluent</option>',
        ),
        ("skills", {}, "skills", "Select the tasks and skills you can offer", None),
        (
            "experience",
            {"years_experience": "five", "experience_summary": "Lots"},
            "years_experience",
            "Enter the number of years as a whole number, like 3",
            'value="five"',
        ),
        (
            "experience",
            {"years_experience": "71"},
            "years_experience",
            "Years of experience must be 70 or fewer",
            'value="71"',
        ),
        (
            "driving",
            {"has_driving_licence": "no", "has_own_car": "yes", "offers_driving": "yes"},
            "offers_driving",
            "You can only offer driving if you have a full driving licence",
            'id="id_has_own_car_0" name="has_own_car" type="radio" value="yes" checked',
        ),
        (
            "driving",
            {"has_driving_licence": "yes", "has_own_car": "no"},
            "offers_driving",
            "Select yes if you would drive the person you support",
            'name="has_driving_licence" type="radio" value="yes" checked',
        ),
        (
            "availability",
            {},
            "availability",
            "Select at least one time in the week when you could work",
            None,
        ),
        (
            "availability",
            {"availability": ["monday_morning", "someday_brunch"]},
            "availability",
            "Select a valid choice",
            'value="monday_morning" checked',
        ),
        (
            "location",
            {"travel_miles": "ten"},
            "travel_miles",
            "Enter how far you will travel as a whole number of miles, like 10",
            'value="ten"',
        ),
        (
            "location",
            {"travel_miles": "0"},
            "travel_miles",
            "How far you will travel must be at least 1 mile",
            'value="0"',
        ),
        (
            "location",
            {"travel_miles": "101"},
            "travel_miles",
            "How far you will travel must be 100 miles or fewer",
            'value="101"',
        ),
        (
            "pay",
            {"hourly_rate": "-3"},
            "hourly_rate",
            "The hourly pay you expect must be more than £0",
            'value="-3"',
        ),
        (
            "pay",
            {"hourly_rate": "abc"},
            "hourly_rate",
            "Enter the hourly pay you expect as an amount in pounds, like 13.50",
            'value="abc"',
        ),
        (
            "pay",
            {"hourly_rate": "13.555"},
            "hourly_rate",
            "Enter the hourly pay in pounds and pence, like 13.50",
            'value="13.555"',
        ),
        ("work", {}, "work_wanted", "Select the work you are looking for", None),
        (
            "visibility",
            {"visibility": "local"},
            "visible_in",
            "Select at least one area where employers can see your profile",
            'value="local" checked',
        ),
        ("visibility", {}, "visibility", "Choose who can see your profile", None),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 20 else None,
)
def test_bad_input_is_explained_beside_the_field_and_kept(
    client_for, pa, step, data, field, message, kept
):
    response = client_for(pa).post(step_url(step), {**data, "then": "continue"})

    content = assert_error_beside(response, field, message)
    if kept:
        assert kept in content
    assert step not in PAProfile.objects.get(user=pa).completed_steps


def test_the_error_summary_links_to_the_field(client_for, pa):
    response = client_for(pa).post(step_url("pay"), {"hourly_rate": "abc"})

    assert '<a href="#id_hourly_rate">' in response.content.decode()


def test_the_error_summary_links_to_the_first_availability_checkbox(client_for, pa):
    response = client_for(pa).post(step_url("availability"), {})

    content = response.content.decode()
    assert '<a href="#id_availability_0">' in content
    assert 'id="id_availability_0"' in content


def test_a_refused_answer_changes_nothing_already_saved(client_for, pa):
    client = client_for(pa)
    client.post(step_url("pay"), {"hourly_rate": "14.00", "then": "later"})

    client.post(step_url("pay"), {"hourly_rate": "-3", "then": "later"})

    assert str(PAProfile.objects.get(user=pa).hourly_rate) == "14.00"


def test_script_in_about_me_is_kept_as_text_and_shown_inert_on_the_form(client_for, pa):
    client = client_for(pa)
    script = "<script>alert('hi')</script>"
    client.post(step_url("about"), {"about_me": script, "then": "later"})

    content = client.get(step_url("about")).content.decode()

    assert PAProfile.objects.get(user=pa).about_me == script
    assert "&lt;script&gt;" in content
    assert "<script>alert" not in content
