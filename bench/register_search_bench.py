"""How fast the staff register search is with 100,000 seeded PAs, on SQLite and PostgreSQL.

    .venv/bin/python bench/register_search_bench.py [--pas N] [--runs R] [--seed S] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registerbench \\
        .venv/bin/python bench/register_search_bench.py
    .venv/bin/python bench/register_search_bench.py --sqlite-dir var/bench --keep --reuse

Always runs on a fresh SQLite database in a temporary PAHUB_VAR_DIR; when DATABASE_URL is set,
on that PostgreSQL database too (migrated; this benchmark's seed is replaced, and deleted
afterwards unless --keep). `manage.py seed` makes the PAs with their profiles, evidence and
levels. Then, in a separate process, a member of staff (two-factor set up, signed in) runs
each typical search `--runs` times through the whole Django stack (middleware, view, template)
with the test client, and the script prints the median and 95th percentile time of a search
and the number of SQL queries it made. Two teams search: one serving a single local authority
(Newcastle upon Tyne) and one serving every spoke (the whole register in scope).
"""

import argparse
import json
import re
import statistics
import time
from pathlib import Path

import benchlib
from benchlib import (
    QueryCounter,
    base_env,
    delete_seed,
    migrate_and_seed,
    percentile,
    postgres_url,
    seeded_label,
    seeded_profiles,
    sqlite_var_dir,
    test_client_env,
)

BENCH_EMAIL = "register-bench-{team}@bench.pahub.example.org"


def seed_database(env: dict[str, str], options: argparse.Namespace) -> float:
    """Seed the PAs (untimed migrations first); 0 if --reuse found them there already."""
    seeded = migrate_and_seed(
        env,
        pas=options.pas,
        seed=options.seed,
        reuse=options.reuse,
        is_seeded=lambda: seeded_profiles(env, options.seed) == options.pas,
    )
    return seeded[0] if seeded else 0.0


def run_searches(env: dict[str, str], options: argparse.Namespace) -> list[dict]:
    return benchlib.run_worker(
        __file__, ["--worker", f"--runs={options.runs}"], test_client_env(env), name="search worker"
    )


# The worker: runs inside Django, in its own process.


def worker(runs: int) -> None:
    benchlib.setup_django()
    from allauth.mfa.totp.internal.auth import TOTP
    from django.db import connection
    from django.test import Client

    from pahub.accounts.models import Membership, Organisation, User
    from pahub.places.models import LocalAuthority
    from pahub.taxonomy.models import Language, Skill

    newcastle = LocalAuthority.objects.get(name="Newcastle upon Tyne")
    teams = {
        "one area": [newcastle],
        "all spokes": list(LocalAuthority.objects.filter(is_spoke=True)),
    }
    skill = (
        Skill.objects.filter(code="personal_care.washing_bathing").first() or Skill.objects.first()
    )
    language = Language.objects.filter(code="pl").first() or Language.objects.first()
    searches = {
        "by local authority": {"local_authority": newcastle.gss_code},
        "LA + level 2 or above": {"local_authority": newcastle.gss_code, "level": "2"},
        "skill + language": {"skill": skill.code, "language": language.code},
        "availability (Mon+Wed mornings)": {"days": ["0", "2"], "parts": ["1"]},
        "district + name": {"district": "NE6", "name": "sam"},
        "everything, page 40": {"page": "40"},
    }
    for team, areas in teams.items():
        email = BENCH_EMAIL.format(team=team.replace(" ", "-"))
        User.objects.filter(email=email).delete()
        Organisation.objects.filter(name=f"Register bench ({team})").delete()
        organisation = Organisation.objects.create(
            name=f"Register bench ({team})", kind=Organisation.Kind.SUPPORT_AGENCY
        )
        organisation.local_authorities.set(areas)
        staff = User.objects.create_user(email=email, full_name="Bench Staff")
        Membership.objects.create(user=staff, organisation=organisation)
        TOTP.activate(staff, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        client = Client()
        client.force_login(staff)
        try:
            for name, params in searches.items():
                client.get("/staff/register/", params)  # warm caches and connections
                queries = QueryCounter()
                with connection.execute_wrapper(queries):
                    response = client.get("/staff/register/", params)
                assert response.status_code == 200, response.status_code
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    client.get("/staff/register/", params)
                    times.append((time.perf_counter() - started) * 1000)
                caption = re.search(r"([\d,]+) PAs?\b", response.content.decode())
                print(
                    json.dumps(
                        {
                            "team": team,
                            "search": name,
                            "p50": statistics.median(times),
                            "p95": percentile(times, 0.95),
                            "queries": queries.count,
                            "results": int(caption[1].replace(",", "")) if caption else 0,
                        }
                    ),
                    flush=True,
                )
        finally:
            staff.delete()
            organisation.delete()


def print_results(database: str, seconds: float, results: list[dict]) -> None:
    print(f"\n{database}: {seeded_label(seconds)}")
    print(f"{'team':<11} {'search':<32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'matches':>8}")
    for row in results:
        print(
            f"{row['team']:<11} {row['search']:<32} {row['p50']:>8.1f} {row['p95']:>8.1f} "
            f"{row['queries']:>8} {row['results']:>8,}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=424243)
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards.")
    parser.add_argument(
        "--sqlite-dir", type=Path, help="Use (and keep) this PAHUB_VAR_DIR for SQLite."
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Skip seeding a database that already holds this seed's PAs (with --keep runs).",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options.runs)
        return

    env = base_env()
    prefix = "pahub-register-bench-"
    with sqlite_var_dir(options.sqlite_dir, prefix=prefix, keep=options.keep) as var_dir:
        sqlite_env = {**env, "PAHUB_VAR_DIR": str(var_dir)}
        seconds = seed_database(sqlite_env, options)
        print_results("sqlite", seconds, run_searches(sqlite_env, options))

    database_url = postgres_url()
    if database_url:
        postgres_env = {**env, "DATABASE_URL": database_url}
        seconds = seed_database(postgres_env, options)
        try:
            print_results("postgresql", seconds, run_searches(postgres_env, options))
        finally:
            if not options.keep:
                delete_seed(postgres_env, options.seed)


if __name__ == "__main__":
    main()
