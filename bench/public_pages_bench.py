"""How many requests a second the public pages serve with 50,000 open jobs, under wrk.

    .venv/bin/python bench/public_pages_bench.py [--jobs 50000] [--duration 20] [--connections 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/publicbench REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/public_pages_bench.py --skip-sqlite
    .venv/bin/python bench/public_pages_bench.py --sqlite-dir var/seed-copy   # a seeded copy
    .venv/bin/python bench/public_pages_bench.py --profile 200   # where a request's time goes

Uses its own databases, kept between runs: SQLite in `var/publicbench/` (`--sqlite-dir`, which
may be a copy of any seeded database) and, when DATABASE_URL points at PostgreSQL, that
database too (created if missing). Each is migrated and, unless it already holds `--jobs` open
jobs, seeded with `manage.py seed --jobs` (untimed); PostgreSQL's tables are then analysed, as
production's autovacuum would after a bulk load.

Then it serves the database as production does (`scripts/serve`, docs/deploy.md): gunicorn, 2
processes of 4 threads, DEBUG=0, static files collected for whitenoise, the cache in Redis when
REDIS_URL is set (otherwise the database's cache table), on 127.0.0.1 only. Requests carry
`X-Forwarded-Proto: https`, as the TLS proxy in front of production sends. Each run uses its
own cache key prefix, so it starts with a cold cache and never reads another run's entries.

For each page, wrk (`apt-get install wrk`) runs `--warm-up` seconds from an empty cache, then
`--duration` seconds with `--connections` connections, and the benchmark prints both: requests
a second, p50/p95/p99 latency, the answers that were not 2xx (redirects count as errors) and
socket errors:

- the home page;
- the job search from a place within a distance (NE1 within 20 miles, and other places in
  turn: the seed's jobs are in the North East);
- a job page, a different job each request (up to 2,000 open jobs chosen by the seed); before
  the timed run each of them is requested once (4 at a time, also printed), as on a site
  whose pages have each been read since they last changed;
- the jobs feed (RSS).

`--profile N` instead requests N different job pages and the searches N times in a worker
process (Django's test client, DEBUG=0, an empty cache under its own prefix): the first pass
and the second are timed, and a third runs under cProfile, whose top costs it prints.
It prints figures and asserts nothing about them.
"""

import argparse
import json
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import benchlib
from benchlib import ROOT, migrate_and_seed, run_manage, seeded_label

SEARCHES = [
    "/jobs/?where=NE1&miles=20",
    "/jobs/?where=DH1&miles=10",
    "/jobs/?where=SR1&miles=15",
    "/jobs/?where=TS1&miles=15",
]
# (name, what the wrk script requests)
PAGES = {
    "home": "the home page",
    "search": "the job search from a place: " + ", ".join(SEARCHES),
    "job": "a job page, a different open job each request",
    "feed": "the jobs feed (RSS)",
}
WRK_MISSING = """wrk is not installed. It is the load tool this benchmark drives the server with:
    apt-get install -y wrk        (Debian, Ubuntu)
    brew install wrk              (macOS)
or build it from https://github.com/wg/wrk; then run the benchmark again."""


def seeded_open_jobs(env: dict[str, str]) -> int:
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.jobs.models import Job; "
        "print(Job.objects.filter(status=Job.Status.PUBLISHED).count())",
    )
    return int(output.strip().splitlines()[-1])


def prepare(env: dict[str, str], options: argparse.Namespace) -> str:
    """Migrate and seed (unless seeded), analyse PostgreSQL, collect the static files."""
    seeded_now = migrate_and_seed(
        env,
        pas=options.pas,
        employers=options.employers,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded_open_jobs(env) >= options.jobs,
        extra=[f"--jobs={options.jobs}", "--no-learning"],
    )
    if env.get("DATABASE_URL"):
        # What autovacuum does after a bulk load, before the planner can pick good plans.
        run_manage(
            env,
            "shell",
            "-c",
            "from django.db import connection; connection.cursor().execute('ANALYZE')",
        )
    # With DEBUG=0, as the server runs: whitenoise's manifest of hashed names.
    run_manage(server_env(env, 0), "collectstatic", "--noinput", "--verbosity=0")
    open_jobs = seeded_open_jobs(env)
    return f"{seeded_label(seeded_now[0] if seeded_now else None)}; {open_jobs:,} open jobs"


def job_ids(env: dict[str, str], seed: int, count: int = 2000) -> list[int]:
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.jobs.models import Job; "
        "print(list(Job.objects.filter(status=Job.Status.PUBLISHED).values_list('pk', flat=True)))",
    )
    ids = json.loads(output.strip().splitlines()[-1])
    random.Random(seed).shuffle(ids)
    return sorted(ids[:count])


# wrk: one Lua script a page, choosing the path per request and reporting its figures as JSON.

WRK_REPORT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0; math.randomseed(os.time() + math.random(1000)) end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local errors = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "p99": %.3f, '
    .. '"max": %.3f, "non2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3, bad,
    errors.connect + errors.read + errors.write + errors.timeout))
end
"""


def wrk_script(paths: list[str]) -> str:
    """A wrk script requesting one of `paths` at random each time, as through the TLS proxy:
    a new connection a request, as nginx opens to the app server unless told to keep them.
    (Kept connections stay with the worker that accepted them, and one worker taking all 20
    when wrk starts halved a run's figures now and then.)"""
    quoted = ",".join(json.dumps(path) for path in paths)
    return (
        f"local paths = {{{quoted}}}\n"
        'wrk.headers["X-Forwarded-Proto"] = "https"\n'
        'wrk.headers["Connection"] = "close"\n'
        "function request()\n"
        '  return wrk.format("GET", paths[math.random(#paths)])\n'
        "end\n" + WRK_REPORT
    )


def run_wrk(url: str, script: Path, *, seconds: int, connections: int) -> dict:
    finished = subprocess.run(  # noqa: S603 -- wrk, with our own script, against 127.0.0.1
        [
            shutil.which("wrk") or "wrk",
            f"--threads={min(2, connections)}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            f"--script={script}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in finished.stdout.splitlines() if line.startswith("WRK "))
    figures = json.loads(line[4:])
    figures["per_second"] = figures["requests"] / figures["seconds"]
    return figures


# The server: gunicorn as scripts/serve runs it, with production's settings.


def server_env(env: dict[str, str], port: int) -> dict[str, str]:
    return {
        **env,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PORT": str(port),
        # A fresh prefix a run: the cache starts cold and no other run's entries are read.
        "CACHE_KEY_PREFIX": f"publicbench-{secrets.token_hex(4)}",
        "LOG_LEVEL": "WARNING",
    }


def start_gunicorn(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    command = [
        gunicorn,
        "pahub.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--threads",
        "4",
        "--error-logfile",
        "-",
        "--log-level",
        "warning",
        # Never used here; the default path is one per user, shared with any other gunicorn.
        "--no-control-socket",
    ]
    server = subprocess.Popen(  # noqa: S603 -- gunicorn from our own virtualenv
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    try:
        wait_until_serving(server, port, log)
    except BaseException:
        server.terminate()
        server.wait(timeout=30)
        raise
    return server


def wait_until_serving(server: subprocess.Popen, port: int, log: Path) -> None:
    home = urllib.request.Request(
        f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}
    )
    for _ in range(100):
        time.sleep(0.3)
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(home, timeout=30):  # noqa: S310 -- 127.0.0.1 only
                return
        except OSError:  # not listening yet (refused, or timed out while starting)
            continue
    sys.exit(f"gunicorn did not answer:\n{log.read_text()[-4000:]}")


def busy_and_total_ticks() -> tuple[int, int]:
    """The machine's CPU time so far, busy and in all (Linux's /proc/stat)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields) - idle, sum(fields)


def wait_until_quiet(*, busy_share: float = 0.1, limit: float = 180) -> float:
    """Seconds until the machine, with no traffic, has been under `busy_share` busy for two
    half seconds running.

    Each worker loads the matching pools and the register's index in a thread as it starts
    (pahub/jobs/matches/warm.py), with PostgreSQL's help; measuring meanwhile would time
    that start-up too. A worker starts once and then serves for hours: the figures are of
    those hours, and the start's length is printed."""
    started = time.monotonic()
    before, calm = busy_and_total_ticks(), 0
    while time.monotonic() - started < limit:
        time.sleep(0.5)
        now = busy_and_total_ticks()
        busy, total = now[0] - before[0], now[1] - before[1]
        calm = calm + 1 if total and busy / total < busy_share else 0
        before = now
        if calm == 2:
            break
    return time.monotonic() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_database(name: str, env: dict[str, str], options: argparse.Namespace) -> None:
    prepared = prepare(env, options)
    ids = job_ids(env, options.seed)
    paths = {
        "home": ["/"],
        "search": SEARCHES,
        "job": [f"/jobs/{job_id}/" for job_id in ids],
        "feed": ["/jobs/feed.xml"],
    }
    cache = "Redis" if env.get("REDIS_URL") else "the database's cache table"
    print(f"\n=== {name}: {prepared}; cache in {cache}")
    print(
        f"gunicorn 2 processes x 4 threads, DEBUG=0; wrk {options.connections} connections, "
        f"{options.warm_up} s warm-up then {options.duration} s a page; "
        f"{len(ids):,} different job pages."
    )
    work = Path(tempfile.mkdtemp(prefix="publicbench-"))
    port = options.port or free_port()
    server = start_gunicorn(server_env(env, port), port, work / "gunicorn.log")
    try:
        settled = wait_until_quiet()
        print(f"The workers loaded their matching pools in the background in {settled:.1f} s.")
        print(
            f"{'page':<34} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
            f"{'non-2xx':>8} {'socket':>7}  what"
        )
        for page in options.pages:
            script = work / f"{page}.lua"
            script.write_text(wrk_script(paths[page]))
            url = f"http://127.0.0.1:{port}"
            if options.warm_up:
                # The first seconds, from an empty cache: printed, so the cost is seen.
                figures = run_wrk(
                    url, script, seconds=options.warm_up, connections=options.connections
                )
                print_row(f"{page} (first {options.warm_up} s, cache empty)", figures)
            if page == "job" and options.visit_every_job:
                # As a site whose job pages have each been read once since they last changed.
                print_row("job (each page once)", visit_each(url, paths["job"]))
            figures = run_wrk(
                url, script, seconds=options.duration, connections=options.connections
            )
            print_row(page, figures, PAGES[page])
    finally:
        server.terminate()
        server.wait(timeout=30)
        errors = (work / "gunicorn.log").read_text()
        if errors.strip():
            print(f"gunicorn's log:\n{errors[-3000:]}")
        shutil.rmtree(work, ignore_errors=True)


def print_row(label: str, figures: dict, what: str = "") -> None:
    print(
        f"{label:<34} {figures['per_second']:>7.0f} {figures['p50']:>8.1f} "
        f"{figures['p95']:>8.1f} {figures['p99']:>8.1f} {figures['non2xx']:>8} "
        f"{figures['socket_errors']:>7}  {what}",
        flush=True,
    )


def visit_each(url: str, paths: list[str], *, threads: int = 4) -> dict:
    """Request each path once, `threads` at a time, and return wrk-like figures."""

    def visit(path: str) -> tuple[float, int]:
        request = urllib.request.Request(url + path, headers={"X-Forwarded-Proto": "https"})  # noqa: S310 -- 127.0.0.1
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 -- 127.0.0.1
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        return (time.perf_counter() - started) * 1000, status

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(visit, paths))
    seconds = time.perf_counter() - started
    times = [elapsed for elapsed, _ in results]
    return {
        "per_second": len(results) / seconds,
        "p50": benchlib.percentile(times, 0.50),
        "p95": benchlib.percentile(times, 0.95),
        "p99": benchlib.percentile(times, 0.99),
        "non2xx": sum(1 for _, status in results if not 200 <= status < 300),
        "socket_errors": 0,
    }


# --profile: where one request's time goes, in this process.


def time_requests(client, address, count: int) -> float:
    """Milliseconds a request, over `count` requests of `address(n)`."""
    started = time.perf_counter()
    for n in range(count):
        client.get(address(n), secure=True)
    return (time.perf_counter() - started) * 1000 / count


def profile_worker(options: argparse.Namespace) -> None:
    import cProfile
    import io
    import pstats

    benchlib.setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pahub.jobs.models import Job

    ids = list(Job.objects.filter(status=Job.Status.PUBLISHED).values_list("pk", flat=True)[:2000])
    random.Random(options.seed).shuffle(ids)
    client = Client()
    requests = {
        "job page": lambda n: f"/jobs/{ids[n % len(ids)]}/",
        "search": lambda n: SEARCHES[n % len(SEARCHES)],
    }
    for label, address in requests.items():
        client.get(address(0), secure=True)  # warms the process (imports, connection)
        first = time_requests(client, address, options.profile)
        again = time_requests(client, address, options.profile)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address(1), secure=True)
        assert response.status_code == 200, (address(1), response.status_code)
        profile = cProfile.Profile()
        profile.enable()
        for n in range(options.profile):
            client.get(address(n), secure=True)
        profile.disable()
        print(
            f"\n--- {label}: {first:.1f} ms a request the first time, {again:.1f} ms again "
            f"({len(queries)} queries); top costs of the second, cumulative, under cProfile:"
        )
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
        stats.print_stats(options.profile_filter, options.profile_lines)
        text = out.getvalue().replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
        print("\n".join(line for line in text.splitlines() if line.strip()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=50_000)
    parser.add_argument("--pas", type=int, default=1_000)
    parser.add_argument("--employers", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=424244)
    parser.add_argument("--fresh", action="store_true", help="Seed again even if seeded.")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--sqlite-dir", type=Path, default=ROOT / "var" / "publicbench")
    parser.add_argument("--duration", type=int, default=20, help="Timed seconds a page.")
    parser.add_argument("--warm-up", type=int, default=5, help="Untimed seconds a page first.")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument(
        "--no-visit-every-job",
        dest="visit_every_job",
        action="store_false",
        help="Time the job pages without first requesting each one once.",
    )
    parser.add_argument("--port", type=int, default=0, help="Default: a free one.")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES))
    parser.add_argument("--profile", type=int, default=0, help="Profile N requests instead.")
    parser.add_argument(
        "--profile-filter",
        default=r"pahub/|template/loader_tags|db/models/query.py|sql/compiler.py:.*execute_sql",
        help="Which functions --profile lists (a regular expression on file:line(name)).",
    )
    parser.add_argument("--profile-lines", type=int, default=30)
    parser.add_argument("--worker", action="store_true", help="(internal) profile here")
    options = parser.parse_args()
    if options.worker:
        profile_worker(options)
        return
    if not options.profile and shutil.which("wrk") is None:
        sys.exit(WRK_MISSING)

    def bench(name: str, env: dict[str, str]) -> None:
        if env.get("REDIS_URL") is None and os.environ.get("REDIS_URL"):
            env["REDIS_URL"] = os.environ["REDIS_URL"]
        if not options.profile:
            bench_database(name, env, options)
            return
        print(f"\n=== {name}: {prepare(env, options)}")
        worker_env = {**benchlib.test_client_env(env), "CACHE_KEY_PREFIX": secrets.token_hex(4)}
        finished = subprocess.run(  # noqa: S603 -- this script, in worker mode
            [
                sys.executable,
                __file__,
                "--worker",
                f"--profile={options.profile}",
                f"--profile-filter={options.profile_filter}",
                f"--profile-lines={options.profile_lines}",
                f"--seed={options.seed}",
            ],
            cwd=ROOT,
            env=worker_env,
            check=False,
        )
        if finished.returncode != 0:
            sys.exit("The profiling worker failed.")

    benchlib.on_kept_databases(
        bench, sqlite_dir=None if options.skip_sqlite else options.sqlite_dir
    )


if __name__ == "__main__":
    main()
