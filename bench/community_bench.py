"""How fast the community's pages are with 100,000 posts: a zone's first page, a thread of 500
replies (its first and last pages) and the community home with its unread counts.

    .venv/bin/python bench/community_bench.py [--pas 100000] [--posts 100000] [--runs 200]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/communitybench \\
        .venv/bin/python bench/community_bench.py

Uses its own databases, kept between runs: SQLite in `var/communitybench/` (`--sqlite-dir`)
and, when DATABASE_URL points at PostgreSQL, that database too (created if missing). Each is
migrated and seeded once with `manage.py seed --pas N --employers N/5 --posts P --no-learning`
(the community's seed: threads and replies in the PA, employers' and area zones, one PA-zone
thread of exactly 500 replies, and the seed's first PA has read half the threads of their
zones; on PostgreSQL the seed ends with VACUUM ANALYZE, as production would after a bulk
load), untimed; later runs reuse the seed unless `--fresh`.

Then, in a separate process, the test client signs in as the seed's first PA and requests
each page `--warm-up` times untimed and `--runs` times timed, through the whole Django stack.
It prints p50/p95/p99 milliseconds, the SQL queries one request makes and the page's size. It
prints figures and asserts nothing about them.
"""

import argparse
import json
from pathlib import Path

import benchlib
from benchlib import ROOT, migrate_and_seed, on_kept_databases, run_manage, seeded_label

LONG_THREAD_REPLIES = 500


def seeded(env: dict[str, str], seed: int) -> tuple[int, int]:
    """How many PAs and posts by the seed's people the database holds."""
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.accounts.seeding import seed_users; "
        "from pahub.community.models import Post; "
        f"people = seed_users({seed}); "
        "print(people.filter(roles__role='pa').count(), "
        "Post.objects.filter(author__in=people.values('pk')).count())",
    )
    pas, posts = output.strip().splitlines()[-1].split()
    return int(pas), int(posts)


def prepare(env: dict[str, str], options: argparse.Namespace) -> str:
    seeded_now = migrate_and_seed(
        env,
        pas=options.pas,
        employers=options.pas // 5,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded(env, options.seed) == (options.pas, options.posts),
        extra=[f"--posts={options.posts}", "--no-learning"],
    )
    if seeded_now is None:
        return seeded_label(None)
    seconds, output = seeded_now
    community = next((line for line in output.splitlines() if line.startswith("Community:")), "")
    return f"{seeded_label(seconds, pas=options.pas)}\n{community}"


def run_worker(env: dict[str, str], options: argparse.Namespace) -> list[dict]:
    arguments = ["--worker", f"--runs={options.runs}", f"--warm-up={options.warm_up}"]
    return benchlib.run_worker(
        __file__, [*arguments, f"--seed={options.seed}"], benchlib.test_client_env(env)
    )


# The worker: runs inside Django, in its own process.


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    from django.db import connection
    from django.test import Client

    from pahub.accounts.seeding import seed_users
    from pahub.community.forum.queries import POSTS_PER_PAGE
    from pahub.community.models import Post, Thread, Zone

    pa = seed_users(options.seed).filter(roles__role="pa").order_by("pk").first()
    pa_zone = Zone.objects.get(kind=Zone.Kind.PAS)
    long_thread = Thread.objects.filter(zone=pa_zone, reply_count=LONG_THREAD_REPLIES).first()
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "posts": Post.objects.count(),
                "threads": Thread.objects.count(),
                "pa_zone_threads": Thread.objects.filter(zone=pa_zone).count(),
                "signed_in_as": pa.email,
            }
        ),
        flush=True,
    )
    client = Client()
    client.force_login(pa)
    thread_address = f"/community/{pa_zone.slug}/threads/{long_thread.pk}/"
    last_page = -(-(LONG_THREAD_REPLIES + 1) // POSTS_PER_PAGE)
    pages = [
        ("/community/", "community home: zones and unread counts"),
        (f"/community/{pa_zone.slug}/", "the PA zone's first page"),
        (thread_address, "a 500-reply thread, first page"),
        (f"{thread_address}?page={last_page}", "a 500-reply thread, last page"),
    ]
    for address, name in pages:
        row = benchlib.time_page(client, address, name, runs=options.runs, warm_up=options.warm_up)
        print(json.dumps(row), flush=True)


def print_results(name: str, prepared: str, rows: list[dict], runs: int) -> None:
    about, pages = rows[0], rows[1:]
    print(f"\n=== {name}: {prepared}")
    print(
        f"{about['posts']:,} posts in {about['threads']:,} threads "
        f"({about['pa_zone_threads']:,} in the PA zone). Signed in as {about['signed_in_as']}. "
        f"{runs} timed requests a page."
    )
    benchlib.print_page_rows(pages, width=44)


def bench_database(name: str, env: dict[str, str], options: argparse.Namespace) -> None:
    prepared = prepare(env, options)
    print_results(name, prepared, run_worker(env, options), options.runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200, help="Timed requests a page.")
    parser.add_argument("--warm-up", type=int, default=10, help="Untimed requests first.")
    parser.add_argument("--seed", type=int, default=626262)
    parser.add_argument("--fresh", action="store_true", help="Seed again even if seeded.")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--sqlite-dir", type=Path, default=ROOT / "var" / "communitybench")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options)
        return

    on_kept_databases(
        lambda name, env: bench_database(name, env, options),
        sqlite_dir=None if options.skip_sqlite else options.sqlite_dir,
    )


if __name__ == "__main__":
    main()
