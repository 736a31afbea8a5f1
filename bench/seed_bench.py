"""How long `manage.py seed` takes for 100,000 PAs and 20,000 employers, and how much memory.

    .venv/bin/python bench/seed_bench.py [--pas N] [--employers M] [--seed S] [--keep]

Always runs on a fresh SQLite database in a temporary PAHUB_VAR_DIR. When DATABASE_URL is set,
runs on that PostgreSQL database too: it is migrated, this benchmark's seed is cleared out of it
first (untimed), and cleared again afterwards unless --keep is given. Each seed runs in its own
process with DEBUG=1, as developers run it, and is timed from the outside, Django start-up
included; peak memory is that process's maximum resident set size.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchlib import MANAGE, ROOT, postgres_url

# Each seeded person is three rows: the user, their role and their verified email address.
ROWS_PER_PERSON = 3


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    output: str


@dataclass(frozen=True)
class Result:
    database: str
    people: int
    run: Run

    @property
    def rows(self) -> int:
        return self.people * ROWS_PER_PERSON


def manage(env: dict[str, str], *args: str) -> Run:
    """Run one manage.py command; its time and peak memory are its own, not this script's."""
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 -- our own manage.py with fixed arguments
        [sys.executable, MANAGE, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    # wait4 gives the usage of exactly this child, so migrations run earlier do not count.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{output}")
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Run(seconds=seconds, peak_mb=usage.ru_maxrss / divisor, output=output)


def seed_args(options: argparse.Namespace, *, pas: int, employers: int) -> list[str]:
    return [
        "seed",
        f"--pas={pas}",
        f"--employers={employers}",
        f"--seed={options.seed}",
        "--verbosity=0",
    ]


def bench_sqlite(options: argparse.Namespace, base_env: dict[str, str]) -> Result:
    var_dir = tempfile.mkdtemp(prefix="pahub-seed-bench-")
    env = {**base_env, "PAHUB_VAR_DIR": var_dir}
    env.pop("DATABASE_URL", None)
    try:
        manage(env, "migrate", "--noinput", "--verbosity=0")
        run = manage(env, *seed_args(options, pas=options.pas, employers=options.employers))
        size_mb = sum(path.stat().st_size for path in Path(var_dir).glob("pahub.sqlite3*")) / 1e6
        print(f"SQLite database after seeding: {size_mb:,.0f} MB")
    finally:
        if options.keep:
            print(f"Kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)
    return Result("sqlite", options.pas + options.employers, run)


def bench_postgresql(options: argparse.Namespace, base_env: dict[str, str]) -> Result:
    manage(base_env, "migrate", "--noinput", "--verbosity=0")
    clear = [*seed_args(options, pas=0, employers=0), "--replace"]
    manage(base_env, *clear)
    run = manage(base_env, *seed_args(options, pas=options.pas, employers=options.employers))
    if not options.keep:
        manage(base_env, *clear)
    return Result("postgresql", options.pas + options.employers, run)


def summary_line(output: str) -> str:
    """The command's own timing, which leaves out Python and Django starting up."""
    found = re.search(r"^.*rows in .*$", output, flags=re.MULTILINE)
    return found.group(0) if found else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pas", type=int, default=100_000)
    parser.add_argument("--employers", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=424242, help="Seed number to use.")
    parser.add_argument("--keep", action="store_true", help="Keep the seeded data.")
    options = parser.parse_args()

    base_env = {**os.environ, "DEBUG": "1"}
    print(f"seed_bench: {options.pas:,} PAs and {options.employers:,} employers")
    results = [bench_sqlite(options, base_env)]
    if postgres_url():
        results.append(bench_postgresql(options, base_env))
    else:
        print("DATABASE_URL is not set to PostgreSQL, so only SQLite was measured.")

    print()
    print(f"{'database':<12}{'seconds':>9}{'rows':>11}{'rows/s':>9}{'people/s':>10}{'peak MB':>9}")
    for result in results:
        run = result.run
        print(
            f"{result.database:<12}{run.seconds:>9.1f}{result.rows:>11,}"
            f"{result.rows / run.seconds:>9,.0f}{result.people / run.seconds:>10,.0f}"
            f"{run.peak_mb:>9,.0f}"
        )
    for result in results:
        print(f"{result.database}: seed says: {summary_line(result.run.output)}")


if __name__ == "__main__":
    main()
