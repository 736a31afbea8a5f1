"""The moderators' queue and their actions, /community/moderation/. A moderator of one zone
never sees another zone's posts: they are 404."""

import pytest

from pahub.accounts.models import Organisation
from pahub.community.models import ModerationAction, Post, PostReport, Suspension
from pahub.community.moderation import services
from pahub.notifications.models import Notice
from pahub.places.models import LocalAuthority
from tests.community.factories import PostFactory, ThreadFactory
from tests.factories import OrganisationFactory, UserFactory, make_staff

QUEUE = "/community/moderation/"
POST = "/community/moderation/posts/{}/"


@pytest.fixture
def reported(post, pa):
    services.report_create(post=post, reporter=pa, reason="unkind", details="Rude to everyone")
    return post


@pytest.fixture
def held(thread, representative):
    return PostFactory(
        thread=thread,
        author=representative,
        body="Call me on 0191 123 4567",
        status=Post.Status.HELD,
        held_reason="It may share a phone number",
    )


def test_the_queue_lists_reported_and_held_posts_in_context(client_for, moderator, reported, held):
    response = client_for(moderator).get(QUEUE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Finding cover at short notice" in html
    assert "Everyone in Newcastle upon Tyne" in html
    assert "You are all useless at this." in html
    assert "Reported 1 time" in html
    assert "Held: It may share a phone number" in html


def test_the_queue_leaves_out_other_zones(client_for, moderator, reported, other_post, outsider):
    services.report_create(post=other_post, reporter=outsider, reason="spam", details="")
    Post.objects.filter(pk=other_post.pk).update(status=Post.Status.HELD)
    html = client_for(moderator).get(QUEUE).content.decode()
    assert "Anyone near Durham?" not in html
    assert "Durham meet-up" not in html


def test_a_site_admin_sees_every_zone(client_for, admin, reported, other_post):
    Post.objects.filter(pk=other_post.pk).update(status=Post.Status.HELD, held_reason="Words")
    html = client_for(admin).get(QUEUE).content.decode()
    assert "Durham meet-up" in html
    assert "Finding cover at short notice" in html


@pytest.mark.parametrize("person", ["pa", "employer", "outsider"])
def test_people_who_moderate_nothing_get_404(request, client_for, reported, person):
    client = client_for(request.getfixturevalue(person))
    assert client.get(QUEUE).status_code == 404
    assert client.get(POST.format(reported.pk)).status_code == 404
    response = client.post(POST.format(reported.pk), {"action": "hide", "hide-reason": "x"})
    assert response.status_code == 404
    assert Post.objects.get(pk=reported.pk).status == Post.Status.PUBLISHED


def test_signed_out_people_are_sent_to_sign_in(client, reported):
    for url in (QUEUE, POST.format(reported.pk), "/community/moderation/about-you/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_a_moderator_of_another_zone_gets_404_for_this_zones_posts(
    client_for, other_moderator, other_zone, reported
):
    client = client_for(other_moderator)
    assert client.get(QUEUE).status_code == 200
    assert client.get(POST.format(reported.pk)).status_code == 404
    response = client.post(POST.format(reported.pk), {"action": "hide", "hide-reason": "x"})
    assert response.status_code == 404
    assert not ModerationAction.objects.exists()


def test_the_queue_query_count_does_not_grow_with_posts(
    client_for, moderator, zone, employer, pa, django_assert_max_num_queries
):
    client = client_for(moderator)

    def add_reported_posts(count):
        for number in range(count):
            thread = ThreadFactory(zone=zone, title=f"Question {number}")
            author = UserFactory()
            post = PostFactory(thread=thread, author=author)
            services.report_create(post=post, reporter=pa, reason="spam", details="")
            PostFactory(thread=thread, author=employer, status=Post.Status.HELD)
            services.person_suspend(
                zone=zone, person=author, moderator=moderator, reason="Spam", days=1
            )

    add_reported_posts(1)
    with django_assert_max_num_queries(20) as few:
        client.get(QUEUE)
    add_reported_posts(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(QUEUE)
    html = response.content.decode()
    assert html.count("Review<span") == 18
    assert html.count("Lift<span") == 9


def test_the_review_page_shows_the_post_reports_and_actions(client_for, moderator, reported):
    html = client_for(moderator).get(POST.format(reported.pk)).content.decode()
    assert "You are all useless at this." in html
    assert "Rude to everyone" in html
    assert "It is unkind, bullying or harassment" in html
    for button in ("Hide the post", "Keep the post", "Send a warning", "Suspend from the zone"):
        assert button in html
    # The reporter is never named to the moderator.
    assert "Jordan" not in html


def test_hiding_from_the_page_needs_a_reason(client_for, moderator, reported):
    response = client_for(moderator).post(POST.format(reported.pk), {"action": "hide"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter the reason" in html
    assert "govuk-error-summary" in html
    assert Post.objects.get(pk=reported.pk).status == Post.Status.PUBLISHED


def test_hiding_from_the_page_hides_and_tells_everyone(client_for, moderator, reported, pa):
    response = client_for(moderator).post(
        POST.format(reported.pk), {"action": "hide", "hide-reason": "Unkind to members."}
    )
    assert response.status_code == 302
    post = Post.objects.get(pk=reported.pk)
    assert (post.status, post.hidden_reason) == (Post.Status.HIDDEN, "Unkind to members.")
    assert Notice.objects.filter(recipient=pa, kind="community.report_outcome").exists()
    assert Notice.objects.filter(recipient=post.author, kind="community.post_hidden").exists()


def test_keeping_from_the_page(client_for, moderator, reported):
    response = client_for(moderator).post(POST.format(reported.pk), {"action": "keep"})
    assert response.status_code == 302
    assert PostReport.objects.get().outcome == PostReport.Outcome.KEPT


def test_publishing_a_held_post_from_the_page(client_for, moderator, held):
    response = client_for(moderator).post(POST.format(held.pk), {"action": "release"})
    assert response.status_code == 302
    assert Post.objects.get(pk=held.pk).status == Post.Status.PUBLISHED


def test_restoring_from_the_page(client_for, moderator, post):
    services.post_hide(post=post, moderator=moderator, reason="Oops")
    response = client_for(moderator).post(POST.format(post.pk), {"action": "restore"})
    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).status == Post.Status.PUBLISHED


def test_warning_from_the_page(client_for, moderator, post, employer):
    response = client_for(moderator).post(
        POST.format(post.pk), {"action": "warn", "warn-reason": "Mind your words."}
    )
    assert response.status_code == 302
    assert Notice.objects.filter(recipient=employer, kind="community.warning").exists()


def test_suspending_from_the_page(client_for, moderator, post, employer):
    response = client_for(moderator).post(
        POST.format(post.pk),
        {"action": "suspend", "suspend-reason": "Abuse", "suspend-days": "7"},
    )
    assert response.status_code == 302
    assert Suspension.objects.get().user == employer


@pytest.mark.parametrize("days", ["", "0", "seven", "400"])
def test_bad_days_are_explained_and_the_reason_kept(client_for, moderator, post, days):
    response = client_for(moderator).post(
        POST.format(post.pk),
        {"action": "suspend", "suspend-reason": "What I typed", "suspend-days": days},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "number of days" in html
    assert "What I typed" in html
    assert not Suspension.objects.exists()


def test_an_action_the_post_no_longer_allows_is_refused(client_for, moderator, post):
    response = client_for(moderator).post(POST.format(post.pk), {"action": "release"})
    assert response.status_code == 302
    assert not ModerationAction.objects.exists()


def test_lifting_a_suspension(client_for, moderator, post, employer, other_moderator):
    suspension = services.person_suspend(
        zone=post.thread.zone, person=employer, moderator=moderator, reason="Abuse", days=7
    )
    url = f"/community/moderation/suspensions/{suspension.pk}/lift/"
    assert "Lift" in client_for(moderator).get(QUEUE).content.decode()
    assert client_for(other_moderator).post(url).status_code == 404
    assert client_for(employer).post(url).status_code == 404
    assert client_for(moderator).get(url).status_code == 405
    assert client_for(moderator).post(url).status_code == 302
    suspension.refresh_from_db()
    assert suspension.lifted_at is not None


def test_the_suspension_page_says_until_when_and_only_to_them(
    client_for, moderator, post, employer, pa
):
    suspension = services.person_suspend(
        zone=post.thread.zone, person=employer, moderator=moderator, reason="Abuse", days=7
    )
    url = f"/community/suspensions/{suspension.pk}/"
    html = client_for(employer).get(url).content.decode()
    assert "You cannot post in Everyone in Newcastle upon Tyne until" in html
    assert "Abuse" in html
    assert client_for(pa).get(url).status_code == 404


def test_the_author_sees_why_their_post_was_hidden(client_for, moderator, post, employer, pa):
    services.post_hide(post=post, moderator=moderator, reason="Please be kind.")
    html = client_for(employer).get("/community/moderation/about-you/").content.decode()
    assert "A moderator hid this post" in html
    assert "Please be kind." in html
    assert moderator.full_name not in html
    assert (
        "Please be kind."
        not in client_for(pa).get("/community/moderation/about-you/").content.decode()
    )


def test_staff_home_links_to_the_queue_for_moderators(client_for, moderator, zone):
    assert "/community/moderation/" in client_for(moderator).get("/staff/").content.decode()


def test_staff_of_an_organisation_serving_no_zone_get_no_link(client_for, db):
    # An organisation serving only an area outside the spokes (which has no zone) and running
    # no group moderates nothing.
    elsewhere = LocalAuthority.objects.filter(is_spoke=False).order_by("name").first()
    provider = OrganisationFactory(kind=Organisation.Kind.TRAINING_PROVIDER, areas=[elsewhere.name])
    trainer = make_staff(organisation=provider, email="trainer@example.org")
    html = client_for(trainer).get("/staff/").content.decode()
    assert "/community/moderation/" not in html
