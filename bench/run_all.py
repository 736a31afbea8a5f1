"""Run every benchmark in bench/ (each `*_bench.py`) in turn; `make bench` calls this.

    .venv/bin/python bench/run_all.py

Each benchmark runs with its default arguments in its own process and prints its own figures
(library_bench.py among them: the library search with 5,000 resources).
Exits non-zero if any of them failed, after running the rest.
"""

import subprocess
import sys
import time

from benchlib import BENCH_DIR


def main() -> None:
    benchmarks = sorted(BENCH_DIR.glob("*_bench.py"))
    failed: list[str] = []
    for benchmark in benchmarks:
        print(f"=== {benchmark.name}", flush=True)
        started = time.perf_counter()
        # Our own scripts, run with the same Python.
        finished = subprocess.run([sys.executable, str(benchmark)], check=False)  # noqa: S603
        seconds = time.perf_counter() - started
        outcome = "ok" if finished.returncode == 0 else f"FAILED ({finished.returncode})"
        print(f"=== {benchmark.name}: {outcome} in {seconds:.0f} s\n", flush=True)
        if finished.returncode != 0:
            failed.append(benchmark.name)
    if failed:
        sys.exit(f"Failed: {', '.join(failed)}")
    print(f"All {len(benchmarks)} benchmarks ran.")


if __name__ == "__main__":
    main()
