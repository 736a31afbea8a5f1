"""The community home, a zone's page and a thread's page read in a fixed number of queries,
however many zones, threads and posts there are."""

from django.urls import reverse

from pahub.community.forum import services
from pahub.community.models import Post, Thread


def many_threads(zone, author, count):
    for number in range(count):
        services.thread_start(zone=zone, author=author, title=f"Thread {number}", body="Hello")


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_zone_page_does_not_grow_with_threads(
    client_for, pa, zones, django_assert_max_num_queries
):
    client = client_for(pa)
    url = reverse("community:zone", args=["pas"])
    many_threads(zones["pas"], pa, 2)
    few = count_queries(client, url, django_assert_max_num_queries, 30)
    many_threads(zones["pas"], pa, 20)

    count_queries(client, url, django_assert_max_num_queries, few)


def test_the_thread_page_does_not_grow_with_posts(
    client_for, pa, other_pa, pa_thread, django_assert_max_num_queries
):
    client = client_for(other_pa)
    url = reverse("community:thread", args=["pas", pa_thread.pk])
    services.post_reply(thread=pa_thread, author=pa, body="One", quoted=pa_thread.posts.first())
    few = count_queries(client, url, django_assert_max_num_queries, 35)
    first = pa_thread.posts.first()
    for number in range(15):
        services.post_reply(thread=pa_thread, author=pa, body=f"Reply {number}", quoted=first)

    assert Post.objects.filter(thread=pa_thread).count() == 17
    count_queries(client, url, django_assert_max_num_queries, few)


def test_the_community_home_does_not_grow_with_zones_or_threads(
    client_for, admin, pa, zones, organisation, django_assert_max_num_queries
):
    from tests.community.forum.conftest import make_group

    client = client_for(admin)
    url = reverse("community:home")
    few = count_queries(client, url, django_assert_max_num_queries, 30)
    for number in range(5):
        make_group(organisation, name=f"Group {number}", audience="anyone", joining="open")
    many_threads(zones["newcastle"], pa, 5)

    assert Thread.objects.count() > 5
    count_queries(client, url, django_assert_max_num_queries, few)
