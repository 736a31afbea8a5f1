"""Reporting a post: /community/posts/<id>/report/. Only people who may see the zone find
the page; everyone else gets 404."""

import pytest

from pahub.community.models import Post, PostReport

URL = "/community/posts/{}/report/"


def test_a_member_reports_a_post_and_gets_a_confirmation(client_for, pa, post):
    client = client_for(pa)
    page = client.get(URL.format(post.pk))
    assert page.status_code == 200
    assert "You are all useless at this." in page.content.decode()
    response = client.post(URL.format(post.pk), {"reason": "unkind", "details": "Not nice."})
    assert response.status_code == 302
    assert response["Location"] == f"/community/posts/{post.pk}/report/sent/"
    confirmation = client.get(response["Location"])
    assert "Report sent" in confirmation.content.decode()
    report = PostReport.objects.get()
    assert (report.reporter, report.reason, report.details) == (pa, "unkind", "Not nice.")


def test_a_second_open_report_from_the_same_person_is_refused_politely(client_for, pa, post):
    client = client_for(pa)
    client.post(URL.format(post.pk), {"reason": "unkind"})
    response = client.post(URL.format(post.pk), {"reason": "spam", "details": "Again"})
    assert response.status_code == 200
    assert "already reported this post" in response.content.decode()
    assert PostReport.objects.count() == 1


def test_no_reason_is_explained_next_to_the_field_and_the_details_kept(client_for, pa, post):
    response = client_for(pa).post(URL.format(post.pk), {"details": "What I typed"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select why you are reporting this post" in html
    assert "What I typed" in html
    assert "govuk-error-summary" in html
    assert not PostReport.objects.exists()


def test_an_unknown_reason_is_refused(client_for, pa, post):
    response = client_for(pa).post(URL.format(post.pk), {"reason": "boredom"})
    assert response.status_code == 200
    assert not PostReport.objects.exists()


def test_details_too_long_are_explained_and_kept(client_for, pa, post):
    long = "x" * 2001
    response = client_for(pa).post(URL.format(post.pk), {"reason": "other", "details": long})
    assert "2,000 characters or fewer" in response.content.decode()
    assert long in response.content.decode()


@pytest.mark.parametrize("person", ["outsider", "other_moderator", "other_pa"])
def test_people_who_cannot_see_the_zone_get_404(request, client_for, post, person):
    client = client_for(request.getfixturevalue(person))
    assert client.get(URL.format(post.pk)).status_code == 404
    assert client.post(URL.format(post.pk), {"reason": "unkind"}).status_code == 404
    assert client.get(f"/community/posts/{post.pk}/report/sent/").status_code == 404


def test_a_hidden_post_cannot_be_reported(client_for, pa, post):
    Post.objects.filter(pk=post.pk).update(status=Post.Status.HIDDEN)
    assert client_for(pa).get(URL.format(post.pk)).status_code == 404


def test_a_missing_post_is_404(client_for, pa, db):
    assert client_for(pa).get(URL.format(999999)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, post):
    response = client.get(URL.format(post.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
