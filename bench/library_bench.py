"""How fast the library search is with 5,000 resources.

    .venv/bin/python bench/library_bench.py [--resources 5000] [--runs 200] [--seed 737373] [--fresh]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/librarybench \\
        .venv/bin/python bench/library_bench.py

Uses its own databases, kept between runs: SQLite in `var/librarybench/` (`--sqlite-dir`)
and, when DATABASE_URL points at PostgreSQL, that database too (created if missing). Each is
migrated and seeded once with `manage.py seed --pas=0 --employers=0 --resources=N` (published
guidance and templates with varied text and tags, a fifth of them councils' local additions),
untimed; later runs reuse the seed unless `--fresh`. On PostgreSQL the search is full-text
over a GIN index; on SQLite it is the `icontains` fallback (pahub/library/queries.py).

Then, in a separate process, a signed-out test client requests each search of SEARCHES
`--warm-up` times untimed and `--runs` times timed, through the whole Django stack. It prints
p50/p95/p99 milliseconds, the SQL queries one request makes and the size of the answer. It
prints figures and asserts nothing about them.
"""

import argparse

import benchlib
from benchlib import migrate_and_seed, run_manage, seeded_label

SEARCHES: list[tuple[str, str]] = [
    ("/library/", "everything, by title"),
    ("/library/?q=car+insurance", "two words"),
    ("/library/?q=payroll", "one common word"),
    ("/library/?q=xylophone", "a word nowhere"),
    ("/library/?q=holiday+pay&kind=guidance&audience=pa", "words and filters"),
    ("/library/?tag=dbs&page=5", "by topic, page 5"),
    ("/api/v1/library/resources?q=sick+pay", "API search"),
    ("/api/v1/library/resources/driving-your-employer-in-your-own-car", "API one resource"),
]


def seeded_resources(env: dict[str, str], seed: int) -> int:
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.library.models import Resource; "
        "from pahub.library.seeding import seed_prefix; "
        f"print(Resource.objects.filter(slug__startswith=seed_prefix({seed})).count())",
    )
    return int(output.strip().splitlines()[-1])


def prepare(env: dict[str, str], options: argparse.Namespace) -> str:
    seeded_now = migrate_and_seed(
        env,
        pas=0,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded_resources(env, options.seed) == options.resources,
        extra=[f"--resources={options.resources}", "--no-learning", "--posts=0"],
    )
    if seeded_now is None:
        return seeded_label(None)
    seconds, output = seeded_now
    library = next((line for line in output.splitlines() if line.startswith("Library:")), "")
    return f"{seeded_label(seconds)}\n{library}"


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    from pahub.library.models import Resource

    benchlib.time_searches_signed_out(
        SEARCHES,
        {"resources": Resource.objects.filter(current_version__isnull=False).count()},
        runs=options.runs,
        warm_up=options.warm_up,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    benchlib.add_search_bench_options(
        parser, what="resources", default_count=5_000, seed=737373, sqlite_dir="librarybench"
    )
    options = parser.parse_args()
    if options.worker:
        worker(options)
        return
    benchlib.run_search_bench(
        __file__,
        options,
        prepare=lambda env: prepare(env, options),
        describe=lambda about: f"{about['resources']:,} published resources.",
    )


if __name__ == "__main__":
    main()
