"""How fast the directory search is with 10,000 services.

    .venv/bin/python bench/directory_bench.py [--services 10000] [--runs 200] [--seed 626262] [--fresh]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/directorybench \\
        .venv/bin/python bench/directory_bench.py

Uses its own databases, kept between runs: SQLite in `var/directorybench/` (`--sqlite-dir`)
and, when DATABASE_URL points at PostgreSQL, that database too (created if missing). Each is
migrated and seeded once with `manage.py seed --pas=0 --employers=0 --services=N` (approved
services spread over the North East's postcode districts, with needs, areas, a location and
opening hours each), untimed; later runs reuse the seed unless `--fresh`.

Then, in a separate process, a signed-out test client requests each search of SEARCHES
`--warm-up` times untimed and `--runs` times timed, through the whole Django stack. It prints
p50/p95/p99 milliseconds, the SQL queries one request makes and the size of the answer. It
prints figures and asserts nothing about them.
"""

import argparse

import benchlib
from benchlib import migrate_and_seed, run_manage, seeded_label

SEARCHES: list[tuple[str, str]] = [
    ("/directory/", "everything, by name"),
    ("/directory/?need=payroll", "by need"),
    ("/directory/?where=NE1&miles=10", "within 10 miles of NE1"),
    ("/directory/?where=NE1+4ST&miles=25&need=employing_advice", "need within 25 miles"),
    ("/directory/?area=E08000021", "by council area (Newcastle)"),
    ("/directory/?where=DH1&miles=50&page=5", "50 miles of DH1, page 5"),
    ("/api/v1/directory/openreferral/services", "Open Referral UK services"),
    (
        "/api/v1/directory/openreferral/service_at_locations?postcode=NE1&proximity=16000",
        "Open Referral UK near NE1",
    ),
]


def seeded_services(env: dict[str, str], seed: int) -> int:
    output = run_manage(
        env,
        "shell",
        "-c",
        "from pahub.directory.models import Service; "
        "from pahub.directory.seeding import seed_prefix; "
        f"print(Service.objects.filter(name__startswith=seed_prefix({seed})).count())",
    )
    return int(output.strip().splitlines()[-1])


def prepare(env: dict[str, str], options: argparse.Namespace) -> str:
    seeded_now = migrate_and_seed(
        env,
        pas=0,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded_services(env, options.seed) == options.services,
        extra=[f"--services={options.services}", "--no-learning"],
    )
    if seeded_now is None:
        return seeded_label(None)
    seconds, output = seeded_now
    directory = next((line for line in output.splitlines() if line.startswith("Directory:")), "")
    return f"{seeded_label(seconds)}\n{directory}"


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    from pahub.directory.models import Service

    benchlib.time_searches_signed_out(
        SEARCHES,
        {"services": Service.objects.filter(status=Service.Status.APPROVED).count()},
        runs=options.runs,
        warm_up=options.warm_up,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    benchlib.add_search_bench_options(
        parser, what="services", default_count=10_000, seed=626262, sqlite_dir="directorybench"
    )
    options = parser.parse_args()
    if options.worker:
        worker(options)
        return
    benchlib.run_search_bench(
        __file__,
        options,
        prepare=lambda env: prepare(env, options),
        describe=lambda about: f"{about['services']:,} approved services.",
    )


if __name__ == "__main__":
    main()
