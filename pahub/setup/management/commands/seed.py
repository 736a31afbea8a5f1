"""Fill the database with synthetic North East PAs, employers and their open jobs, the PAs'
learning and the community's threads, for load tests and demos.

    manage.py seed --pas 100000 --employers 20000 --jobs 20000 --seed 1

The same seed always gives the same people. Running a seed that is already in the database is
refused; ``--replace`` deletes that seed's people first.
"""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries, transaction

from pahub.accounts.seeding import (
    BATCH_SIZE,
    PEOPLE_MODELS,
    SEED_EMAIL_DOMAIN,
    SeedCounts,
    SeedDeleteError,
    SeedKind,
    analyse_people_for_planner,
    seed_delete,
    seed_password_hash,
    seed_people,
    seed_users,
    spoke_districts,
)
from pahub.community.seeding import seed_extension as seed_community
from pahub.community.seeding import seeded_community_delete
from pahub.core.bulk_load import (
    analyse_after_bulk_load,
    bulk_loading_into,
    finish_bulk_load,
    prepare_for_bulk_load,
)
from pahub.directory.seeding import seed_extension as seed_directory
from pahub.insights import summaries
from pahub.jobs.seeding import seed_extension as seed_jobs
from pahub.jobs.vacancies.caching import bump_public_jobs_version
from pahub.learning.seeding import seed_extension as seed_learning
from pahub.library.seeding import seed_extension as seed_library
from pahub.register.seeding.load import seed_extension as seed_register

# The project's top orchestrates the seed: accounts makes the people, then each app further up
# adds its own rows for them, each in its own transaction. Each is called as
# extension(seed=..., batch_size=..., say=...) and returns a summary line.
SEED_EXTENSIONS = (seed_register,)


class Command(BaseCommand):
    help = "Create deterministic synthetic PAs and employers across the North East spokes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pas", type=int, default=1000, help="How many PAs (default 1000).")
        parser.add_argument(
            "--employers", type=int, default=250, help="How many employers (default 250)."
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=0,
            help="How many open jobs, spread over the seed's employers (default 0).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Same seed, same people (default 1)."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the people this seed created before, then create them again.",
        )
        parser.add_argument(
            "--password",
            default=None,
            help="One password for every seeded account; without it nobody can sign in.",
        )
        parser.add_argument(
            "--no-learning",
            dest="learning",
            action="store_false",
            help="Skip the PAs' learning (completions, certificates, CPD, plans, events).",
        )
        parser.add_argument(
            "--learning-heavy-pa",
            action="store_true",
            help="Give the seed's first PA exactly 200 module completions (for benchmarks).",
        )
        parser.add_argument(
            "--posts",
            type=int,
            default=None,
            help="How many community posts (threads and replies; default: as many as PAs).",
        )
        parser.add_argument(
            "--services",
            type=int,
            default=0,
            help="How many directory services to add, approved (default 0).",
        )
        parser.add_argument(
            "--resources",
            type=int,
            default=0,
            help="How many library resources to add, published (default 0).",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, **options) -> None:
        self.verbosity: int = options["verbosity"]
        seed: int = options["seed"]
        wanted = {SeedKind.PA: options["pas"], SeedKind.EMPLOYER: options["employers"]}
        posts: int = options["pas"] if options["posts"] is None else options["posts"]
        if any(count < 0 for count in wanted.values()) or options["jobs"] < 0 or posts < 0:
            raise CommandError("Counts cannot be negative.")
        if options["learning_heavy_pa"] and not (options["learning"] and options["pas"]):
            raise CommandError("--learning-heavy-pa needs PAs and their learning.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if options["services"] < 0 or options["resources"] < 0:
            raise CommandError("Counts cannot be negative.")
        if options["jobs"] and not options["employers"]:
            raise CommandError("--jobs needs --employers: every job belongs to an employer.")
        districts = spoke_districts()
        if not districts.outcodes:
            raise CommandError("No spoke districts found. Run `manage.py migrate` first.")

        replaced = prepare_for_bulk_load()
        if options["replace"]:
            self._delete_earlier_run(seed)
        # Timed from here, commit included, so rows/s measures creating rows and nothing else.
        started = time.perf_counter()
        with transaction.atomic(), bulk_loading_into(PEOPLE_MODELS):
            self._refuse_if_seeded(seed)
            password_hash = seed_password_hash(options["password"])
            counts = SeedCounts()
            for kind, count in wanted.items():
                counts += seed_people(
                    seed=seed,
                    kind=kind,
                    count=count,
                    districts=districts,
                    password_hash=password_hash,
                    batch_size=options["batch_size"],
                    on_batch=self._progress(kind, count, started),
                )
        analyse_people_for_planner()
        elapsed = time.perf_counter() - started
        # Profiles, evidence and so on for the people just made; timed and reported apart.
        extension_lines = [
            extension(seed=seed, batch_size=options["batch_size"], say=self._say)
            for extension in SEED_EXTENSIONS
        ]

        if options["jobs"]:
            extension_lines.append(
                seed_jobs(
                    seed=seed,
                    count=options["jobs"],
                    batch_size=options["batch_size"],
                    say=self._say,
                )
            )
        if options["learning"]:
            extension_lines.append(
                seed_learning(
                    seed=seed,
                    batch_size=options["batch_size"],
                    say=self._say,
                    heavy_pa=options["learning_heavy_pa"],
                )
            )
        if posts:
            extension_lines.append(
                seed_community(
                    seed=seed,
                    batch_size=options["batch_size"],
                    say=self._say,
                    posts=posts,
                )
            )
        if options["services"]:
            extension_lines.append(
                seed_directory(
                    seed=seed,
                    count=options["services"],
                    batch_size=options["batch_size"],
                    say=self._say,
                )
            )
        if options["resources"]:
            extension_lines.append(
                seed_library(
                    seed=seed,
                    count=options["resources"],
                    batch_size=options["batch_size"],
                    say=self._say,
                )
            )
        finish_bulk_load(replaced)
        self._summary(seed, counts, elapsed)
        # The rows went in without save(), so no signal told the public pages' cache.
        bump_public_jobs_version()
        for line in extension_lines:
            self.stdout.write(line)
        started = time.perf_counter()
        statement = analyse_after_bulk_load()
        self.stdout.write(
            f"Planner statistics: {statement} of every table on {connection.vendor}, "
            f"as production would after a bulk load, in {time.perf_counter() - started:.1f} s."
        )
        # The dashboards read summaries, not rows: make them now rather than at the next hour.
        started = time.perf_counter()
        facts = sum(summaries.refresh().values())
        self.stdout.write(
            f"Insights: {facts} figures made in {time.perf_counter() - started:.1f} s."
        )

    def _delete_earlier_run(self, seed: int) -> None:
        """Delete the seed's people in a transaction of its own, before seeding.

        On PostgreSQL the deferred foreign-key checks for 100,000 deleted people run at commit
        and take about as long as creating them; they belong to the delete, not to the
        creation's rows/s. If seeding then fails, the seed is simply absent: run it again.
        """
        started = time.perf_counter()
        try:
            with transaction.atomic():
                # The seed's posts first: once its people are gone they could not be told
                # apart from a real former member's.
                seeded_community_delete(seed)
                deleted = seed_delete(seed)
        except SeedDeleteError as error:
            raise CommandError(str(error)) from error
        if deleted:
            self._say(
                f"Deleted {deleted:,} people from seed {seed} "
                f"in {time.perf_counter() - started:.1f} s."
            )

    def _refuse_if_seeded(self, seed: int) -> None:
        earlier = seed_users(seed).count()
        if earlier:
            raise CommandError(
                f"Seed {seed} is already in the database ({earlier:,} people with emails "
                f"seed-{seed}-…@{SEED_EMAIL_DOMAIN}). Use --replace to delete them and "
                "seed again, or choose another --seed."
            )

    def _progress(self, kind: SeedKind, total: int, started: float):
        label = "PAs" if kind is SeedKind.PA else "employers"

        def report(done: int) -> None:
            # With DEBUG on Django keeps every query; 100,000 people's inserts would pile up.
            reset_queries()
            seconds = time.perf_counter() - started
            self._say(f"  {label}: {done:,} / {total:,}  ({seconds:.1f} s)")

        return report

    def _summary(self, seed: int, counts: SeedCounts, elapsed: float) -> None:
        per_second = counts.rows / elapsed if elapsed else 0.0
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed {seed}: {counts.users:,} people, {counts.roles:,} roles, "
                f"{counts.email_addresses:,} verified email addresses."
            )
        )
        self.stdout.write(
            f"{counts.rows:,} rows in {elapsed:.1f} s ({per_second:,.0f} rows/s, "
            f"{counts.users / elapsed if elapsed else 0:,.0f} people/s)."
        )

    def _say(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)
