"""How fast the insights are on a seeded register: each collector's refresh, and each
dashboard's tables for one council and for every area, on SQLite and PostgreSQL.

    .venv/bin/python bench/insights_bench.py [--pas N] [--jobs N] [--runs R] [--fresh]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insightsbench \\
        .venv/bin/python bench/insights_bench.py --skip-sqlite

Each database (SQLite in `var/insightsbench/`, and PostgreSQL when DATABASE_URL is set) is
migrated and seeded once with `manage.py seed` (untimed; later runs reuse it unless
`--fresh`). Then, in a separate process, it times `summaries.refresh_one` for every
collector (`--refreshes` times each: the work the clock does), and every dashboard's
`tables(scope)` `--runs` times for a scope of one council (Newcastle upon Tyne) and one of
every area with facts, printing the median and 95th percentile and the SQL queries made. When
the insights pages are installed, /insights/workforce/ is timed too through the whole Django
stack, signed in as a commissioner of a council serving Newcastle. Last, a member of that
council's staff exports its whole register as CSV and as XLSX (`staff_export`, as
/staff/register/export.* does).
"""

import argparse
import json
import time
from datetime import date, timedelta
from pathlib import Path

import benchlib
from benchlib import (
    QueryCounter,
    migrate_and_seed,
    on_kept_databases,
    percentile,
    run_worker,
    seeded_label,
    seeded_profiles,
    test_client_env,
)

COMMISSIONER_EMAIL = "insights-bench-commissioner@bench.pahub.example.org"
STAFF_EMAIL = "insights-bench-staff@bench.pahub.example.org"


def seed_database(env: dict[str, str], options: argparse.Namespace) -> float:
    seeded = migrate_and_seed(
        env,
        pas=options.pas,
        employers=options.employers,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded_profiles(env, options.seed) == options.pas,
        extra=[f"--jobs={options.jobs}", "--no-learning"],
    )
    return seeded[0] if seeded else 0.0


def timed(function, runs: int) -> dict:
    """Run `function` once counting its queries, then `runs` times timed (ms)."""
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50": percentile(times, 0.50),
        "p95": percentile(times, 0.95),
        "queries": counter.count,
    }


# The worker: runs inside Django, in its own process.


def worker(runs: int, refreshes: int) -> None:
    benchlib.setup_django()
    from django.db import connection

    from pahub.insights import summaries
    from pahub.insights.dashboard import all_dashboards
    from pahub.insights.models import Fact
    from pahub.insights.scope import Scope
    from pahub.insights.suppression import suppress
    from pahub.places.models import LocalAuthority
    from pahub.register.models import PAProfile

    print(
        json.dumps({"database": connection.vendor, "profiles": PAProfile.objects.count()}),
        flush=True,
    )
    for name in summaries.collector_names():
        times = []
        for _ in range(refreshes):
            started = time.perf_counter()
            facts = summaries.refresh_one(name)
            times.append(time.perf_counter() - started)
        print(json.dumps({"collector": name, "facts": facts, "seconds": min(times)}), flush=True)

    today = date.today()
    newcastle = LocalAuthority.objects.get(name="Newcastle upon Tyne").gss_code
    every_area = frozenset(Fact.objects.values_list("local_authority_id", flat=True).distinct())
    start = today - timedelta(days=365)
    scopes = {
        "one council": Scope(frozenset({newcastle}), start, today, "Newcastle upon Tyne"),
        f"all {len(every_area)} areas": Scope(every_area, start, today, "All areas"),
    }
    for dashboard in all_dashboards():
        for label, scope in scopes.items():
            figures = timed(lambda dashboard=dashboard, scope=scope: dashboard.tables(scope), runs)
            print(json.dumps({"dashboard": dashboard.slug, "scope": label, **figures}), flush=True)
            # What a page pays when its suppressed tables are not cached yet (the first
            # reader after each hourly refresh): the tables and their suppression.
            figures = timed(
                lambda dashboard=dashboard, scope=scope: [
                    suppress(table) for table in dashboard.tables(scope)
                ],
                max(runs // 5, 3),
            )
            print(
                json.dumps(
                    {"dashboard": f"{dashboard.slug} +suppression", "scope": label, **figures}
                ),
                flush=True,
            )
    for dashboard in all_dashboards():
        print(json.dumps({"page": time_dashboard_page(dashboard.slug, runs)}), flush=True)
    for file_format in ("csv", "xlsx"):
        print(json.dumps(time_register_export(file_format)), flush=True)


def bench_council_staff(email: str, **membership):
    """A member of staff (two-factor set up) of a council serving Newcastle upon Tyne."""
    from allauth.mfa.totp.internal.auth import TOTP

    from pahub.accounts.models import Membership, Organisation, User
    from pahub.places.models import LocalAuthority

    council, _ = Organisation.objects.get_or_create(
        name="Insights bench council", defaults={"kind": Organisation.Kind.LOCAL_AUTHORITY}
    )
    council.local_authorities.add(LocalAuthority.objects.get(name="Newcastle upon Tyne"))
    person, created = User.objects.get_or_create(email=email, defaults={"full_name": "Bench"})
    if created:
        TOTP.activate(person, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    Membership.objects.update_or_create(user=person, organisation=council, defaults=membership)
    return person


def time_dashboard_page(slug: str, runs: int) -> dict | None:
    """/insights/<slug>/ through the whole stack for a commissioner of the council (one
    council's figures, the page's default), or None when there is no such page. After the
    first request the suppressed tables come from the cache until the next refresh."""
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    try:
        address = reverse("insights:dashboard", args=[slug])
    except NoReverseMatch:
        return None
    client = Client()
    client.force_login(bench_council_staff(COMMISSIONER_EMAIL, views_insights=True))
    return benchlib.time_page(client, address, f"{slug} page", runs=runs, warm_up=3)


def time_register_export(file_format: str) -> dict:
    """One council's whole register exported by a member of its staff, start to last byte."""
    from pahub.register import staff_export
    from pahub.register.search import RegisterFilters

    staff = bench_council_staff(STAFF_EMAIL)
    started = time.perf_counter()
    rows = staff_export.register_export(staff, RegisterFilters(), file_format)
    if file_format == "csv":
        size = sum(len(line) for line in staff_export.csv_lines(rows))
    else:
        size = len(staff_export.xlsx_file(rows).read())
    seconds = time.perf_counter() - started
    count = staff_export.profile_ids_for_export(staff, RegisterFilters())
    return {"export": file_format, "rows": len(count), "seconds": seconds, "bytes": size}


# The report


def bench_database(name: str, env: dict[str, str], options: argparse.Namespace) -> None:
    seconds = seed_database(env, options)
    arguments = ["--worker", f"--runs={options.runs}", f"--refreshes={options.refreshes}"]
    rows = run_worker(__file__, arguments, test_client_env(env), name="insights worker")
    about = rows[0]
    print(f"\n=== {name}: {about['profiles']:,} PA profiles ({seeded_label(seconds)})")
    print(f"{'refresh':<28} {'facts':>8} {'seconds':>8}")
    for row in rows:
        if "collector" in row:
            print(f"{row['collector']:<28} {row['facts']:>8,} {row['seconds']:>8.2f}")
    print(
        f"\n{'dashboard tables(scope)':<40} {'scope':<16} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}"
    )
    for row in rows:
        if "dashboard" in row:
            print(
                f"{row['dashboard']:<40} {row['scope']:<16} {row['p50']:>8.1f} "
                f"{row['p95']:>8.1f} {row['queries']:>8}"
            )
    print(f"\n{'register export (one council)':<32} {'PAs':>8} {'seconds':>8} {'MB':>7}")
    for row in rows:
        if "export" in row:
            print(
                f"{row['export']:<32} {row['rows']:>8,} {row['seconds']:>8.2f} "
                f"{row['bytes'] / 1024 / 1024:>7.1f}"
            )
    pages = [row["page"] for row in rows if row.get("page")]
    if not pages:
        print("\nThe insights pages are not installed here: pages not timed.")
    else:
        print("\nDashboard pages (suppressed tables cached after the first request):")
        benchlib.print_page_rows(pages, width=24)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=20_000)
    parser.add_argument("--employers", type=int, default=5_000)
    parser.add_argument("--jobs", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=50, help="Timed reads of each dashboard.")
    parser.add_argument("--refreshes", type=int, default=2, help="Timed refreshes (best kept).")
    parser.add_argument("--seed", type=int, default=141414)
    parser.add_argument("--fresh", action="store_true", help="Seed again even if seeded.")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--sqlite-dir", type=Path, default=benchlib.ROOT / "var" / "insightsbench")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options.runs, options.refreshes)
        return
    on_kept_databases(
        lambda name, env: bench_database(name, env, options),
        sqlite_dir=None if options.skip_sqlite else options.sqlite_dir,
    )


if __name__ == "__main__":
    main()
