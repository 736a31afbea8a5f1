"""Messages with hidden characters: refused beside the box on the page and with a 400 in the
API, never stored (PostgreSQL refuses a NUL with a server error); line breaks are kept."""

import json

from pahub.core.text_rules import BIDI_MESSAGE, CONTROL_MESSAGE
from pahub.messaging.models import Message
from tests.hostile import BAD_LONG_TEXT, BIDI, NUL
from tests.messaging.test_conversation import page_url


def api_url(conversation) -> str:
    return f"/api/v1/conversations/{conversation.pk}/messages"


def test_a_reply_with_hidden_characters_is_refused_beside_the_box(client_for, pa, conversation):
    client = client_for(pa)
    before = Message.objects.count()

    for typed in BAD_LONG_TEXT:
        response = client.post(page_url(conversation), {"body": typed})
        assert response.status_code == 200, repr(typed)
        assert "govuk-form-group--error" in response.content.decode()
    bidi = client.post(page_url(conversation), {"body": BIDI}).content.decode()

    assert BIDI_MESSAGE.replace("'", "&#x27;") in bidi
    assert Message.objects.count() == before


def test_the_api_refuses_them_with_400_naming_the_body(client_for, pa, conversation):
    client = client_for(pa)
    before = Message.objects.count()

    response = client.post(api_url(conversation), json.dumps({"body": NUL}), "application/json")

    assert response.status_code == 400
    assert response.json()["errors"] == {"body": [f"Value error, {CONTROL_MESSAGE}"]}
    for typed in BAD_LONG_TEXT:
        sent = client.post(api_url(conversation), json.dumps({"body": typed}), "application/json")
        assert sent.status_code == 400, repr(typed)
    assert Message.objects.count() == before


def test_a_message_over_several_lines_is_kept(client_for, pa, conversation):
    response = client_for(pa).post(
        api_url(conversation), json.dumps({"body": "Yes.\nI can do Tuesdays."}), "application/json"
    )

    assert response.status_code == 201
    assert Message.objects.latest("pk").body == "Yes.\nI can do Tuesdays."


def test_an_offset_past_any_list_is_400_not_a_database_error(client_for, pa, conversation):
    client = client_for(pa)
    client.raise_request_exception = False

    response = client.get("/api/v1/conversations", {"offset": "9" * 30})

    assert response.status_code == 400
