"""The moderation API: /api/v1/community/moderation/. People who moderate nothing, and
moderators of another zone, get 404; bad input is 400 JSON, a post that moved on is 409."""

import json

import pytest

from pahub.community.models import ModerationAction, Post, PostReport
from pahub.community.moderation import services

QUEUE = "/api/v1/community/moderation/queue"
ACT = "/api/v1/community/moderation/posts/{}/actions"


@pytest.fixture
def reported(post, pa):
    services.report_create(post=post, reporter=pa, reason="unkind", details="")
    return post


def act(client, post_id, payload):
    return client.post(
        ACT.format(post_id), data=json.dumps(payload), content_type="application/json"
    )


def test_a_moderator_lists_the_queue(client_for, moderator, reported):
    response = client_for(moderator).get(QUEUE)
    assert response.status_code == 200
    (item,) = response.json()
    assert item["id"] == reported.pk
    assert item["open_reports"] == 1
    assert item["thread"] == "Finding cover at short notice"
    assert item["zone"] == "Everyone in Newcastle upon Tyne"


@pytest.mark.parametrize("person", ["pa", "employer", "outsider"])
def test_people_who_moderate_nothing_get_404(request, client_for, reported, person):
    client = client_for(request.getfixturevalue(person))
    assert client.get(QUEUE).status_code == 404
    response = act(client, reported.pk, {"action": "hide", "reason": "x"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_moderator_of_another_zone_gets_404(client_for, other_moderator, other_zone, reported):
    client = client_for(other_moderator)
    assert client.get(QUEUE).json() == []
    assert act(client, reported.pk, {"action": "hide", "reason": "x"}).status_code == 404
    assert not ModerationAction.objects.exists()


def test_signed_out_is_401(client, reported):
    assert client.get(QUEUE).status_code == 401
    assert act(client, reported.pk, {"action": "keep"}).status_code == 401


def test_hiding_through_the_api(client_for, moderator, reported):
    response = act(client_for(moderator), reported.pk, {"action": "hide", "reason": "Unkind"})
    assert response.status_code == 200, response.json()
    assert response.json() == {"post_id": reported.pk, "status": "hidden", "action": "hide"}
    assert PostReport.objects.get().outcome == PostReport.Outcome.HIDDEN


def test_suspending_through_the_api(client_for, moderator, reported):
    payload = {"action": "suspend", "reason": "Abuse", "days": 3}
    assert act(client_for(moderator), reported.pk, payload).status_code == 200


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"action": "hide"}, "reason"),
        ({"action": "explode"}, "action"),
        ({"action": "suspend", "reason": "x"}, "days"),
        ({"action": "suspend", "reason": "x", "days": 0}, "days"),
        ({"action": "lift"}, "action"),
        ({"action": "hide", "reason": "x" * 2001}, "reason"),
        ({"action": "hide", "reason": "bad\x00"}, "reason"),
    ],
)
def test_bad_input_is_400_naming_the_field(client_for, moderator, reported, payload, field):
    response = act(client_for(moderator), reported.pk, payload)
    assert response.status_code == 400, response.content
    assert response.json()["field"] == field
    assert Post.objects.get(pk=reported.pk).status == Post.Status.PUBLISHED


def test_a_body_that_is_not_json_is_400(client_for, moderator, reported):
    response = client_for(moderator).post(
        ACT.format(reported.pk), data="hide", content_type="application/json"
    )
    assert response.status_code == 400
    assert "detail" in response.json()


def test_an_action_the_post_no_longer_allows_is_409(client_for, moderator, reported):
    response = act(client_for(moderator), reported.pk, {"action": "restore"})
    assert response.status_code == 409
    assert response.json()["detail"] == "Only a hidden post can be restored."


def test_a_missing_post_is_404(client_for, moderator, db):
    assert act(client_for(moderator), 99999999, {"action": "keep"}).status_code == 404
