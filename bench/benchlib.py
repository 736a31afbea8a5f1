"""What the benchmarks in bench/ share: finding the project, running `manage.py` and a
script's own worker process, preparing a benchmark's SQLite or PostgreSQL database, and
percentiles. Not a benchmark itself (no `_bench` in its name, so `run_all.py` skips it).

Each `*_bench.py` runs as `python bench/<name>_bench.py`, so bench/ is on `sys.path` and
`import benchlib` works in the script and in its worker process alike.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
MANAGE = str(ROOT / "manage.py")


def run_manage(env: dict[str, str], *args: str) -> str:
    """Run `manage.py *args` with `env` in the project root and return what it printed;
    exit with its output if it fails."""
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


def run_worker(
    script: str, args: Sequence[str], env: dict[str, str], *, name: str = "worker"
) -> list[dict]:
    """Run `script` (a benchmark, in its worker mode) with `args` and `env` in the project
    root, and return the JSON objects it printed, one a line; exit with the end of its
    output, as "The `name` failed", if it fails."""
    finished = subprocess.run(  # noqa: S603 -- a benchmark script, in worker mode
        [sys.executable, script, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        sys.exit(f"The {name} failed:\n{finished.stdout[-4000:]}\n{finished.stderr[-8000:]}")
    return [json.loads(line) for line in finished.stdout.splitlines() if line.startswith("{")]


def base_env() -> dict[str, str]:
    """This process's environment without DATABASE_URL, with DEBUG=1 (as developers run
    `manage.py`) and the test client's host allowed."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update({"DEBUG": "1", "ALLOWED_HOSTS": "testserver,localhost"})
    return env


def test_client_env(env: dict[str, str]) -> dict[str, str]:
    """`env` with the test settings, for a worker using the test client (no HTTPS redirect,
    no secure-only cookies), and DEBUG off."""
    return {**env, "DJANGO_SETTINGS_MODULE": "pahub.test_settings", "DEBUG": "0"}


def postgres_url() -> str:
    """DATABASE_URL when it points at PostgreSQL, otherwise ""."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


def ensure_postgres_database(url: str, *, announce: bool = True) -> None:
    """Create the benchmark's database if it is missing (connecting to `postgres` to do so),
    saying so unless `announce` is false."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            if announce:
                print(f"Created PostgreSQL database {name}.")


def on_kept_databases(
    bench: Callable[[str, dict[str, str]], None], *, sqlite_dir: Path | None
) -> None:
    """Call `bench(name, env)` for the benchmark's own SQLite database in `sqlite_dir`
    (unless it is None) and then, when DATABASE_URL points at PostgreSQL, for that database
    (created if missing). Both are kept between runs."""
    env = base_env()
    if sqlite_dir is not None:
        sqlite_dir.mkdir(parents=True, exist_ok=True)
        bench("sqlite", {**env, "PAHUB_VAR_DIR": str(sqlite_dir)})
    url = postgres_url()
    if url:
        ensure_postgres_database(url)
        bench("postgresql", {**env, "DATABASE_URL": url})


@contextmanager
def sqlite_var_dir(given: Path | None, *, prefix: str, keep: bool) -> Iterator[Path]:
    """A PAHUB_VAR_DIR for SQLite: `given` (made if missing, and kept), or a temporary one
    removed afterwards unless `keep`."""
    var_dir = given or Path(tempfile.mkdtemp(prefix=prefix))
    var_dir.mkdir(parents=True, exist_ok=True)
    try:
        yield var_dir
    finally:
        if keep or given:
            print(f"SQLite database kept in {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


def seeded_profiles(env: dict[str, str], seed: int) -> int:
    """How many PA profiles the seed numbered `seed` holds in `env`'s database."""
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.accounts.seeding import seed_users; "
        "from pahub.register.models import PAProfile; "
        f"print(PAProfile.objects.filter(user__in=seed_users({seed})).count())",
    )
    return int(output.strip().splitlines()[-1])


def migrate_and_seed(
    env: dict[str, str],
    *,
    pas: int,
    seed: int,
    reuse: bool,
    is_seeded: Callable[[], bool],
    employers: int = 0,
    extra: Sequence[str] = (),
) -> tuple[float, str] | None:
    """Migrate `env`'s database (untimed), then, unless `reuse` and `is_seeded()`, run
    `manage.py seed --replace` for `pas` PAs and `employers` employers with the `extra`
    arguments. Returns the seed's wall-clock seconds and output, or None if reused."""
    run_manage(env, "migrate", "--noinput", "--verbosity=0")
    if reuse and is_seeded():
        return None
    started = time.perf_counter()
    output = run_manage(
        env,
        "seed",
        f"--pas={pas}",
        f"--employers={employers}",
        f"--seed={seed}",
        *extra,
        "--replace",
        "--verbosity=0",
    )
    return time.perf_counter() - started, output


def seeded_label(seconds: float | None, *, pas: int | None = None) -> str:
    """ "seeded in N s" ("seeded `pas` PAs in N s" with `pas`), or "seed reused" when
    `seconds` is None or 0."""
    if not seconds:
        return "seed reused"
    what = "" if pas is None else f" {pas:,} PAs"
    return f"seeded{what} in {seconds:.0f} s"


def delete_seed(env: dict[str, str], seed: int) -> None:
    """Delete everyone the seed numbered `seed` made in `env`'s database."""
    run_manage(
        env,
        "shell",
        "-c",
        f"from pahub.accounts.seeding import seed_delete; seed_delete({seed})",
    )


# For the workers, which run inside Django in their own process.


def setup_django() -> None:
    """Put the project on the path and set Django up (with DJANGO_SETTINGS_MODULE's
    settings)."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from pahub.core.startup import load_and_freeze

    load_and_freeze()  # as pahub/wsgi.py does in production, once Django is set up


def percentile(values: list[float], share: float) -> float:
    """The value `share` (0 to 1) of the way up `values` (nearest rank, no interpolation)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


class QueryCounter:
    """A database execute wrapper (`connection.execute_wrapper`) that counts the SQL
    statements run while it is installed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def time_page(client, address: str, name: str, *, runs: int, warm_up: int) -> dict:
    """Request `address` with a signed-in Django test client: `warm_up` times untimed, once
    counting its SQL queries, then `runs` times timed. Returns the figures as a dict for one
    JSON line (or only the status when the page does not answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(address)
    if response.status_code != 200:
        return {"page": address, "name": name, "status": response.status_code}
    for _ in range(warm_up):
        client.get(address)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    # Counted now: the next request's request_started signal empties the query log.
    query_count = len(queries)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(address)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "page": address,
        "name": name,
        "status": 200,
        "p50": percentile(times, 0.50),
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
        "queries": query_count,
        "bytes": len(response.content),
    }


def print_page_rows(rows: list[dict], *, width: int = 18) -> None:
    """The table of `time_page` results: percentiles, queries and size, one page a line."""
    print(f"{'page':<{width}} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'queries':>8} {'KB':>7}  ")
    for row in rows:
        if row["status"] == 404:
            print(f"{row['page']:<{width}} not found ({row['name']})")
        elif row["status"] != 200:
            print(f"{row['page']:<{width}} answered {row['status']}, skipped ({row['name']})")
        else:
            print(
                f"{row['page']:<{width}} {row['p50']:>8.1f} {row['p95']:>8.1f} "
                f"{row['p99']:>8.1f} {row['queries']:>8} {row['bytes'] / 1024:>7.1f}  "
                f"{row['name']}"
            )


# Signed-out page searches on a kept, seeded database (the directory and the library): the
# options, the worker's timing loop and the report are the same; each script gives its
# searches, its seed and how to count what it seeded.


def add_search_bench_options(
    parser, *, what: str, default_count: int, seed: int, sqlite_dir: str
) -> None:
    """The options every search benchmark takes; `--<what>` is how many rows to seed."""
    parser.add_argument(f"--{what}", type=int, default=default_count)
    parser.add_argument("--runs", type=int, default=200, help="Timed requests a search.")
    parser.add_argument("--warm-up", type=int, default=10, help="Untimed requests first.")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--fresh", action="store_true", help="Seed again even if seeded.")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--sqlite-dir", type=Path, default=ROOT / "var" / sqlite_dir)
    parser.add_argument("--worker", action="store_true", help="(internal) time in this process")


def time_searches_signed_out(
    searches: Sequence[tuple[str, str]], about: dict, *, runs: int, warm_up: int
) -> None:
    """In the worker: print `about` (the database and what it holds), then one JSON row per
    search, timed through the whole Django stack by a signed-out client."""
    from django.db import connection
    from django.test import Client

    print(json.dumps({"database": connection.vendor, **about}), flush=True)
    client = Client()
    for address, name in searches:
        print(json.dumps(time_page(client, address, name, runs=runs, warm_up=warm_up)), flush=True)


def run_search_bench(
    script: str,
    options,
    *,
    prepare: Callable[[dict[str, str]], str],
    describe: Callable[[dict], str],
) -> None:
    """Prepare each kept database, time the searches in a worker process and print them."""

    def bench_database(name: str, env: dict[str, str]) -> None:
        prepared = prepare(env)
        arguments = ["--worker", f"--runs={options.runs}", f"--warm-up={options.warm_up}"]
        rows = run_worker(script, arguments, test_client_env(env))
        about, pages = rows[0], rows[1:]
        print(f"\n=== {name}: {prepared}")
        print(f"{describe(about)} {options.runs} timed requests a search.")
        print_page_rows(pages, width=60)

    on_kept_databases(
        bench_database, sqlite_dir=None if options.skip_sqlite else options.sqlite_dir
    )
