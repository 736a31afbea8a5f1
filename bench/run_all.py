"""Run every benchmark in bench/ (each `*_bench.py`) in turn; `make bench` calls this.

    .venv/bin/python bench/run_all.py [--only NAME ...] [--national-dir DIR]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pahubbench .venv/bin/python bench/run_all.py

Issue 15's national scale first, on one seed: `seed_bench.py` times seeding 200,000 PAs,
20,000 employers and 50,000 open jobs (seed 424244) and keeps what it made, SQLite in
`--national-dir` (var/bench-national) and PostgreSQL in DATABASE_URL's database when it is set;
then `matching_bench.py`, `register_search_bench.py` and `public_pages_bench.py` reuse that
seed instead of each making their own (minutes a database each). The databases are kept
afterwards (a later `make bench` seeds them again, timed). Then every other benchmark, with
its own default arguments and its own databases.

Each runs in its own process and prints its own figures (p50/p95/p99, queries per call, and
for matching the ratio to the naive baseline). Exits non-zero if any of them failed, after
running the rest.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

from benchlib import BENCH_DIR, ROOT

NATIONAL_SEED = "424244"


def national_scale(directory: Path) -> dict[str, list[str]]:
    """The benchmarks of issue 15 in order, with the arguments that make them share one seed:
    the first makes it and keeps it, the others find it there and reuse it."""
    sqlite_dir = f"--sqlite-dir={directory}"
    return {
        "seed_bench.py": ["--keep", sqlite_dir, f"--seed={NATIONAL_SEED}"],
        "matching_bench.py": ["--reuse", "--keep", sqlite_dir, f"--seed={NATIONAL_SEED}"],
        "register_search_bench.py": ["--reuse", "--keep", sqlite_dir, f"--seed={NATIONAL_SEED}"],
        "public_pages_bench.py": [
            sqlite_dir,
            f"--seed={NATIONAL_SEED}",
            "--pas=200000",
            "--employers=20000",
            "--jobs=50000",
        ],
    }


def run(benchmark: Path, arguments: list[str]) -> bool:
    print(f"=== {benchmark.name} {' '.join(arguments)}".rstrip(), flush=True)
    started = time.perf_counter()
    # Our own scripts, run with the same Python.
    finished = subprocess.run(  # noqa: S603
        [sys.executable, str(benchmark), *arguments], check=False, cwd=ROOT
    )
    seconds = time.perf_counter() - started
    outcome = "ok" if finished.returncode == 0 else f"FAILED ({finished.returncode})"
    print(f"=== {benchmark.name}: {outcome} in {seconds:.0f} s\n", flush=True)
    return finished.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help="Only these (e.g. matching_bench.py)."
    )
    parser.add_argument(
        "--national-dir",
        type=Path,
        default=ROOT / "var" / "bench-national",
        help="Where the national-scale SQLite seed is made and kept.",
    )
    options = parser.parse_args()
    first = national_scale(options.national_dir)
    others = sorted(path.name for path in BENCH_DIR.glob("*_bench.py") if path.name not in first)
    names = [*first, *others]
    if options.only:
        names = [name for name in names if name in options.only]
    failed = [name for name in names if not run(BENCH_DIR / name, first.get(name, []))]
    if failed:
        sys.exit(f"Failed: {', '.join(failed)}")
    print(f"All {len(names)} benchmarks ran.")


if __name__ == "__main__":
    main()
