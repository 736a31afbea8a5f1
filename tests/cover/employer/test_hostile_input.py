"""Asking for cover with hostile numbers and hidden characters: a message beside the answer,
never a 500, and nothing asked; the same through the API (4xx JSON)."""

import json

from pahub.cover.models import CoverRequest
from tests.cover.employer import test_asking_for_cover
from tests.cover.employer.test_asking_for_cover import form_data
from tests.hostile import BAD_LONG_TEXT, BAD_ONE_LINE, HOSTILE_NUMBERS

# The same signed-in Amira and request page as the other asking-for-cover tests.
amira = test_asking_for_cover.amira
page = test_asking_for_cover.page


def error_beside(response, field: str) -> bool:
    return f'id="id_{field}-error"' in response.content.decode()


def test_hostile_pay_is_refused_beside_the_answer(amira, page, tomorrow):
    for typed in HOSTILE_NUMBERS:
        response = amira.post(page, form_data(tomorrow, hourly_pay=typed))
        assert response.status_code == 200, typed[:20]
        assert error_beside(response, "hourly_pay"), typed[:20]
    assert CoverRequest.objects.count() == 0


def test_hidden_characters_in_the_note_and_phone_are_refused(amira, page, tomorrow):
    for typed in BAD_LONG_TEXT:
        note = amira.post(page, form_data(tomorrow, note=typed))
        assert error_beside(note, "note"), repr(typed)
    for typed in BAD_ONE_LINE:
        phone = amira.post(page, form_data(tomorrow, contact_phone=typed))
        assert error_beside(phone, "contact_phone"), repr(typed)
    assert CoverRequest.objects.count() == 0


def test_the_api_refuses_the_same_with_4xx_json(client_for, employer, employer_profile, tomorrow):
    client = client_for(employer)
    client.raise_request_exception = False
    good = {
        "employer_id": employer.pk,
        "slots": [{"day": tomorrow.isoformat(), "start": "08:00", "end": "11:00"}],
        "address": "12 Grey Street, Newcastle NE1 6AE",
        "hourly_pay": "14.00",
    }
    bad = [{"hourly_pay": typed} for typed in HOSTILE_NUMBERS]
    bad += [{"note": typed} for typed in BAD_LONG_TEXT]
    bad += [{"contact_phone": typed} for typed in BAD_ONE_LINE]
    bad += [{"employer_id": int("9" * 30)}]

    for changes in bad:
        response = client.post(
            "/api/v1/cover/requests", json.dumps(good | changes), content_type="application/json"
        )
        assert response.status_code == 400, repr(changes)[:60]
        assert "detail" in response.json()
    assert CoverRequest.objects.count() == 0
