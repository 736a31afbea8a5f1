"""How long the demand, development and support dashboards take to refresh and to read, with
5,000 open jobs, on SQLite and PostgreSQL.

    .venv/bin/python bench/insights_collectors_bench.py [--pas N] [--jobs N] [--runs R] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insightsbench \\
        .venv/bin/python bench/insights_collectors_bench.py

Seeds PAs, employers and open jobs with `manage.py seed` (a fresh SQLite database in a
temporary PAHUB_VAR_DIR; and PostgreSQL when DATABASE_URL is set), then, in a worker process,
times over `--runs` runs:

- the vacancies-with-no-match count (`jobs.insight_counts.open_jobs_without_a_match`): one
  query for every open job at once (an earlier version asking per job took 63 s at 5,000);
- each collector's refresh (`summaries.refresh_one`): every count its dashboard needs;
- each dashboard's tables for every local authority and the last three months.

It prints p50 and p95 wall-clock milliseconds and the queries each took.
"""

import argparse
import statistics
import time
from pathlib import Path

import benchlib
from benchlib import (
    QueryCounter,
    base_env,
    delete_seed,
    ensure_postgres_database,
    migrate_and_seed,
    percentile,
    postgres_url,
    seeded_label,
    sqlite_var_dir,
)


def timed(label: str, runs: int, call) -> dict:
    from django.db import connection

    call()
    times, queries = [], 0
    for _ in range(runs):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
        queries = max(queries, counter.count)
    return {
        "what": label,
        "runs": runs,
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "queries": queries,
    }


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    import json
    from datetime import timedelta

    from django.utils import timezone

    from pahub.insights.dashboard import dashboard_for
    from pahub.insights.scope import Scope
    from pahub.insights.summaries import refresh_one
    from pahub.jobs.insight_counts import open_jobs_without_a_match
    from pahub.jobs.models import Job
    from pahub.places.models import LocalAuthority

    open_jobs = Job.objects.filter(status=Job.Status.PUBLISHED).count()
    unmatched = sum(jobs for _, _, jobs in open_jobs_without_a_match())
    print(json.dumps({"what": "counts", "open_jobs": open_jobs, "no_match": unmatched}))
    rows = [timed("no-match count", options.runs, open_jobs_without_a_match)]
    for name in ("demand", "development", "support"):
        rows.append(timed(f"refresh {name}", options.runs, lambda name=name: refresh_one(name)))
    today = timezone.localdate()
    scope = Scope(
        local_authority_ids=frozenset(LocalAuthority.objects.values_list("gss_code", flat=True)),
        start=today - timedelta(days=90),
        end=today,
        label="Everywhere",
    )
    for slug in ("demand-and-supply", "development", "support"):
        dashboard = dashboard_for(slug)
        rows.append(timed(f"tables {slug}", options.runs, lambda d=dashboard: d.tables(scope)))
    for row in rows:
        print(json.dumps(row))


def run(name: str, env: dict[str, str], options: argparse.Namespace) -> None:
    seeded = migrate_and_seed(
        env,
        pas=options.pas,
        employers=options.employers,
        seed=options.seed,
        reuse=False,
        is_seeded=lambda: False,
        extra=[f"--jobs={options.jobs}", "--posts=2000"],
    )
    rows = benchlib.run_worker(
        __file__,
        ["--worker", f"--runs={options.runs}"],
        {**env, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "pahub.test_settings"},
        name="insights worker",
    )
    counts = rows[0]
    print(
        f"\n{name}: {seeded_label(seeded[0] if seeded else None, pas=options.pas)}; "
        f"{counts['open_jobs']:,} open jobs, {counts['no_match']:,} with no match"
    )
    print(f"{'what':<26} {'p50 ms':>9} {'p95 ms':>9} {'queries':>8}")
    for row in rows[1:]:
        print(f"{row['what']:<26} {row['p50']:>9.1f} {row['p95']:>9.1f} {row['queries']:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=20_000)
    parser.add_argument("--employers", type=int, default=4_000)
    parser.add_argument("--jobs", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=424246)
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards.")
    parser.add_argument("--sqlite-dir", type=Path, help="Use (and keep) this PAHUB_VAR_DIR.")
    parser.add_argument("--skip-sqlite", action="store_true", help="Only PostgreSQL.")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options)
        return
    env = base_env()
    if not options.skip_sqlite:
        prefix = "pahub-insights-bench-"
        with sqlite_var_dir(options.sqlite_dir, prefix=prefix, keep=options.keep) as var_dir:
            run("sqlite", {**env, "PAHUB_VAR_DIR": str(var_dir)}, options)
    database_url = postgres_url()
    if database_url:
        ensure_postgres_database(database_url, announce=False)
        postgres_env = {**env, "DATABASE_URL": database_url}
        try:
            run("postgresql", postgres_env, options)
        finally:
            if not options.keep:
                delete_seed(postgres_env, options.seed)


if __name__ == "__main__":
    main()
