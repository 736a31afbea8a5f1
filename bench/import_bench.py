"""How fast a PA register imports: the dry run and the import of a 50,000-row CSV file.

    .venv/bin/python bench/import_bench.py [--rows 50000] [--chunk 1000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/importbench \\
        .venv/bin/python bench/import_bench.py

Uses its own databases, kept between runs: SQLite in `var/importbench/` (`--sqlite-dir`) and,
when DATABASE_URL points at PostgreSQL, that database too (created if missing), migrated
untimed. In a separate process it writes a register of
`--rows` rows of new people for an organisation serving Newcastle upon Tyne (a twentieth repeat an earlier
row's email, a fiftieth are bad: an unreadable email, a postcode outside the area, no name),
then times the dry run and the import, each through the same runner the worker uses
(pahub/core/imports/runner.py), in chunks of `--chunk` rows. It prints rows per second and
the process's peak memory (maximum resident set size) after each. Invitation emails are
queued (one task per chunk) but not sent: the worker sends them later. It asserts nothing
about the figures.
"""

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import benchlib

# Each run's people get names and addresses of their own, so a run never matches the last one's and
# nothing needs deleting first (deleting 50,000 accounts, with everything that cascades from
# them, takes far longer than importing them).
RUN = int(time.time())
BENCH_DOMAIN = f"run{RUN}.import-bench.example.org"


def peak_mb() -> float:
    # Linux reports the maximum resident set size in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_register(path: Path, rows: int, outcodes: list[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Name,Email,Postcode,Phone,Rate\n")
        for n in range(rows):
            outcode = outcodes[n % len(outcodes)]
            name, email, postcode = (
                f"Pat Bench{n} Run{RUN}",
                f"pat{n}@{BENCH_DOMAIN}",
                f"{outcode} {n % 9}AB",
            )
            if n % 20 == 19:
                email = f"pat{n - 7}@{BENCH_DOMAIN}"  # repeats an earlier row
            elif n % 50 == 13:
                email = "not-an-email"
            elif n % 50 == 27:
                postcode = "DH1 1AA"  # County Durham, outside the organisation's area
            elif n % 50 == 41:
                name = ""
            out.write(f"{name},{email},{postcode},0191 {n:07d},{12 + n % 5}.50\n")


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    from django.conf import settings
    from django.core.files.uploadedfile import UploadedFile
    from django.test import override_settings

    from pahub.accounts.models import Membership, Organisation, User
    from pahub.core.imports import runner, services
    from pahub.places.models import District, LocalAuthority

    settings.DEBUG = False  # no query log growing through 50,000 rows
    runner.CHUNK_ROWS = options.chunk
    area = LocalAuthority.objects.get(name="Newcastle upon Tyne")
    organisation, _ = Organisation.objects.get_or_create(
        name="Import bench council", defaults={"kind": Organisation.Kind.LOCAL_AUTHORITY}
    )
    organisation.local_authorities.set([area])
    staff, _ = User.objects.get_or_create(email="staff@bench.invalid", defaults={"full_name": "B"})
    Membership.objects.get_or_create(user=staff, organisation=organisation)
    outcodes = list(
        District.objects.filter(local_authority=area)
        .order_by("outcode")
        .values_list("outcode", flat=True)
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.csv"
        write_register(path, options.rows, outcodes)
        # Dummy tasks: the benchmark runs each step itself, to time it alone.
        with (
            override_settings(
                TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
            ),
            path.open("rb") as binary,
        ):
            upload = UploadedFile(binary, name="register.csv", size=path.stat().st_size)
            run = services.import_upload(
                organisation=organisation, by=staff, kind="pas", uploaded=upload
            )
            mapping = services.mapping_offered(run, services.file_header(run))
            services.import_check_start(run=run, by=staff, mapping=mapping)
            started = time.perf_counter()
            runner.check_rows(run.pk)
            dry_seconds = time.perf_counter() - started
            dry_peak = peak_mb()
            services.import_confirm(run=run, by=staff)
            started = time.perf_counter()
            runner.import_rows(run.pk)
            import_seconds = time.perf_counter() - started
    run.refresh_from_db()
    print(
        json.dumps(
            {
                "rows": run.total_rows,
                "status": run.status,
                "created": run.created,
                "duplicate": run.duplicate,
                "refused": run.refused,
                "dry_seconds": dry_seconds,
                "dry_peak_mb": dry_peak,
                "import_seconds": import_seconds,
                "import_peak_mb": peak_mb(),
            }
        )
    )


def bench(name: str, env: dict[str, str], options: argparse.Namespace) -> None:
    benchlib.run_manage(env, "migrate", "--noinput", "--verbosity=0")
    args = ["--worker", f"--rows={options.rows}", f"--chunk={options.chunk}"]
    worker_env = {**env, "DJANGO_SETTINGS_MODULE": "pahub.settings"}
    (figures,) = benchlib.run_worker(__file__, args, worker_env)
    rows = figures["rows"]
    print(
        f"{name}: {rows:,} rows ({figures['created']:,} created, {figures['duplicate']:,} "
        f"duplicates, {figures['refused']:,} refused), chunks of {options.chunk:,}: "
        f"{figures['status']}"
    )
    print(
        f"  dry run  {figures['dry_seconds']:7.1f} s  {rows / figures['dry_seconds']:8,.0f} rows/s"
        f"  peak memory {figures['dry_peak_mb']:.0f} MB"
    )
    print(
        f"  import   {figures['import_seconds']:7.1f} s  "
        f"{rows / figures['import_seconds']:8,.0f} rows/s  peak memory "
        f"{figures['import_peak_mb']:.0f} MB"
    )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--sqlite-dir", type=Path, default=benchlib.ROOT / "var" / "importbench")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options)
        return
    benchlib.on_kept_databases(
        lambda name, env: bench(name, env, options), sqlite_dir=options.sqlite_dir
    )


if __name__ == "__main__":
    main()
