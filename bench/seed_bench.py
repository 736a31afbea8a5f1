"""How long `manage.py seed` takes at the issue's size (200,000 PAs, 20,000 employers, 50,000
jobs), how many rows a second, and how much memory, on SQLite and on PostgreSQL.

    .venv/bin/python bench/seed_bench.py [--pas N] [--employers M] [--jobs K] [--seed S]
        [--small-pas P] [--database sqlite|postgresql] [--keep] [--sqlite-dir DIR]

Always runs on a fresh SQLite database in a temporary PAHUB_VAR_DIR (unless --database
postgresql). When DATABASE_URL is set, runs on that PostgreSQL database too: it is migrated,
this benchmark's seed is cleared out of it first (untimed), and cleared again afterwards
unless --keep is given. With --sqlite-dir the SQLite database is made there (any database
already there is deleted first) and kept, for other benchmarks to reuse (`run_all.py` does
this). Each seed runs in its own process with DEBUG=1, as developers run it,
and is timed from the outside, Django start-up, the ANALYZE and the insights refresh
included; peak memory is that process's maximum resident set size. With --small-pas the same
seed is first run at that many PAs (employers and jobs scaled alike), to show that peak
memory does not grow with the number of PAs.
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


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    output: str

    @property
    def rows(self) -> int:
        """Every row the seed says it made: people, register, jobs, learning, community."""
        # Not "(65,926 rows/s": a rate, which this once added in too (about 50,000 too many).
        said = sum(_number(found) for found in re.findall(r"([\d,]+) rows\b(?!/)", self.output))
        community = re.search(
            r"Community: ([\d,]+) threads and ([\d,]+) posts .*?([\d,]+) read marks", self.output
        )
        if community:
            said += sum(_number(group) for group in community.groups())
        return said


@dataclass(frozen=True)
class Size:
    pas: int
    employers: int
    jobs: int

    def scaled(self, pas: int) -> "Size":
        return Size(pas, self.employers * pas // self.pas, self.jobs * pas // self.pas)

    def __str__(self) -> str:
        return f"{self.pas:,} PAs, {self.employers:,} employers, {self.jobs:,} jobs"


@dataclass(frozen=True)
class Result:
    database: str
    size: Size
    run: Run


def _number(text: str) -> int:
    return int(text.replace(",", ""))


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
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / divisor,
        output=output,
    )


def seed_args(seed: int, size: Size) -> list[str]:
    return [
        "seed",
        f"--pas={size.pas}",
        f"--employers={size.employers}",
        f"--jobs={size.jobs}",
        f"--seed={seed}",
        "--verbosity=0",
    ]


def bench_sqlite(options: argparse.Namespace, base_env: dict[str, str], size: Size) -> Result:
    if options.sqlite_dir:
        var_dir = str(options.sqlite_dir)
        options.sqlite_dir.mkdir(parents=True, exist_ok=True)
        for old in options.sqlite_dir.glob("pahub.sqlite3*"):
            old.unlink()
    else:
        var_dir = tempfile.mkdtemp(prefix="pahub-seed-bench-")
    env = {**base_env, "PAHUB_VAR_DIR": var_dir}
    env.pop("DATABASE_URL", None)
    try:
        manage(env, "migrate", "--noinput", "--verbosity=0")
        run = manage(env, *seed_args(options.seed, size))
        size_mb = sum(path.stat().st_size for path in Path(var_dir).glob("pahub.sqlite3*")) / 1e6
        print(f"sqlite, {size}: database file {size_mb:,.0f} MB")
    finally:
        if options.keep or options.sqlite_dir:
            print(f"Kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)
    return Result("sqlite", size, run)


def bench_postgresql(options: argparse.Namespace, base_env: dict[str, str], size: Size) -> Result:
    manage(base_env, "migrate", "--noinput", "--verbosity=0")
    clear = [*seed_args(options.seed, Size(0, 0, 0)), "--replace"]
    manage(base_env, *clear)
    run = manage(base_env, *seed_args(options.seed, size))
    if not options.keep:
        manage(base_env, *clear)
    return Result("postgresql", size, run)


def step_lines(output: str) -> list[str]:
    """The command's own summary of each step, with its time."""
    return [
        line
        for line in output.splitlines()
        if re.match(
            r"(Seed \d|[\d,]+ rows in|Register|Jobs|Learning|Community|Planner|Insights)", line
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pas", type=int, default=200_000)
    parser.add_argument("--employers", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=50_000)
    parser.add_argument(
        "--small-pas",
        type=int,
        default=0,
        help="Also seed this many PAs first (employers and jobs scaled alike), for peak memory.",
    )
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgresql"],
        default=None,
        help="Only this database (default: SQLite, and PostgreSQL when DATABASE_URL is set).",
    )
    parser.add_argument("--seed", type=int, default=424242, help="Seed number to use.")
    parser.add_argument("--keep", action="store_true", help="Keep the seeded data.")
    parser.add_argument(
        "--sqlite-dir", type=Path, help="Seed SQLite in this PAHUB_VAR_DIR (emptied first), kept."
    )
    options = parser.parse_args()

    base_env = {**os.environ, "DEBUG": "1"}
    full = Size(options.pas, options.employers, options.jobs)
    sizes = [full.scaled(options.small_pas), full] if options.small_pas else [full]
    databases = [options.database] if options.database else ["sqlite", "postgresql"]
    if "postgresql" in databases and not postgres_url():
        print("DATABASE_URL is not set to PostgreSQL, so only SQLite is measured.")
        databases.remove("postgresql")
    print(f"seed_bench: {full}")
    results = []
    for database in databases:
        for size in sizes:
            bench = bench_sqlite if database == "sqlite" else bench_postgresql
            result = bench(options, base_env, size)
            results.append(result)
            print(f"{database}, {size}: {result.run.seconds:.1f} s")

    print()
    print(
        f"{'database':<12}{'PAs':>9}{'seconds':>9}{'CPU s':>8}{'rows':>12}{'rows/s':>9}"
        f"{'peak MB':>9}"
    )
    for result in results:
        run = result.run
        print(
            f"{result.database:<12}{result.size.pas:>9,}{run.seconds:>9.1f}{run.cpu_seconds:>8.1f}"
            f"{run.rows:>12,}{run.rows / run.seconds:>9,.0f}{run.peak_mb:>9,.0f}"
        )
    for result in results:
        print(f"\n{result.database}, {result.size}, the seed's own lines:")
        for line in step_lines(result.run.output):
            print(f"  {line}")


if __name__ == "__main__":
    main()
