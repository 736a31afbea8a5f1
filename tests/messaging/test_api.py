"""The conversations API: participants only (404 for anyone else, 401 signed out), a block
gives 409, bad input 400 - always JSON, never a server error."""

import json

import pytest
from django.utils import timezone

from pahub.messaging.models import Block, Message
from pahub.messaging.services import MESSAGE_MAX_LENGTH
from tests.messaging.test_inbox import make_conversations

LIST = "/api/v1/conversations"


def detail(conversation) -> str:
    return f"/api/v1/conversations/{conversation.pk}"


def post_json(client, url: str, payload=None):
    return client.post(url, json.dumps(payload or {}), content_type="application/json")


ENDPOINTS = [
    ("get", "list"),
    ("get", "detail"),
    ("post", "messages"),
    ("post", "share-contact"),
]


def url_for(kind: str, conversation) -> str:
    return {
        "list": LIST,
        "detail": detail(conversation),
        "messages": detail(conversation) + "/messages",
        "share-contact": detail(conversation) + "/share-contact",
    }[kind]


def call(client, method: str, kind: str, conversation):
    url = url_for(kind, conversation)
    if method == "post":
        return post_json(client, url, {"body": "Hello"})
    return client.get(url)


@pytest.mark.parametrize(("method", "kind"), ENDPOINTS)
def test_signed_out_callers_get_401_json(client, conversation, method, kind):
    response = call(client, method, kind, conversation)

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required."}


@pytest.mark.parametrize(
    "person",
    ["outsider", "other_pa", "ungranted_representative", "moderator", "durham_staff", "admin"],
)
@pytest.mark.parametrize(("method", "kind"), ENDPOINTS[1:])
def test_people_outside_the_conversation_get_404_json(
    client_for, request, conversation, person, method, kind
):
    response = call(client_for(request.getfixturevalue(person)), method, kind, conversation)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert conversation.messages.count() == 2


@pytest.mark.parametrize("person", ["outsider", "ungranted_representative", "moderator"])
def test_the_list_shows_nobody_else_the_conversation(client_for, request, conversation, person):
    body = client_for(request.getfixturevalue(person)).get(LIST).json()

    assert body == {"count": 0, "unread_total": 0, "items": []}


def test_the_pa_lists_their_conversations(client_for, pa, conversation):
    body = client_for(pa).get(LIST).json()

    assert body["count"] == 1
    assert body["unread_total"] == 1
    (item,) = body["items"]
    assert item == {
        "id": conversation.pk,
        "with_name": "Amira",
        "side": "pa",
        "acting_for": None,
        "job": {"id": conversation.job_id, "title": "Morning PA for a busy mum"},
        "unread": 1,
        "last_message_at": item["last_message_at"],
        "contact_shared": False,
    }


def test_a_representative_lists_whom_they_act_for(client_for, representative, conversation):
    (item,) = client_for(representative).get(LIST).json()["items"]

    assert item["with_name"] == "Jordan"
    assert item["side"] == "employer"
    assert item["acting_for"] == "Amira"


def test_the_list_pages_with_limit_and_offset(client_for, employer_profile):
    make_conversations(employer_profile.user, 5)
    client = client_for(employer_profile.user)

    first = client.get(LIST + "?limit=2").json()
    rest = client.get(LIST + "?limit=2&offset=4").json()

    assert first["count"] == 5
    assert len(first["items"]) == 2
    assert len(rest["items"]) == 1


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=101", "offset=-1", "limit=lots", f"offset={10**28}"]
)
def test_bad_paging_is_400_json(client_for, pa, query):
    response = client_for(pa).get(f"{LIST}?{query}")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request was not valid: ")


def test_the_list_query_count_does_not_grow_with_conversations(
    client_for, employer_profile, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(employer_profile.user)
    make_conversations(employer_profile.user, 2)
    client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    make_conversations(employer_profile.user, 10)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)

    assert response.json()["count"] == 12


def test_a_conversation_comes_with_its_messages_oldest_first(
    client_for, pa, conversation, employer_message
):
    Message.objects.filter(pk=employer_message.pk).update(hidden_by_moderator_at=timezone.now())

    body = client_for(pa).get(detail(conversation)).json()

    assert body["with_name"] == "Amira"
    assert body["your_role"] == "pa"
    assert body["can_send"] is True
    assert body["block"] == {"by_your_side": False, "by_other_side": False}
    assert body["contact"] == {"you_shared": False, "they_shared": False, "details": None}
    first, second = body["messages"]
    assert first["author"] == "Jordan"
    assert first["mine"] is True
    assert first["body"] == "Hello, I would love to hear more about the job."
    assert second["author"] == "Amira"
    assert second["body"] is None
    assert second["hidden_by_moderator"] is True


def test_reading_a_conversation_through_the_api_marks_it_read(client_for, pa, conversation):
    client = client_for(pa)
    client.get(detail(conversation))

    assert client.get(LIST).json()["unread_total"] == 0


def test_a_participant_posts_a_message(client_for, helping_staff, organisation, conversation):
    response = post_json(
        client_for(helping_staff),
        detail(conversation) + "/messages",
        {"body": "We can help with the contract."},
    )

    assert response.status_code == 201
    body = response.json()
    assert body["author"] == "Olu Admin, Newcastle Independent Living staff, for Amira"
    assert body["author_role"] == "staff"
    assert body["mine"] is True
    assert conversation.messages.last().author_organisation == organisation


@pytest.mark.parametrize(
    ("payload", "detail_text"),
    [
        ({"body": ""}, "Enter a message"),
        ({"body": "   "}, "Enter a message"),
        ({"body": "x" * (MESSAGE_MAX_LENGTH + 1)}, "characters or fewer"),
        ({}, "The request was not valid: body: "),
        ({"body": ["a list"]}, "The request was not valid: body: "),
    ],
)
def test_bad_messages_are_400_json(client_for, pa, conversation, payload, detail_text):
    response = post_json(client_for(pa), detail(conversation) + "/messages", payload)

    assert response.status_code == 400
    assert detail_text in response.json()["detail"]
    assert conversation.messages.count() == 2


def test_malformed_json_is_a_4xx_json_error(client_for, pa, conversation):
    response = client_for(pa).post(
        detail(conversation) + "/messages", "{not json", content_type="application/json"
    )

    assert 400 <= response.status_code < 500
    assert "detail" in response.json()
    assert conversation.messages.count() == 2


def test_a_blocked_conversation_refuses_messages_with_409(client_for, pa, employer, conversation):
    Block.objects.create(blocker=employer, blocked=pa)
    client = client_for(pa)

    response = post_json(client, detail(conversation) + "/messages", {"body": "Hello?"})

    assert response.status_code == 409
    assert response.json()["detail"] == (
        "Messages can no longer be sent between you and this person."
    )
    assert client.get(detail(conversation)).json()["can_send"] is False
    assert client.get(detail(conversation)).json()["block"]["by_other_side"] is True


def test_sharing_contact_through_the_api(client_for, pa, employer, conversation):
    first = post_json(client_for(pa), detail(conversation) + "/share-contact")

    assert first.status_code == 200
    assert first.json() == {"you_shared": True, "they_shared": False, "details": None}

    second = post_json(client_for(employer), detail(conversation) + "/share-contact")

    assert second.json()["details"]["email"] == "pa@example.org"
    assert second.json()["details"]["name"] == "Jordan Reed"


def test_sharing_contact_while_blocked_is_409(client_for, pa, employer, conversation):
    Block.objects.create(blocker=pa, blocked=employer)

    response = post_json(client_for(pa), detail(conversation) + "/share-contact")

    assert response.status_code == 409
