"""How fast the learning zone's pages are for a PA with 200 completions among 100,000 PAs.

    .venv/bin/python bench/learning_bench.py [--pas 100000] [--runs 200] [--seed 525252] [--fresh]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/learningbench \\
        .venv/bin/python bench/learning_bench.py

Uses its own databases, kept between runs: SQLite in `var/learningbench/` (`--sqlite-dir`)
and, when DATABASE_URL points at PostgreSQL, that database too (created if missing; name it
`learningbench`). Each is migrated and seeded once with `manage.py seed --learning-heavy-pa`
(PAs with register profiles and their learning: completions, certificates, CPD, plans,
events; the seed's first PA holds exactly 200 completions), untimed; later runs reuse the seed
unless `--fresh`.

Then, in a separate process, the test client signs in as that PA and requests each page of
PAGES `--warm-up` times untimed and `--runs` times timed, through the whole Django stack
(middleware, view, template). It prints p50/p95/p99 milliseconds, the SQL queries one request
makes (CaptureQueriesContext) and the size of the page. A page that answers 404 is reported
as "not found" and skipped, so the benchmark runs before every page exists. It prints figures
and asserts nothing about them.
"""

import argparse
import json
from pathlib import Path

import benchlib
from benchlib import (
    ROOT,
    migrate_and_seed,
    on_kept_databases,
    run_manage,
    seeded_label,
    test_client_env,
)

HEAVY_COMPLETIONS = 200

# The pages timed, in order: (address, what it is). The notification centre is a baseline: a
# signed-in page with nothing of learning on it, so the learning pages' own cost shows.
PAGES: list[tuple[str, str]] = [
    ("/learning/", "learning home"),
    ("/learning/plan/", "learning plan"),
    ("/notifications/", "notification centre (baseline)"),
]


def seeded(env: dict[str, str], seed: int) -> tuple[int, int]:
    """How many PAs the seed holds, and how many completions its heavy PA has."""
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.accounts.seeding import seed_users; "
        "from pahub.learning.models import ModuleCompletion; "
        "from pahub.learning.seeding import heavy_pa_email; "
        f"pas = seed_users({seed}).filter(roles__role='pa').count(); "
        "heavy = ModuleCompletion.objects.filter("
        f"user__email=heavy_pa_email({seed})).count(); "
        "print(pas, heavy)",
    )
    pas, heavy = output.strip().splitlines()[-1].split()
    return int(pas), int(heavy)


def prepare(env: dict[str, str], options: argparse.Namespace) -> str:
    """Migrate, and seed unless this database already holds exactly this seed."""
    seeded_now = migrate_and_seed(
        env,
        pas=options.pas,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded(env, options.seed) == (options.pas, HEAVY_COMPLETIONS),
        extra=["--learning-heavy-pa"],
    )
    if seeded_now is None:
        return seeded_label(None)
    seconds, output = seeded_now
    learning = next((line for line in output.splitlines() if line.startswith("Learning:")), "")
    return f"{seeded_label(seconds, pas=options.pas)}\n{learning}"


def run_worker(env: dict[str, str], options: argparse.Namespace) -> list[dict]:
    arguments = ["--worker", f"--runs={options.runs}", f"--warm-up={options.warm_up}"]
    return benchlib.run_worker(
        __file__, [*arguments, f"--seed={options.seed}"], test_client_env(env)
    )


# The worker: runs inside Django, in its own process.


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    from django.db import connection
    from django.test import Client

    from pahub.accounts.models import User
    from pahub.accounts.seeding import seed_users
    from pahub.learning.models import Certificate, CPDEntry, ModuleCompletion, PlanItem
    from pahub.learning.seeding import heavy_pa_email

    pa = User.objects.get(email=heavy_pa_email(options.seed))
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "pas": seed_users(options.seed).filter(roles__role="pa").count(),
                "completions": ModuleCompletion.objects.count(),
                "certificates": Certificate.objects.count(),
                "cpd_entries": CPDEntry.objects.count(),
                "heavy_pa": pa.email,
                "heavy_completions": pa.module_completions.count(),
                "heavy_certificates": pa.certificates.count(),
                "heavy_cpd_entries": CPDEntry.objects.filter(user=pa).count(),
                "heavy_plan_items": PlanItem.objects.filter(user=pa).count(),
            }
        ),
        flush=True,
    )
    client = Client()
    client.force_login(pa)
    for address, name in PAGES:
        row = benchlib.time_page(client, address, name, runs=options.runs, warm_up=options.warm_up)
        print(json.dumps(row), flush=True)


def print_results(name: str, prepared: str, rows: list[dict], runs: int) -> None:
    about, pages = rows[0], rows[1:]
    print(f"\n=== {name}: {prepared}")
    print(
        f"{about['pas']:,} PAs; {about['completions']:,} completions, "
        f"{about['certificates']:,} certificates, {about['cpd_entries']:,} CPD entries in all.\n"
        f"Signed in as {about['heavy_pa']}: {about['heavy_completions']:,} completions, "
        f"{about['heavy_certificates']} certificates, {about['heavy_cpd_entries']} CPD entries, "
        f"{about['heavy_plan_items']} plan steps. {runs} timed requests a page."
    )
    benchlib.print_page_rows(pages)


def bench_database(name: str, env: dict[str, str], options: argparse.Namespace) -> None:
    prepared = prepare(env, options)
    print_results(name, prepared, run_worker(env, options), options.runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200, help="Timed requests a page.")
    parser.add_argument("--warm-up", type=int, default=10, help="Untimed requests first.")
    parser.add_argument("--seed", type=int, default=525252)
    parser.add_argument("--fresh", action="store_true", help="Seed again even if seeded.")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--sqlite-dir", type=Path, default=ROOT / "var" / "learningbench")
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
