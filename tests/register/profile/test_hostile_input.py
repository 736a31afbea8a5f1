"""The profile with hostile numbers and text, on the pages and through /api/v1/me/profile:
a message beside the answer or a 4xx JSON naming the field, never a 500; nothing saved."""

import json
from decimal import Decimal

from pahub.core.text_rules import ONE_LINE_MESSAGE
from pahub.register.models import PAProfile
from tests.hostile import BAD_LONG_TEXT, BAD_ONE_LINE, HOSTILE_NUMBERS
from tests.register.profile.test_bad_input import assert_error_beside, step_url

ME = "/api/v1/me/profile"


def put(client, payload: dict):
    return client.put(ME, data=json.dumps(payload), content_type="application/json")


def test_hostile_pay_is_refused_beside_the_answer(client_for, pa_profile):
    client = client_for(pa_profile.user)

    for typed in HOSTILE_NUMBERS:
        response = client.post(step_url("pay"), {"hourly_rate": typed})
        assert response.status_code == 200, typed[:20]
        assert 'id="id_hourly_rate-error"' in response.content.decode()
    assert PAProfile.objects.get(pk=pa_profile.pk).hourly_rate == Decimal(pa_profile.hourly_rate)


def test_hostile_numbers_through_the_api_are_4xx_json(client_for, pa_profile):
    client = client_for(pa_profile.user)
    client.raise_request_exception = False

    for field in ("hourly_rate", "travel_miles", "years_experience"):
        for typed in HOSTILE_NUMBERS:
            if (field, typed) == ("years_experience", "-0"):
                continue  # a whole number of years: -0 is 0, which is allowed
            response = put(client, {field: typed})
            assert response.status_code == 400, (field, typed[:20])
            assert "detail" in response.json()
    assert PAProfile.objects.get(pk=pa_profile.pk).hourly_rate == Decimal(pa_profile.hourly_rate)


def test_a_name_must_be_one_line_of_ordinary_text(client_for, pa_profile):
    client = client_for(pa_profile.user)

    for typed in BAD_ONE_LINE:
        page = client.post(step_url("name"), {"display_name": typed})
        api = put(client, {"display_name": typed})
        assert 'id="id_display_name-error"' in page.content.decode(), repr(typed)
        assert api.status_code == 400, repr(typed)
    assert_error_beside(
        client.post(step_url("name"), {"display_name": "Jordan\nReed"}),
        "display_name",
        ONE_LINE_MESSAGE,
    )
    assert PAProfile.objects.get(pk=pa_profile.pk).display_name == pa_profile.display_name


def test_about_me_keeps_line_breaks_but_not_hidden_characters(client_for, pa_profile):
    client = client_for(pa_profile.user)

    for typed in BAD_LONG_TEXT:
        assert put(client, {"about_me": typed}).status_code == 400, repr(typed)
        page = client.post(step_url("about"), {"about_me": typed, "what_matters": "Kindness"})
        assert 'id="id_about_me-error"' in page.content.decode(), repr(typed)
    kept = put(client, {"about_me": "I like walks.\nAnd cooking."})

    assert kept.status_code == 200
    assert PAProfile.objects.get(pk=pa_profile.pk).about_me == "I like walks.\nAnd cooking."
