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
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = str(ROOT / "manage.py")
BENCH_EMAIL = "register-bench-{team}@bench.pahub.example.org"


def run_manage(env: dict[str, str], *args: str) -> str:
    finished = subprocess.run(  # noqa: S603 -- our own manage.py with fixed arguments
        [sys.executable, MANAGE, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{finished.stdout}\n{finished.stderr}")
    return finished.stdout


def seeded_profiles(env: dict[str, str], options: argparse.Namespace) -> int:
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.accounts.seeding import seed_users; "
        "from pahub.register.models import PAProfile; "
        f"print(PAProfile.objects.filter(user__in=seed_users({options.seed})).count())",
    )
    return int(output.strip().splitlines()[-1])


def seed_database(env: dict[str, str], options: argparse.Namespace) -> float:
    """Seed the PAs (untimed migrations first); 0 if --reuse found them there already."""
    run_manage(env, "migrate", "--noinput", "--verbosity=0")
    if options.reuse and seeded_profiles(env, options) == options.pas:
        return 0.0
    started = time.perf_counter()
    run_manage(
        env,
        "seed",
        f"--pas={options.pas}",
        "--employers=0",
        f"--seed={options.seed}",
        "--replace",
        "--verbosity=0",
    )
    return time.perf_counter() - started


def run_searches(env: dict[str, str], options: argparse.Namespace) -> list[dict]:
    worker_env = {**env, "DJANGO_SETTINGS_MODULE": "pahub.test_settings", "DEBUG": "0"}
    finished = subprocess.run(  # noqa: S603 -- this script, in worker mode
        [sys.executable, __file__, "--worker", f"--runs={options.runs}"],
        cwd=ROOT,
        env=worker_env,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        sys.exit(f"The search worker failed:\n{finished.stdout}\n{finished.stderr}")
    return [json.loads(line) for line in finished.stdout.splitlines() if line.startswith("{")]


# The worker: runs inside Django, in its own process.


class QueryCounter:
    """A database execute wrapper that counts the SQL statements of one request."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def worker(runs: int) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
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
                times.sort()
                caption = re.search(r"([\d,]+) PAs?\b", response.content.decode())
                print(
                    json.dumps(
                        {
                            "team": team,
                            "search": name,
                            "p50": statistics.median(times),
                            "p95": times[max(0, round(0.95 * len(times)) - 1)],
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
    seeded = f"seeded in {seconds:.0f} s" if seconds else "seed reused"
    print(f"\n{database}: {seeded}")
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

    base_env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    base_env.update({"DEBUG": "1", "ALLOWED_HOSTS": "testserver,localhost"})
    var_dir = options.sqlite_dir or Path(tempfile.mkdtemp(prefix="pahub-register-bench-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    try:
        sqlite_env = {**base_env, "PAHUB_VAR_DIR": str(var_dir)}
        seconds = seed_database(sqlite_env, options)
        print_results("sqlite", seconds, run_searches(sqlite_env, options))
    finally:
        if options.keep or options.sqlite_dir:
            print(f"SQLite database kept in {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)

    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        postgres_env = {**base_env, "DATABASE_URL": database_url}
        seconds = seed_database(postgres_env, options)
        try:
            print_results("postgresql", seconds, run_searches(postgres_env, options))
        finally:
            if not options.keep:
                run_manage(
                    postgres_env,
                    "shell",
                    "-c",
                    f"from pahub.accounts.seeding import seed_delete; seed_delete({options.seed})",
                )


if __name__ == "__main__":
    main()
