"""Whatever a signed-in participant sends, the cover API answers in JSON without a server error.

tests/api/test_schemathesis.py fuzzes every endpoint signed out (so they all stop at 401);
here the right person is signed in, so generated bodies reach the validation and the services:
plausible values (dates near today, clock times, pay) mixed with any JSON at all.
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.cover.models import Timesheet

API = "/api/v1/cover"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
days = st.integers(min_value=-400, max_value=400).map(
    lambda offset: (timezone.localdate() + timedelta(days=offset)).isoformat()
)
clocks = st.times().map(lambda clock: clock.isoformat()) | st.sampled_from(
    ["08:00", "22:00", "07:00", "01:30", "24:00", "8am", ""]
)
texts = st.text(max_size=60) | st.sampled_from(["", " ", "\x00", "a" * 3000])
shift = st.fixed_dictionaries({"day": days, "start": clocks, "end": clocks})
PLAUSIBLE = {
    "employer_id": st.integers(min_value=-1, max_value=10**6),
    "slots": st.lists(shift | json_values, max_size=3),
    "address": texts,
    "contact_phone": texts,
    "hourly_pay": st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str)
    | st.sampled_from(["14.00", "12.71", "1e9", "-3"]),
    "pool_wait_minutes": st.sampled_from([0, 30, 45, 120, -1, 10**12]),
    "tasks": st.lists(st.sampled_from(["personal_care.washing_bathing", "x", "\x00"]), max_size=3),
    "note": texts,
    "auto_confirm_pool": st.booleans(),
    "required_dbs": st.sampled_from(["", "basic", "enhanced", "gold"]),
    "requires_driver": st.booleans(),
    "required_language": st.sampled_from(["", "en", "bfi", "zz", "\x00"]),
    "required_skills": st.lists(st.text(max_size=20), max_size=3),
    "required_gender": st.sampled_from(["", "woman", "man", "other"]),
    "gender_reason": texts,
    "reason": texts,
    "message": texts,
    "day": days,
    "start": clocks,
    "end": clocks,
    "break_minutes": st.integers(min_value=-10, max_value=3000),
}


def bodies(keys: list[str]):
    """A JSON object with any of these keys, each plausible or any JSON; or any JSON at all."""
    fields = {key: PLAUSIBLE[key] | json_values for key in keys}
    return st.fixed_dictionaries({}, optional=fields) | json_values


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_json_answer(response) -> None:
    assert response.status_code < 500, response.content
    assert "detail" in response.json() or response.status_code in (200, 201)


def post_any(client, url: str, body) -> None:
    assert_json_answer(client.post(url, data=json.dumps(body), content_type="application/json"))


@FUZZ
@given(body=bodies(list(PLAUSIBLE)[:16]))
def test_asking_for_cover_never_fails_with_a_server_error(client_for, amira, body):
    if isinstance(body, dict) and "employer_id" not in body:
        body = body | {"employer_id": amira.pk}
    post_any(client_for(amira), f"{API}/requests", body)


@FUZZ
@given(body=bodies(["message"]))
def test_offering_never_fails_with_a_server_error(client_for, pa, asked, body):
    post_any(client_for(pa), f"{API}/slots/{asked.slots.get().pk}/offers", body)


@FUZZ
@given(body=bodies(["day", "start", "end", "break_minutes", "note"]))
def test_recording_hours_never_fails_with_a_server_error(client_for, pa, worked_booking, body):
    Timesheet.objects.filter(booking=worked_booking).update(status="submitted")
    post_any(client_for(pa), f"{API}/bookings/{worked_booking.pk}/timesheet", body)


@FUZZ
@given(body=bodies(["reason"]), which=st.sampled_from(["requests", "bookings"]))
def test_cancelling_never_fails_with_a_server_error(client_for, amira, booking, body, which):
    target = booking.slot.request_id if which == "requests" else booking.pk
    post_any(client_for(amira), f"{API}/{which}/{target}/cancel", body)


@pytest.mark.parametrize("path", ["requests", "bookings", "timesheets"])
@FUZZ
@given(params=st.dictionaries(st.sampled_from(["side", "status", "x"]), st.text(max_size=12)))
def test_list_filters_never_fail_with_a_server_error(client_for, pa, asked, path, params):
    assert_json_answer(client_for(pa).get(f"{API}/{path}", params))
