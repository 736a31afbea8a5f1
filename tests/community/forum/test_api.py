"""The forum's API: the right person, the wrong one, logged out, bad input (4xx JSON)."""

import pytest
from django.test import Client

from pahub.community.models import Post, ThreadRead, ZoneRead
from pahub.community.moderation import screening

BASE = "/api/v1/community"


def api_client(user) -> Client:
    client = Client(enforce_csrf_checks=False)
    client.force_login(user)
    return client


def test_zones_lists_what_the_person_may_see_with_unread_counts(pa, pa_thread, other_pa):
    response = api_client(other_pa).get(f"{BASE}/zones")

    zones = {zone["slug"]: zone for zone in response.json()}
    assert response.status_code == 200
    assert zones["pas"]["unread_threads"] == 2
    assert "employers" not in zones


def test_zone_threads_pinned_first(pa, pa_thread):
    response = api_client(pa).get(f"{BASE}/zones/pas/threads")

    results = response.json()["results"]
    assert response.status_code == 200
    assert results[0]["is_pinned"]
    assert results[1]["title"] == "Tips for a first shift"
    assert results[1]["unread"] is False


def test_thread_posts(pa, other_pa, pa_thread):
    response = api_client(other_pa).get(f"{BASE}/zones/pas/threads/{pa_thread.pk}/posts")

    post = response.json()["results"][0]
    assert response.status_code == 200
    assert post["author_name"] == "Jordan, NE3"
    assert post["is_yours"] is False
    assert "email" not in str(post)


def test_replying(other_pa, pa_thread):
    first = pa_thread.posts.get()
    response = api_client(other_pa).post(
        f"{BASE}/zones/pas/threads/{pa_thread.pk}/posts",
        {"body": "Welcome!", "quoted_id": first.pk},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["status"] == "published"
    assert Post.objects.get(author=other_pa).quoted == first


def test_a_held_reply_says_so(other_pa, pa_thread, monkeypatch):
    monkeypatch.setattr(screening, "hold_reason", lambda *, author, text: "Word list")

    response = api_client(other_pa).post(
        f"{BASE}/zones/pas/threads/{pa_thread.pk}/posts",
        {"body": "Hmm"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["status"] == "held"


@pytest.mark.parametrize(
    "payload",
    [{}, {"body": ""}, {"body": "x" * 10_001}, {"body": "a\x00b"}, {"body": "x", "quoted_id": 0}],
)
def test_bad_replies_are_400_json(other_pa, pa_thread, payload):
    response = api_client(other_pa).post(
        f"{BASE}/zones/pas/threads/{pa_thread.pk}/posts", payload, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["detail"]


def test_quoting_another_threads_post_is_400(pa, other_pa, pa_thread, zones):
    from pahub.community.forum.services import thread_start

    other = thread_start(zone=zones["newcastle"], author=pa, title="x", body="y")
    response = api_client(other_pa).post(
        f"{BASE}/zones/pas/threads/{pa_thread.pk}/posts",
        {"body": "x", "quoted_id": other.pk},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["field"] == "quoted_id"


def test_too_fast_is_429(other_pa, pa_thread, monkeypatch):
    monkeypatch.setattr(screening, "posting_rate_problem", lambda *, author, now: "Slow down")

    response = api_client(other_pa).post(
        f"{BASE}/zones/pas/threads/{pa_thread.pk}/posts",
        {"body": "x"},
        content_type="application/json",
    )

    assert response.status_code == 429
    assert response.json()["detail"] == "Slow down"


def test_someone_who_sees_but_may_not_post_gets_403(stranger, open_group, admin):
    from pahub.community.forum.services import thread_start

    thread = thread_start(zone=open_group, author=admin, title="Hi", body="x").thread
    response = api_client(stranger).post(
        f"{BASE}/zones/{open_group.slug}/threads/{thread.pk}/posts",
        {"body": "x"},
        content_type="application/json",
    )

    assert response.status_code == 403


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/zones/pas/threads"),
        ("get", "/zones/pas/threads/{thread}/posts"),
        ("post", "/zones/pas/threads/{thread}/posts"),
        ("post", "/zones/pas/read"),
        ("post", "/zones/pas/threads/{thread}/read"),
    ],
)
def test_an_employer_gets_404_json_for_the_pa_zone(employer, pa_thread, method, path):
    client = api_client(employer)
    url = BASE + path.format(thread=pa_thread.pk)

    if method == "post":
        response = client.post(url, {"body": "x"}, content_type="application/json")
    else:
        response = client.get(url)

    assert response.status_code == 404
    assert response.json()["detail"]


def test_unknown_zones_and_bad_ids_are_4xx_json(pa):
    client = api_client(pa)

    assert client.get(f"{BASE}/zones/nowhere/threads").status_code == 404
    assert client.get(f"{BASE}/zones/pas/threads/99999999999999999999999/posts").status_code == 400
    assert client.get(f"{BASE}/zones/pas/threads?page=0").status_code == 400


def test_marking_read(pa, pa_thread):
    client = api_client(pa)

    assert client.post(f"{BASE}/zones/pas/read").status_code == 204
    assert client.post(f"{BASE}/zones/pas/threads/{pa_thread.pk}/read").status_code == 204
    assert ZoneRead.objects.filter(user=pa).exists()
    assert ThreadRead.objects.filter(user=pa, thread=pa_thread).exists()


def test_logged_out_calls_are_401(db):
    assert Client().get(f"{BASE}/zones").status_code == 401
    assert Client().post(f"{BASE}/zones/pas/read").status_code == 401
