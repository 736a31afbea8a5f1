"""`manage.py seed` fills the community: threads and replies in the PA zone, the employers' zone
and the area zones, by the seed's own people; one PA-zone thread of exactly 500 replies for the
benchmark; counts kept in step; the same seed gives the same threads; `--replace` takes the
seed's posts away with its people."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Max, Q

from pahub.accounts.models import Role
from pahub.accounts.seeding import seed_users
from pahub.community.models import Post, Thread, ThreadRead, Zone
from pahub.community.seeding import LONG_THREAD_REPLIES

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed", "--no-learning", *args, stdout=out)
    return out.getvalue()


def seeded_posts(number: int):
    return Post.objects.filter(author__in=seed_users(number).values("pk"))


def test_the_seed_writes_the_posts_asked_for_by_its_own_people_in_their_zones():
    output = seed("--pas", "60", "--employers", "20", "--posts", "1200", "--seed", "41")

    assert "Community:" in output
    assert seeded_posts(41).count() == Post.objects.exclude(thread__is_welcome=True).count()
    assert seeded_posts(41).count() == 1200
    pa_zone = Zone.objects.get(kind=Zone.Kind.PAS)
    employers_zone = Zone.objects.get(kind=Zone.Kind.EMPLOYERS)
    assert (
        not seeded_posts(41)
        .filter(thread__zone=pa_zone)
        .exclude(author__roles__role=Role.PA)
        .exists()
    )
    assert (
        not seeded_posts(41)
        .filter(thread__zone=employers_zone)
        .exclude(author__roles__role=Role.EMPLOYER)
        .exists()
    )
    # Everyone posting in an area's zone lives in that area.
    area_posts = seeded_posts(41).filter(thread__zone__kind=Zone.Kind.AREA)
    assert area_posts.exists()
    assert not area_posts.exclude(
        author__local_authority_id=F("thread__zone__local_authority_id")
    ).exists()


def test_one_pa_zone_thread_has_exactly_500_replies_and_counts_match_the_posts():
    seed("--pas", "40", "--employers", "10", "--posts", "1100", "--seed", "42")

    threads = Thread.objects.filter(is_welcome=False).annotate(
        published=Count("posts", filter=Q(posts__status=Post.Status.PUBLISHED)),
        last=Max("posts__created_at"),
    )
    assert threads.filter(zone__kind=Zone.Kind.PAS, reply_count=LONG_THREAD_REPLIES).count() == 1
    for thread in threads:
        assert thread.reply_count == thread.published - 1
        assert thread.last_post_at == thread.last


def test_the_first_pa_has_read_some_threads_but_not_all():
    seed("--pas", "30", "--employers", "10", "--posts", "600", "--seed", "43")

    first_pa = seed_users(43).filter(roles__role=Role.PA).order_by("pk").first()
    reads = ThreadRead.objects.filter(user=first_pa).count()
    assert 0 < reads < Thread.objects.filter(zone__kind=Zone.Kind.PAS).count()


def test_the_same_seed_gives_the_same_threads_and_replace_takes_the_old_ones_away():
    seed("--pas", "20", "--employers", "5", "--posts", "300", "--seed", "44")
    first = list(
        seeded_posts(44).order_by("created_at", "body").values_list("thread__title", "body")
    )

    seed("--pas", "20", "--employers", "5", "--posts", "300", "--seed", "44", "--replace")

    again = list(
        seeded_posts(44).order_by("created_at", "body").values_list("thread__title", "body")
    )
    assert [body for _, body in again] == [body for _, body in first]
    assert Post.objects.filter(author__isnull=True, thread__is_welcome=False).count() == 0


def test_no_posts_when_asked_for_none():
    seed("--pas", "10", "--employers", "2", "--posts", "0", "--seed", "45")
    assert not seeded_posts(45).exists()
