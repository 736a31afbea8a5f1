"""The community at scale for the people `manage.py seed` creates: threads and replies in the
PA zone, the employers' zone and the area zones, and read marks. Deterministic and fast, like
the rest of the seed.

What a seeded community looks like, for `posts` posts (by default as many as the seed's PAs):

- half the posts are in the PA zone (by seeded PAs), a fifth in the employers' zone (by seeded
  employers), the rest in the zones of the people's own areas;
- threads have 1 to 19 posts (an opening post and replies), a few are pinned;
- when the PA zone gets more than 500 posts (1,002 posts or more), its first seeded thread has
  exactly 500 replies, for the
  benchmark's long thread (`bench/community_bench.py`);
- the seed's first PA has read half the threads of each zone they belong to, so their unread
  counts are neither zero nor everything.

Posts are plain sentences without Markdown, so the stored HTML is each paragraph escaped
inside `<p>`, exactly what the renderer makes of such text; bulk inserts skip rendering. Nothing
is audited and nobody is notified: seeding is a developer tool, not something a person did.
"""

import html
import random
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import reset_queries, transaction
from django.utils import timezone

from pahub.accounts.models import Role, User
from pahub.accounts.seeding import in_batches, seed_users
from pahub.community.forum.zones import zones_ensure
from pahub.community.models import Post, Thread, ThreadRead, Zone
from pahub.core.bulk_load import analyse_tables, build, bulk_load, bulk_loading_into

LONG_THREAD_REPLIES = 500
SEEDED_TABLES = ("community_thread", "community_post", "community_threadread")
# What the step loads (see bulk_loading_into): checking each post's foreign keys at commit
# took 3.7 s of the step's 22 at 200,000 posts on PostgreSQL.
SEEDED_MODELS = (Thread, Post, ThreadRead)

OPENINGS = (
    "Has anyone got tips for",
    "How do you all handle",
    "Quick question about",
    "Looking for advice on",
    "Does anyone else find it hard with",
    "What worked for you with",
)
SUBJECTS = (
    "holiday pay when hours change every week",
    "getting to a morning call when the buses are late",
    "moving and handling with a new hoist",
    "keeping a timesheet that everyone agrees on",
    "saying no to extra tasks politely",
    "training that fits round school hours",
    "a first day with a new employer",
    "covering a colleague who is ill at short notice",
    "talking about pay rises",
    "medication prompts and what is in the care plan",
)
REPLIES = (
    "We sorted this by writing it down together at the start of the month.",
    "I asked the support agency and they were really helpful with it.",
    "Same here. It got easier once we agreed a routine.",
    "The induction course on PA Hub has a module that covers this.",
    "I keep a note on my phone and we check it together each Friday.",
    "Worth asking the direct payment team, they have a leaflet about it.",
    "Thanks, that is useful to know.",
    "We tried a few ways; a shared calendar worked best for us.",
)


@dataclass
class CommunitySeedCounts:
    threads: int = 0
    posts: int = 0
    read_marks: int = 0
    zones: set[int] = field(default_factory=set)

    @property
    def rows(self) -> int:
        return self.threads + self.posts + self.read_marks


def community_name(full_name: str, district_id: str | None) -> str:
    first = full_name.split(" ")[0] if full_name else "Member"
    return f"{first}, {district_id}" if district_id else first


def paragraph_html(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def seeded_community_delete(seed: int) -> int:
    """Delete the threads and posts a seed's people wrote, before `--replace` deletes them
    (afterwards they could no longer be told apart from a real former member's)."""
    people = seed_users(seed).values("pk")
    threads = Thread.objects.filter(author__in=people)
    deleted, _ = threads.delete()
    Post.objects.filter(author__in=people).delete()
    return deleted


def _authors(seed: int, role: str, by_area: dict[str, array]) -> array:
    """The ids of a seed's people of one role, in order, also filed under their area: ids
    only (8 bytes each), so 200,000 authors take 3 MB; names are read a batch at a time."""
    ids = array("q")
    for batch in in_batches(seed_users(seed).filter(roles__role=role), "local_authority_id"):
        for pk, area in batch:
            ids.append(pk)
            by_area.setdefault(area, array("q")).append(pk)
    return ids


def _zone_plan(
    seed: int, posts: int, zones_by_area: dict[str, Zone], pa_zone: Zone, employer_zone: Zone
) -> list[tuple[Zone, array, int]]:
    """(zone, who may post there, how many posts) for each zone that gets posts."""
    people_by_area: dict[str, array] = {}
    pas = _authors(seed, Role.PA, people_by_area)
    employers = _authors(seed, Role.EMPLOYER, people_by_area)
    for area in [area for area in people_by_area if area not in zones_by_area]:
        del people_by_area[area]
    plan = []
    in_pa_zone = posts // 2 if pas else 0
    in_employer_zone = posts // 5 if employers else 0
    plan.append((pa_zone, pas, in_pa_zone))
    plan.append((employer_zone, employers, in_employer_zone))
    rest = posts - in_pa_zone - in_employer_zone
    everyone = sum(len(people) for people in people_by_area.values())
    areas = sorted(people_by_area.items())
    for number, (area, people) in enumerate(areas):
        share = rest * len(people) // everyone if everyone else 0
        if number == len(areas) - 1:
            # The last area takes what rounding left over, so the seed writes exactly `posts`.
            share = rest - sum(count for _, _, count in plan[2:])
        plan.append((zones_by_area[area], people, share))
    return plan


def _threads_for_zone(
    rng: random.Random,
    zone: Zone,
    people: array,
    count: int,
    *,
    long_thread: bool,
    now,
    batch_size: int,
) -> Iterator[tuple[list[Thread], list[list[Post]]]]:
    """The zone's threads and their posts, about `batch_size` posts at a time; each post's
    author name is left for `_name_authors`."""
    threads: list[Thread] = []
    posts_by_thread: list[list[Post]] = []
    in_batch = 0
    remaining = count
    start = now - timedelta(days=365)
    first = True
    while remaining > 0 and people:
        size = LONG_THREAD_REPLIES + 1 if long_thread and first else rng.randint(1, 19)
        first = False
        size = min(size, remaining)
        remaining -= size
        moment = start + timedelta(seconds=rng.randint(0, 364 * 24 * 3600))
        opener = rng.choice(people)
        title = f"{rng.choice(OPENINGS)} {rng.choice(SUBJECTS)}?"
        thread = build(
            Thread,
            zone=zone,
            title=title,
            author_id=opener,
            created_at=moment,
            is_pinned=rng.random() < 0.01,
        )
        posts: list[Post] = []
        for number in range(size):
            author = opener if number == 0 else rng.choice(people)
            text = title if number == 0 else rng.choice(REPLIES)
            posts.append(
                build(
                    Post,
                    author_id=author,
                    body=text,
                    body_html=paragraph_html(text),
                    created_at=moment,
                )
            )
            moment += timedelta(minutes=rng.randint(1, 600))
        thread.reply_count = size - 1
        thread.last_post_at = posts[-1].created_at
        threads.append(thread)
        posts_by_thread.append(posts)
        in_batch += size
        if in_batch >= batch_size:
            yield threads, posts_by_thread
            threads, posts_by_thread, in_batch = [], [], 0
    if threads:
        yield threads, posts_by_thread


def _name_authors(posts: list[Post]) -> None:
    """Each post's author name as shown beside it, read for this batch's authors only."""
    names = {
        pk: community_name(full_name, district_id)
        for pk, full_name, district_id in User.objects.filter(
            pk__in={post.author_id for post in posts}
        ).values_list("pk", "full_name", "district_id")
    }
    for post in posts:
        post.author_name = names[post.author_id]


def seed_community(
    *,
    seed: int,
    posts: int,
    batch_size: int,
    on_batch: Callable[[int, int], None] | None = None,
) -> CommunitySeedCounts:
    """Threads and posts for a seed's people, in PA Hub's own zones (made first if missing)."""
    zones_ensure()
    zones = Zone.objects.filter(archived_at__isnull=True)
    pa_zone = zones.get(kind=Zone.Kind.PAS)
    employer_zone = zones.get(kind=Zone.Kind.EMPLOYERS)
    zones_by_area = {zone.local_authority_id: zone for zone in zones.filter(kind=Zone.Kind.AREA)}
    rng = random.Random(f"pahub-seed-{seed}-community")
    now = timezone.now()
    counts = CommunitySeedCounts()
    plan = _zone_plan(seed, posts, zones_by_area, pa_zone, employer_zone)
    for zone, people, count in plan:
        for threads, posts_by_thread in _threads_for_zone(
            rng,
            zone,
            people,
            count,
            long_thread=zone == pa_zone and count > LONG_THREAD_REPLIES,
            now=now,
            batch_size=batch_size,
        ):
            bulk_load(threads)
            rows = []
            for thread, thread_posts in zip(threads, posts_by_thread, strict=True):
                for post in thread_posts:
                    post.thread_id = thread.pk
                    rows.append(post)
            _name_authors(rows)
            bulk_load(rows)
            counts.threads += len(threads)
            counts.posts += len(rows)
            counts.zones.add(zone.pk)
            if on_batch is not None:
                on_batch(counts.posts, posts)
    counts.read_marks = _first_pa_reads_half(seed, now)
    return counts


def _first_pa_reads_half(seed: int, now) -> int:
    first_pa = seed_users(seed).filter(roles__role=Role.PA).order_by("pk").first()
    if first_pa is None:
        return 0
    zone_ids = list(Zone.objects.filter(kind=Zone.Kind.PAS).values_list("pk", flat=True))
    if first_pa.local_authority_id:
        zone_ids += list(
            Zone.objects.filter(
                kind=Zone.Kind.AREA, local_authority_id=first_pa.local_authority_id
            ).values_list("pk", flat=True)
        )
    thread_ids = (
        Thread.objects.filter(zone_id__in=zone_ids).order_by("pk").values_list("pk", flat=True)
    )
    marks = [
        build(ThreadRead, user=first_pa, thread_id=thread_id, read_up_to=now)
        for number, thread_id in enumerate(thread_ids)
        if number % 2 == 0
    ]
    ThreadRead.objects.bulk_create(marks, batch_size=5000, ignore_conflicts=True)
    return len(marks)


def analyse_for_planner() -> None:
    """As `pahub.register.seeding.load.analyse_for_planner`, for the community's tables."""
    analyse_tables(SEEDED_TABLES)


def seed_extension(
    *,
    seed: int,
    batch_size: int,
    say: Callable[[str], None],
    posts: int,
) -> str:
    """The hook `manage.py seed` calls after the people and their profiles."""
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        reset_queries()
        say(f"  community: {done:,} / {total:,} posts ({time.perf_counter() - started:.1f} s)")

    with transaction.atomic(), bulk_loading_into(SEEDED_MODELS):
        counts = seed_community(
            seed=seed,
            posts=posts,
            batch_size=batch_size,
            on_batch=progress,
        )
    analyse_for_planner()
    return (
        f"Community: {counts.threads:,} threads and {counts.posts:,} posts in "
        f"{len(counts.zones)} zones, {counts.read_marks:,} read marks; "
        f"{time.perf_counter() - started:.1f} s."
    )
