"""How fast matching is with 200,000 PAs and 50,000 open jobs, on SQLite and PostgreSQL.

    .venv/bin/python bench/matching_bench.py [--pas N] [--jobs N] [--runs R] [--seed S] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/matchbench \\
        .venv/bin/python bench/matching_bench.py
    .venv/bin/python bench/matching_bench.py --sqlite-dir var/bench-matching --keep --reuse

Always runs on a fresh SQLite database in a temporary PAHUB_VAR_DIR; when DATABASE_URL is set,
on that PostgreSQL database too (created if missing, migrated; this benchmark's seed is
replaced, and deleted afterwards unless --keep). `manage.py seed` makes the PAs (profiles,
evidence, levels), the employers, their profiles and the open jobs. Then the database is
analysed on PostgreSQL, as production would do after a bulk load (`VACUUM ANALYZE`, so the
planner knows the tables' sizes and index-only scans work at once), whether the seed was made
now or reused. SQLite is left without statistics, as PA Hub runs it: with them (`ANALYZE`) it
chose to collect the visible PAs from the visibility index and read each from the table,
ten times slower than reading the matching index. Then, in a separate process, the worker times, over `--runs` different jobs and PAs chosen at random by the seed:

- `matches_for_job`: a job's top 50 PAs, as the match page and the API get them (prefilter in
  SQL, every part of the score but distance added up in SQL, distance and the cut-off in
  Python, the 50 explained in Python);
- the same with the score done in Python instead (prefilter in SQL, then every candidate
  loaded and scored in Python), to show which is faster (on the first `--python-runs` jobs:
  it takes seconds a job at full size);
- `matches_for_pa`: a PA's top 50 open jobs (prefilter in SQL, score in Python);
- the naive baselines, on fewer runs: every PA (or every open job) loaded and scored in
  Python; their results are checked to be the same as the engine's.

It prints p50, p95 and p99 wall-clock milliseconds, the worker's CPU milliseconds (on SQLite
that includes the database's work, so it shows what the same calls cost on an idle machine),
queries per call, and how many candidates the prefilter left.
"""

import argparse
import json
import random
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
    run_manage,
    seeded_label,
    sqlite_var_dir,
    test_client_env,
)


def seeded_counts(env: dict[str, str], options: argparse.Namespace) -> tuple[int, int]:
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.accounts.seeding import seed_users; "
        "from pahub.register.models import PAProfile; from pahub.jobs.models import Job; "
        f"people = seed_users({options.seed}); "
        "print(PAProfile.objects.filter(user__in=people).count(), "
        "Job.objects.filter(employer__in=people, status='published').count())",
    )
    profiles, jobs = output.strip().splitlines()[-1].split()
    return int(profiles), int(jobs)


def seed_database(env: dict[str, str], options: argparse.Namespace) -> float:
    """Seed PAs, employers and jobs (untimed migrations first); 0 if --reuse found them."""
    seeded = migrate_and_seed(
        env,
        pas=options.pas,
        employers=options.employers,
        seed=options.seed,
        reuse=options.reuse,
        is_seeded=lambda: seeded_counts(env, options) == (options.pas, options.jobs),
        extra=[f"--jobs={options.jobs}"],
    )
    return seeded[0] if seeded else 0.0


ANALYSE = """
from django.db import connection
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print("VACUUM ANALYZE")
else:
    print("not analysed (SQLite: PA Hub keeps no statistics there, see bench/README.md)")
"""


def analyse(env: dict[str, str]) -> str:
    """Refresh PostgreSQL's planner statistics, as after any bulk load; what was done."""
    return run_manage(env, "shell", "-c", ANALYSE).strip().splitlines()[-1]


def run_worker(env: dict[str, str], options: argparse.Namespace) -> list[dict]:
    arguments = [
        f"--runs={options.runs}",
        f"--naive-runs={options.naive_runs}",
        f"--python-runs={options.python_runs}",
    ]
    return benchlib.run_worker(
        __file__,
        ["--worker", *arguments, f"--seed={options.seed}"],
        test_client_env(env),
        name="matching worker",
    )


# The worker: runs inside Django, in its own process.


def timed(label: str, subjects: list, call, *, candidates=None) -> dict:
    """Time `call(subject)` once per subject (after one untimed warm-up call)."""
    from django.db import connection

    if not subjects:
        return {"what": label, "runs": 0}
    call(subjects[0])
    times, cpu, queries, results, pool = [], [], [], [], []
    for subject in subjects:
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started, started_cpu = time.perf_counter(), time.process_time()
            found = call(subject)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        queries.append(counter.count)
        results.append(len(found))
        if candidates is not None:
            pool.append(candidates(subject))
    row = {
        "what": label,
        "runs": len(times),
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
        "cpu_p50": statistics.median(cpu),
        "cpu_p95": percentile(cpu, 0.95),
        "queries": max(queries),
        "results": statistics.mean(results),
    }
    if pool:
        row["candidates"] = statistics.median(pool)
    return row


def database_ranking(job, *, viewer, limit: int = 50):
    """The job's top `limit` ranked by the database alone (`engine.rank_profiles`: every part
    of the score but distance in SQL, read best first until the cut-off): the way before the
    in-memory pool, and still the way for a job naming a skill beyond the masks' 63 bits."""
    from django.utils import timezone

    from pahub.jobs.matches.needs import job_needs
    from pahub.matching import candidates, engine

    needs = job_needs(job)
    reach = candidates.reach_of(needs)
    profiles = candidates.candidate_profiles(
        needs, reach, viewers=(job.employer, viewer), exclude_user_id=job.employer_id
    )
    return engine.rank_profiles(needs, profiles, reach, limit=limit, now=timezone.now())


def pa_database_ranking(profile, *, limit: int = 50):
    """A PA's top `limit` jobs ranked by the database (`queries.ranked_by_database`): the way
    before the pool of jobs, and still the way when a job names an id beyond the 63 bits."""
    from django.utils import timezone

    from pahub.jobs.matches.needs import needs_for_jobs
    from pahub.jobs.matches.queries import explain_jobs, ranked_by_database
    from pahub.matching import candidates, engine

    pa = engine.pa_candidate(profile, now=timezone.now())
    districts = candidates.districts_within_travel(pa)
    chosen = ranked_by_database(profile, pa, districts, keep=limit + engine.SPARE_ROWS)
    needs = needs_for_jobs(chosen)
    return explain_jobs(pa, [needs[pk] for pk in chosen], limit=limit, employer_id=profile.user_id)


def pool_load() -> dict:
    """Loading the pool from nothing, as a new process's first match does."""
    import tracemalloc

    from pahub.jobs.matches.pool import JOBS
    from pahub.matching.pool import PROFILES

    rows = []
    for name, pool in (("PAs", PROFILES), ("jobs", JOBS)):
        pool.forget()
        tracemalloc.start()
        started = time.perf_counter()
        pool.refresh()
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        arrays = sum(column.nbytes for column in pool.columns.data.values())
        rows.append(
            {
                "what": f"pool of {name}: first load",
                "seconds": seconds,
                "count": int(pool.columns.live.sum()),
                "arrays_mb": arrays / 1e6,
                "peak_mb": peak / 1e6,
            }
        )
    return rows


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    from pahub.accounts.seeding import seed_users
    from pahub.jobs.matches.needs import job_needs
    from pahub.jobs.matches.queries import matches_for_job, matches_for_pa, open_jobs_for
    from pahub.jobs.matches.warm import warm_pools
    from pahub.jobs.models import Job
    from pahub.matching import candidates, engine
    from pahub.register.models import PAProfile

    # The slow, obvious reference the tests also compare the engine with (ROOT is on the path).
    from tests.matching.naive import naive_matches_for_job, naive_matches_for_pa

    rng = random.Random(f"matching-bench-{options.seed}")
    people = seed_users(options.seed)
    job_ids = list(
        Job.objects.filter(employer__in=people, status=Job.Status.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    jobs = list(
        Job.objects.select_related("employer").filter(
            pk__in=rng.sample(job_ids, min(options.runs, len(job_ids)))
        )
    )
    rng.shuffle(jobs)
    profile_ids = list(
        PAProfile.objects.filter(user__in=people, is_paused=False)
        .exclude(visibility=PAProfile.Visibility.HIDDEN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    profiles = list(
        PAProfile.objects.filter(
            pk__in=rng.sample(profile_ids, min(options.runs, len(profile_ids)))
        )
    )
    rng.shuffle(profiles)

    def job_candidates(job) -> int:
        needs = job_needs(job)
        reach = candidates.reach_of(needs)
        return candidates.candidate_profiles(
            needs, reach, viewers=(job.employer,), exclude_user_id=job.employer_id
        ).count()

    def pa_candidates(profile) -> int:
        pa = engine.pa_candidate(profile)
        districts = candidates.districts_within_travel(pa)
        return open_jobs_for(pa).filter(district_id__in=sorted(districts)).count()

    loaded = pool_load()
    # Then what a server process does once its pools are loaded (pahub/jobs/matches/warm.py):
    # the pools out of the garbage collector's sight, so a full collection does not walk them.
    warm_pools()
    rows = [
        *loaded,
        timed(
            "job's top 50 (engine: pool)",
            jobs,
            lambda job: matches_for_job(job, viewer=job.employer, limit=50),
            candidates=job_candidates,
        ),
        timed(
            "job's top 50 (database ranking)",
            jobs[: options.python_runs],
            lambda job: database_ranking(job, viewer=job.employer, limit=50),
        ),
        timed(
            "PA's top 50 jobs (engine)",
            profiles,
            lambda profile: matches_for_pa(profile, limit=50),
            candidates=pa_candidates,
        ),
        timed(
            "PA's top 50 jobs (database ranking)",
            profiles[: options.python_runs],
            lambda profile: pa_database_ranking(profile, limit=50),
        ),
    ]
    naive_jobs, naive_profiles = jobs[: options.naive_runs], profiles[: options.naive_runs]
    for job in naive_jobs:
        quick = matches_for_job(job, viewer=job.employer, limit=50)
        slow = naive_matches_for_job(job, viewer=job.employer, limit=50)
        assert [(r.profile.pk, r.match) for r in quick] == [(r.profile.pk, r.match) for r in slow]
    for profile in naive_profiles:
        quick = matches_for_pa(profile, limit=50)
        slow = naive_matches_for_pa(profile, limit=50)
        assert [(r.job.pk, r.match) for r in quick] == [(r.job.pk, r.match) for r in slow]
    rows += [
        timed(
            "job's top 50 (naive: load all PAs)",
            naive_jobs,
            lambda job: naive_matches_for_job(job, viewer=job.employer, limit=50),
        ),
        timed(
            "PA's top 50 jobs (naive: load all jobs)",
            naive_profiles,
            lambda profile: naive_matches_for_pa(profile, limit=50),
        ),
    ]
    for row in rows:
        print(json.dumps(row), flush=True)


def print_results(database: str, seconds: float, analysed: str, rows: list[dict]) -> None:
    print(f"\n{database}: {seeded_label(seconds)}, then {analysed}")
    print(
        f"{'what':<40} {'runs':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'cpu p50':>7} {'cpu p95':>7} {'queries':>7} {'results':>7} {'candidates':>10}"
    )
    for row in rows:
        if "seconds" in row:
            print(
                f"{row['what']:<40} {row['seconds']:.2f} s for {row['count']:,}: "
                f"arrays {row['arrays_mb']:.0f} MB, peak while loading {row['peak_mb']:.0f} MB"
            )
            continue
        if not row["runs"]:
            continue
        pool = f"{row['candidates']:>10,.0f}" if "candidates" in row else f"{'':>10}"
        print(
            f"{row['what']:<40} {row['runs']:>5} {row['p50']:>7.1f} {row['p95']:>7.1f} "
            f"{row['p99']:>7.1f} {row['cpu_p50']:>7.1f} {row['cpu_p95']:>7.1f} "
            f"{row['queries']:>7} {row['results']:>7.1f} {pool}"
        )
    print(
        "cpu: this process's CPU time, which on SQLite includes the database's own work "
        "(it runs in-process) and on PostgreSQL does not."
    )
    by_name = {row["what"]: row for row in rows}
    for engine_row, naive_row in (
        ("job's top 50 (engine: pool)", "job's top 50 (naive: load all PAs)"),
        ("PA's top 50 jobs (engine)", "PA's top 50 jobs (naive: load all jobs)"),
    ):
        if engine_row in by_name and naive_row in by_name:
            ratio = by_name[naive_row]["p50"] / by_name[engine_row]["p50"]
            print(f"naive / engine at p50, {engine_row.split(' (')[0]}: {ratio:,.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=200_000)
    parser.add_argument("--employers", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=200, help="Jobs and PAs timed (each).")
    parser.add_argument("--naive-runs", type=int, default=5, help="Runs of the naive baseline.")
    parser.add_argument(
        "--python-runs",
        type=int,
        default=20,
        help="Jobs also ranked by the database alone, without the pool (as before it).",
    )
    parser.add_argument("--seed", type=int, default=424244)
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards.")
    parser.add_argument(
        "--sqlite-dir", type=Path, help="Use (and keep) this PAHUB_VAR_DIR for SQLite."
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Skip seeding a database that already holds this seed (with --keep runs).",
    )
    parser.add_argument("--skip-sqlite", action="store_true", help="Only PostgreSQL.")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options)
        return

    env = base_env()
    if not options.skip_sqlite:
        prefix = "pahub-matching-bench-"
        with sqlite_var_dir(options.sqlite_dir, prefix=prefix, keep=options.keep) as var_dir:
            sqlite_env = {**env, "PAHUB_VAR_DIR": str(var_dir)}
            seconds = seed_database(sqlite_env, options)
            analysed = analyse(sqlite_env)
            print_results("sqlite", seconds, analysed, run_worker(sqlite_env, options))

    database_url = postgres_url()
    if database_url:
        ensure_postgres_database(database_url, announce=False)
        postgres_env = {**env, "DATABASE_URL": database_url}
        seconds = seed_database(postgres_env, options)
        try:
            analysed = analyse(postgres_env)
            print_results("postgresql", seconds, analysed, run_worker(postgres_env, options))
        finally:
            if not options.keep:
                delete_seed(postgres_env, options.seed)


if __name__ == "__main__":
    main()
