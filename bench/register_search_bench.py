"""How fast the staff register search and the employers' talent search are with 200,000 PAs,
on SQLite and PostgreSQL.

    .venv/bin/python bench/register_search_bench.py [--pas N] [--runs R] [--seed S] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registerbench \\
        .venv/bin/python bench/register_search_bench.py
    .venv/bin/python bench/register_search_bench.py --sqlite-dir var/bench --keep --reuse
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mybench \\
        .venv/bin/python bench/register_search_bench.py --seed 424244 \\
        --sqlite-from /path/to/seeded/pahub.sqlite3 --postgres-from seeded_template

Runs on a fresh SQLite database in a temporary PAHUB_VAR_DIR (or `--sqlite-dir`); when
DATABASE_URL is set, on that PostgreSQL database too (migrated; this benchmark's seed is
replaced, and deleted afterwards unless --keep). `manage.py seed` makes the PAs with their
profiles, evidence and levels. Seeding 200,000 PAs takes minutes, so a database already
seeded with `--seed` can be copied instead: `--sqlite-from` copies a SQLite file (with its
-wal and -shm) into the var directory, `--postgres-from` creates DATABASE_URL's database from
a template database (when it does not exist yet); either way the copy is migrated, reused and
kept.

Then, in a separate process, each search runs `--runs` times through the whole Django stack
(middleware, view, template) with the test client, and the script prints the p50, p95 and p99
time of a search, the number of SQL queries it made and how many PAs it found:

- the staff register search (/staff/register/), by a member of staff (two-factor set up,
  signed in) in two teams: one serving a single local authority (Newcastle upon Tyne) and one
  serving every spoke (the whole register in scope);
- the talent search (/matches/talent/), by an employer in Newcastle (NE1) with a verified
  email address: a place and a distance, then with a skill, a language, times of the week
  and a minimum level.
"""

import argparse
import json
import re
import shutil
import statistics
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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
EMPLOYER_EMAIL = "talent-bench-employer@bench.pahub.example.org"
REGISTER_URL = "/staff/register/"
TALENT_URL = "/matches/talent/"


def seed_database(env: dict[str, str], options: argparse.Namespace, *, copied: bool) -> float:
    """Seed the PAs (untimed migrations first); 0 if the database already held them."""
    seeded = migrate_and_seed(
        env,
        pas=options.pas,
        seed=options.seed,
        reuse=options.reuse or copied,
        is_seeded=lambda: seeded_profiles(env, options.seed) == options.pas,
    )
    return seeded[0] if seeded else 0.0


def copy_sqlite(source: Path, var_dir: Path) -> None:
    """Copy a seeded SQLite database (and its write-ahead log) into `var_dir`."""
    for path in source.parent.glob(f"{source.name}*"):
        shutil.copy2(path, var_dir / path.name.replace(source.name, "pahub.sqlite3", 1))
    print(f"Copied {source} to {var_dir}")


def copy_postgres(template: str, url: str) -> None:
    """Create DATABASE_URL's database from `template` unless it exists already (nobody may be
    connected to the template meanwhile)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            print(f"PostgreSQL database {name} exists: reusing it")
            return
        started = time.perf_counter()
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
    print(f"Created {name} from {template} in {time.perf_counter() - started:.0f} s")


def run_searches(env: dict[str, str], options: argparse.Namespace) -> list[dict]:
    arguments = ["--worker", f"--runs={options.runs}", f"--only={options.only}"]
    return benchlib.run_worker(__file__, arguments, test_client_env(env), name="search worker")


# The worker: runs inside Django, in its own process.


def time_search(client, url: str, params: dict, runs: int, caption: str) -> dict:
    """One search, warmed up, counted, then timed `runs` times; `caption` finds the number
    of PAs found in the page."""
    from django.db import connection

    client.get(url, params)  # warm caches and connections
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
    found = re.search(caption, response.content.decode())
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
        "queries": queries.count,
        "results": found[1] if found else "0",
    }


def register_searches(runs: int) -> None:
    from allauth.mfa.totp.internal.auth import TOTP
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
        "name (first and last)": {"name": "sarah smi"},
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
                row = time_search(client, REGISTER_URL, params, runs, r"([\d,]+) PAs?\b")
                print(json.dumps({"page": "register", "who": team, "search": name, **row}))
        finally:
            staff.delete()
            organisation.delete()


def talent_searches(runs: int) -> None:
    from allauth.account.models import EmailAddress
    from django.test import Client

    from pahub.accounts.models import Role, User, UserRole
    from pahub.places.models import District
    from pahub.taxonomy.models import Language, Skill

    skill = (
        Skill.objects.filter(code="personal_care.washing_bathing").first() or Skill.objects.first()
    )
    language = Language.objects.filter(code="pl").first() or Language.objects.first()
    near = {"outcode": "NE1", "miles": "10"}
    searches = {
        "NE1 within 10 miles": near,
        "NE1 10 mi + skill": {**near, "skills": skill.code},
        "NE1 10 mi + language": {**near, "languages": language.code},
        "NE1 10 mi + Mon-Fri mornings": {
            **near,
            "availability": [f"{day}_morning" for day in ("monday", "tuesday", "wednesday")]
            + [f"{day}_morning" for day in ("thursday", "friday")],
        },
        "NE1 10 mi + level 2 or above": {**near, "min_level": "2"},
        "NE1 25 mi + skill, level 1, times": {
            **near,
            "miles": "25",
            "skills": skill.code,
            "min_level": "1",
            "availability": ["saturday_morning", "sunday_morning"],
        },
    }
    district = District.objects.select_related("local_authority").get(outcode="NE1")
    User.objects.filter(email=EMPLOYER_EMAIL).delete()
    employer = User.objects.create_user(
        email=EMPLOYER_EMAIL,
        full_name="Bench Employer",
        postcode="NE1 4ST",
        district=district,
        local_authority=district.local_authority,
    )
    UserRole.objects.create(user=employer, role=Role.EMPLOYER)
    EmailAddress.objects.create(user=employer, email=EMPLOYER_EMAIL, verified=True, primary=True)
    client = Client()
    client.force_login(employer)
    try:
        for name, params in searches.items():
            row = time_search(client, TALENT_URL, params, runs, r"([\d,]+) PAs? found")
            print(json.dumps({"page": "talent", "who": "employer", "search": name, **row}))
    finally:
        employer.delete()


def worker(runs: int, only: str) -> None:
    benchlib.setup_django()
    from pahub.jobs.matches.warm import warm_pools

    warm_pools()  # as every server process does when it starts (pahub/wsgi.py)
    if only != "talent":
        register_searches(runs)
    if only != "register":
        talent_searches(runs)


def print_results(database: str, seconds: float, results: list[dict]) -> None:
    print(f"\n{database}: {seeded_label(seconds)}")
    print(
        f"{'page':<9} {'who':<10} {'search':<34} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'queries':>7} {'found':>8}"
    )
    for row in results:
        print(
            f"{row['page']:<9} {row['who']:<10} {row['search']:<34} {row['p50']:>7.1f} "
            f"{row['p95']:>7.1f} {row['p99']:>7.1f} {row['queries']:>7} {row['results']:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=200_000)
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
    parser.add_argument(
        "--sqlite-from", type=Path, help="Copy this SQLite database, seeded with --seed."
    )
    parser.add_argument(
        "--postgres-from",
        help="Create DATABASE_URL's database from this template database, seeded with --seed.",
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument(
        "--only", choices=["register", "talent", "both"], default="both", help="Which searches."
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options.runs, options.only)
        return

    env = base_env()
    prefix = "pahub-register-bench-"
    copied_sqlite = options.sqlite_from is not None
    keep = options.keep or copied_sqlite
    if not options.skip_sqlite:
        with sqlite_var_dir(options.sqlite_dir, prefix=prefix, keep=keep) as var_dir:
            if copied_sqlite and not (var_dir / "pahub.sqlite3").exists():
                copy_sqlite(options.sqlite_from, var_dir)
            sqlite_env = {**env, "PAHUB_VAR_DIR": str(var_dir)}
            seconds = seed_database(sqlite_env, options, copied=copied_sqlite)
            print_results("sqlite", seconds, run_searches(sqlite_env, options))

    database_url = postgres_url()
    if database_url:
        if options.postgres_from:
            copy_postgres(options.postgres_from, database_url)
        postgres_env = {**env, "DATABASE_URL": database_url}
        seconds = seed_database(postgres_env, options, copied=bool(options.postgres_from))
        try:
            print_results("postgresql", seconds, run_searches(postgres_env, options))
        finally:
            if not (options.keep or options.postgres_from):
                delete_seed(postgres_env, options.seed)


if __name__ == "__main__":
    main()
