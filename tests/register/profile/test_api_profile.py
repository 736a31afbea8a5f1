"""/api/v1/me/profile (GET and PUT, session) and /api/v1/taxonomy/skills (public)."""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.core.models import AuditEvent
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile

ME = "/api/v1/me/profile"


def put(client: Client, payload: dict, **extra):
    return client.put(ME, data=json.dumps(payload), content_type="application/json", **extra)


GOOD_PAYLOAD = {
    "display_name": "Jordan",
    "about_me": "I cared for my grandad for five years.",
    "what_matters": "Being on time.",
    "interests": ["Gardening", "football"],
    "other_interests": ["salsa dancing"],
    "skills": ["personal_care.dressing", "mobility.hoist"],
    "languages": [{"code": "en", "level": "first"}, {"code": "bfi", "level": "basic"}],
    "years_experience": 5,
    "experience_kinds": ["family"],
    "experience_summary": "Five years with my grandad.",
    "qualifications_summary": "Care Certificate",
    "has_driving_licence": True,
    "has_own_car": True,
    "gender": "woman",
    "offers_driving": True,
    "availability": ["monday_morning", "friday_sleep_in"],
    "travel_miles": 15,
    "hourly_rate": "13.50",
    "work_wanted": "regular",
    "visibility": "local",
    "visible_in": ["E08000021"],
    "is_paused": False,
}


def test_an_anonymous_visitor_is_told_to_authenticate(client, db):
    response = client.get(ME)

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required."}


def test_someone_without_the_pa_role_is_refused_in_json(client_for, employer):
    for response in (client_for(employer).get(ME), put(client_for(employer), {"about_me": "x"})):
        assert response.status_code == 403
        assert response.json() == {"detail": "Only Personal Assistants have a profile on PA Hub."}
    assert not PAProfile.objects.filter(user=employer).exists()


def test_a_pa_without_a_profile_gets_not_found_in_json(client_for, pa):
    response = client_for(pa).get(ME)

    assert response.status_code == 404
    assert response.json() == {"detail": "You have not started your profile yet."}


def test_a_pa_gets_their_own_profile_without_their_postcode(client_for, pa_profile, skill):
    response = client_for(pa_profile.user).get(ME)

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == pa_profile.pk
    assert body["display_name"] == "Jordan"
    assert body["skills"] == [skill.code]
    assert body["availability"] == ["monday_morning", "tuesday_morning", "saturday_afternoon"]
    assert body["hourly_rate"] == "13.50"
    assert body["district"] == "NE3"
    assert body["local_authority"] == "Newcastle upon Tyne"
    assert body["level_name"] == "Not yet on a level"
    assert "NE3 1AA" not in response.content.decode()


def test_a_put_saves_every_field_and_answers_the_steps(client_for, pa):
    response = put(client_for(pa), GOOD_PAYLOAD)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["interests"] == ["Football", "Gardening"]
    assert {item["code"]: item["level"] for item in body["languages"]} == {
        "en": "first",
        "bfi": "basic",
    }
    profile = PAProfile.objects.get(user=pa)
    assert profile.availability == mask_from_keys(["monday_morning", "friday_sleep_in"])
    assert str(profile.hourly_rate) == "13.50"
    assert profile.gender == "woman" and body["gender"] == "woman"
    assert profile.visibility == "local"
    assert list(profile.visible_in.values_list("gss_code", flat=True)) == ["E08000021"]
    assert set(profile.completed_steps) == {
        "name",
        "about",
        "interests",
        "languages",
        "skills",
        "experience",
        "driving",
        "gender",
        "availability",
        "location",
        "pay",
        "work",
        "visibility",
    }
    assert client_for(pa).get(ME).json() == body


def test_fields_left_out_of_a_put_are_not_changed(client_for, pa_profile):
    response = put(client_for(pa_profile.user), {"travel_miles": 3})

    assert response.status_code == 200
    profile = PAProfile.objects.get(pk=pa_profile.pk)
    assert profile.travel_miles == 3
    assert profile.about_me == "I have cared for my grandad for five years."
    assert profile.skills.count() == 1


def test_hourly_rate_can_be_cleared_with_null(client_for, pa_profile):
    response = put(client_for(pa_profile.user), {"hourly_rate": None})

    assert response.status_code == 200
    assert PAProfile.objects.get(pk=pa_profile.pk).hourly_rate is None


def test_pausing_through_the_api_is_audited(client_for, pa_profile):
    put(client_for(pa_profile.user), {"is_paused": True})

    assert PAProfile.objects.get(pk=pa_profile.pk).is_paused
    assert AuditEvent.objects.filter(action="profile.paused").exists()


@pytest.mark.parametrize(
    ("payload", "detail"),
    [
        ({"skills": ["mobility.hoist", "juggling"]}, "skills: Unknown skill code: juggling"),
        (
            {"skills": ["credential.driving_licence"]},
            "Unknown skill code: credential.driving_licence",
        ),
        ({"interests": ["Knitting and sewing", "Base jumping"]}, "Unknown interest: Base jumping"),
        ({"languages": [{"code": "klingon", "level": "fluent"}]}, "Unknown language code: klingon"),
        (
            {"languages": [{"code": "en", "level": "first"}, {"code": "en", "level": "basic"}]},
            "Give each language only once",
        ),
        ({"availability": ["monday_brunch"]}, "Unknown availability slot: monday_brunch"),
        ({"offers_driving": True}, "offers_driving: You can only offer driving"),
        ({"visibility": "local"}, "visible_in: Select at least one area"),
        ({"visibility": "local", "visible_in": ["E08000035"]}, "does not run in Leeds"),
        ({"visible_in": ["X99999999"]}, "Unknown local authority code: X99999999"),
        ({"hourly_rate": -3}, "hourly_rate: The hourly pay you expect must be more than £0"),
        ({"hourly_rate": "13.555"}, "Enter the hourly pay in pounds and pence"),
        ({"other_interests": ["x" * 31]}, "Each interest must be 30 characters or fewer"),
        ({"experience_kinds": ["astronaut"]}, "Unknown kind of experience: astronaut"),
        ({"display_name": None}, "display_name cannot be null"),
    ],
)
def test_a_value_that_breaks_a_rule_gives_400_naming_it(client_for, pa_profile, payload, detail):
    before = PAProfile.objects.get(pk=pa_profile.pk)

    response = put(client_for(pa_profile.user), payload)

    assert response.status_code == 400
    assert detail in response.json()["detail"]
    after = PAProfile.objects.get(pk=pa_profile.pk)
    assert (after.updated_at, after.completed_steps) == (before.updated_at, before.completed_steps)


@pytest.mark.parametrize(
    "payload",
    [
        {"hourly_rate": "abc"},
        {"travel_miles": 0},
        {"travel_miles": 101},
        {"years_experience": -1},
        {"work_wanted": "sometimes"},
        {"visibility": "everyone"},
        {"display_name": "x" * 81},
        {"languages": [{"code": "en", "level": "native"}]},
        {"skills": "mobility.hoist"},
        {"has_driving_licence": "perhaps"},
    ],
)
def test_a_value_of_the_wrong_kind_gives_400_with_where_it_was(client_for, pa_profile, payload):
    response = put(client_for(pa_profile.user), payload)

    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("The request was not valid: ")
    assert next(iter(payload)) in json.dumps(body["errors"])


def test_a_first_put_that_breaks_a_rule_leaves_no_profile_behind(client_for, pa):
    response = put(client_for(pa), {"about_me": "Hello", "offers_driving": True})

    assert response.status_code == 400
    assert not PAProfile.objects.filter(user=pa).exists()


def test_a_put_with_a_session_needs_the_csrf_token(pa):
    client = Client(enforce_csrf_checks=True)
    client.force_login(pa)

    refused = put(client, {"travel_miles": 4})
    client.get("/register/profile/")  # a page sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    accepted = put(client, {"travel_miles": 4}, headers={"X-CSRFToken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 200


def test_the_skills_taxonomy_is_public_with_descriptions_and_specialist_flags(client, db):
    response = client.get("/api/v1/taxonomy/skills")

    assert response.status_code == 200
    categories = {category["name"]: category["skills"] for category in response.json()}
    moving = {skill["code"]: skill for skill in categories["Moving and handling"]}
    assert moving["mobility.hoist"]["is_specialist"] is True
    assert moving["mobility.bed_transfers"]["is_specialist"] is False
    assert moving["mobility.hoist"]["description"].startswith("Using a hoist")
    assert "Credentials" not in categories
    assert next(iter(categories)) == "Personal care"


def test_the_taxonomy_query_count_is_fixed(client, db, django_assert_num_queries):
    with django_assert_num_queries(2):
        client.get("/api/v1/taxonomy/skills")


def test_the_openapi_schema_documents_the_profile_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert {"get", "put"} <= set(paths["/api/v1/me/profile"])
    assert "get" in paths["/api/v1/taxonomy/skills"]


any_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["code", "level", "x"]), children, max_size=3)
    ),
    max_leaves=8,
)
EDGE_VALUES = [0, 1, 100, 101, -1, "0", "13.555", "1e9", "", [], ["monday_morning"], "local"]
FIELDS = [name for name in GOOD_PAYLOAD if name != "is_paused"] + ["is_paused", "unknown"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    payload=st.dictionaries(
        st.sampled_from(FIELDS),
        any_json | st.sampled_from([*GOOD_PAYLOAD.values(), *EDGE_VALUES]),
        max_size=6,
    )
)
def test_whatever_a_pa_puts_the_answer_is_never_a_server_error(client_for, pa_profile, payload):
    response = put(client_for(pa_profile.user), payload)

    assert response.status_code in {200, 400}, (payload, response.content)
    assert "detail" in response.json() or response.status_code == 200
