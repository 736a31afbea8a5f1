"""A fingerprint of a seeded database: every table's row count and a hash of its rows, to show
that a change to `manage.py seed` made it faster and not different.

    .venv/bin/python bench/seed_fingerprint.py [--every N]
    .venv/bin/python bench/seed_fingerprint.py --seed-first [--pas P] [--employers M]
        [--jobs K] [--seed S] [--batch-size B] [--every N]

The database is the one `manage.py` would use (DATABASE_URL, or SQLite in PAHUB_VAR_DIR).
Each table's rows are read in order of their first column (the primary key) and every
`--every`-th row goes into its hash (all of them by default). Compare fingerprints on the same
kind of database: SQLite and PostgreSQL hand back some values in different types.

A seed is deterministic for the same seed number on the same day, but a few of its values
come from the clock (``timezone.now()``: last active moments, auto_now stamps) or from
``secrets`` (the reference requests' token hashes). With `--seed-first` the script migrates
nothing, runs the seed itself in this process with the clock stopped at `--now` and
``secrets`` replaced by a seeded stream, then prints the fingerprint, so two runs of the seed
on an empty migrated database, before and after a change, must print the same lines.
"""

import argparse
import hashlib
import io
import os
import random
import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pahub.settings")
os.environ.setdefault("DEBUG", "1")


# Values the seed does not choose: the database's own clock (the matching pool's change log
# is written by triggers) and how long an insights collector took.
IGNORED_COLUMNS = {
    "matching_poolchange": {"changed_at"},
    "insights_refresh": {"seconds"},
}
# SQLite's planner statistics: the pool's change log's counts depend on that clock too.
IGNORED_TABLES = {"sqlite_stat1"}


def _stopped_now():  # its code replaces timezone.now's, so defaults like default=timezone.now stop too
    return _STOPPED_AT  # noqa: F821 -- a global of django.utils.timezone, set below


def _stop_the_clock(now: datetime) -> None:
    """``timezone.now()`` is `now`; ``secrets`` and the unusable password's random string draw
    from a seeded stream, for this process."""
    from django.contrib.auth import hashers
    from django.utils import timezone

    timezone._STOPPED_AT = now
    timezone.now.__code__ = _stopped_now.__code__
    stream = random.Random("seed-fingerprint")
    secrets.token_hex = lambda nbytes=32: stream.randbytes(nbytes).hex()
    secrets.token_bytes = lambda nbytes=32: stream.randbytes(nbytes)
    secrets.token_urlsafe = lambda nbytes=32: stream.randbytes(nbytes).hex()
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    hashers.get_random_string = lambda length, *_: "".join(stream.choices(alphabet, k=length))


def fingerprint(every: int) -> list[str]:
    """One line a table that has rows: its name, its row count and its rows' hash."""
    from django.db import connection

    lines = []
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in IGNORED_TABLES:
                continue
            ignored = IGNORED_COLUMNS.get(table, set())
            columns = ", ".join(
                connection.ops.quote_name(column.name)
                for column in connection.introspection.get_table_description(cursor, table)
                if column.name not in ignored
            )
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT {columns} FROM {quoted} ORDER BY 1")  # noqa: S608
            digest = hashlib.sha256()
            count = 0
            while rows := cursor.fetchmany(10_000):
                for row in rows:
                    if count % every == 0:
                        digest.update(repr(row).encode())
                    count += 1
            if count:
                lines.append(f"{table:<48}{count:>11,}  {digest.hexdigest()[:16]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-first", action="store_true", help="Run the seed, then print.")
    parser.add_argument("--pas", type=int, default=2000)
    parser.add_argument("--employers", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=424242)
    parser.add_argument("--batch-size", type=int, default=1000, help="Several batches, too.")
    parser.add_argument(
        "--now",
        default=datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0).isoformat(),
        help="The moment the clock stops at (default: noon UTC today).",
    )
    parser.add_argument("--every", type=int, default=1, help="Hash every N-th row of a table.")
    options = parser.parse_args()

    if options.seed_first and os.environ.get("PYTHONHASHSEED") != "0":
        # Some of the seed's rows come out of sets of strings (an organisation's areas, say),
        # in an order that changes with Python's hash seed: fix it, and start again.
        os.execve(  # noqa: S606 -- this same script, again
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    import django

    django.setup()
    if options.seed_first:
        from django.core.management import call_command

        _stop_the_clock(datetime.fromisoformat(options.now))
        call_command(
            "seed",
            f"--pas={options.pas}",
            f"--employers={options.employers}",
            f"--jobs={options.jobs}",
            f"--seed={options.seed}",
            f"--batch-size={options.batch_size}",
            verbosity=0,
            stdout=io.StringIO(),
        )
    for line in fingerprint(options.every):
        print(line)


if __name__ == "__main__":
    main()
