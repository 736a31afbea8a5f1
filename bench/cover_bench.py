"""How fast cover reaches PAs, and how many confirmations a second the database takes under
contention, with 100,000 seeded PAs, on SQLite and PostgreSQL.

    .venv/bin/python bench/cover_bench.py [--pas 100000] [--requests 40] [--threads 8]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coverbench .venv/bin/python bench/cover_bench.py

Each database is the benchmark's own: SQLite in `var/coverbench/` (`--sqlite-dir`), and, when
DATABASE_URL points at PostgreSQL, that database (created if missing; call it `coverbench`).
Both are migrated and seeded once with `manage.py seed` (PAs with register profiles: weekly
availability, travel distance, visibility, the kind of work wanted); later runs reuse the seed
unless `--fresh`. Everything the benchmark itself creates is deleted at the end.

1. **Alerts.** In a worker process using the real task backend (django_tasks_db, so "queued"
   means rows in the task table, not email sent), for `--requests` employers in as many
   districts: time from `cover_request_create` to every first-wave alert recorded and every
   alert email queued. That is the request's own transaction (which queues the wave task on
   commit), then that queued task run as `manage.py db_worker` runs it (claimed from the
   table, then `Worker.run_task`): choosing the PAs, recording the alerts, queueing one email
   each and scheduling the next wave. The worker's polling interval (1 s by default when idle)
   comes on top in production and is not counted. Three cases: the relief pool first (5
   members, 30 minutes' wait), the widening wave 30 minutes later (the 20 best PAs nearby,
   through the matching engine), and "everyone now" (the pool and the 40 best nearby at once).
2. **Confirmations.** `--threads` threads, each with its own connection, race to confirm
   offers: `--slots` shifts from as many employers (3 hours each, starting every 2 hours, so
   neighbours overlap), each with `--offers-per-slot` offers from a shared set of `--offer-pas`
   PAs, in a shuffled order. Prints attempts and bookings per second, p50/p95 latency, the
   outcomes, and checks afterwards that no slot is booked twice and no PA holds two
   overlapping bookings.
"""

import argparse
import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path

import benchlib
from benchlib import (
    ROOT,
    QueryCounter,
    migrate_and_seed,
    on_kept_databases,
    percentile,
    run_worker,
    seeded_label,
    seeded_profiles,
)

BENCH_DOMAIN = "cover-bench.pahub.example.org"
TASK = "personal_care.washing_bathing"
WAVE_TASK = "pahub.cover.tasks.send_next_wave"
EMAIL_TASK = "pahub.core.mail.deliver_outgoing_email"
POOL_SIZE = 5
# (days ahead, start hour, end hour): mornings, afternoons, evenings and an overnight shift.
SHAPES = [(1, 8, 11), (1, 7, 10), (2, 12, 15), (2, 17, 20), (3, 22, 7), (4, 8, 11), (5, 9, 13)]


def prepare(env: dict[str, str], options: argparse.Namespace) -> str:
    """Migrate, and seed the PAs unless this database already holds exactly this seed."""
    seeded = migrate_and_seed(
        env,
        pas=options.pas,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded_profiles(env, options.seed) == options.pas,
    )
    return seeded_label(seeded and seeded[0], pas=options.pas)


def run_mode(env: dict[str, str], mode: str, options: argparse.Namespace) -> list[dict]:
    # The real settings: tasks go to the database queue, email to the "deliver" task.
    worker_env = {**env, "DJANGO_SETTINGS_MODULE": "pahub.settings"}
    arguments = [
        f"--requests={options.requests}",
        f"--threads={options.threads}",
        f"--slots={options.slots}",
        f"--offers-per-slot={options.offers_per_slot}",
        f"--offer-pas={options.offer_pas}",
        f"--rounds={options.rounds}",
        f"--seed={options.seed}",
    ]
    return run_worker(__file__, [f"--worker={mode}", *arguments], worker_env, name=f"{mode} worker")


# The workers: run inside Django, in their own process.


def setup_django() -> None:
    benchlib.setup_django()
    from django.conf import settings

    # DEBUG=1 is set for manage.py's sake; keeping every query in memory would slow the loop.
    settings.DEBUG = False


def bench_employers(count: int, rng: random.Random, *, pool: bool) -> list:
    """`count` employers, each with an employer profile in a different district that has
    seeded PAs, and (with `pool`) a relief pool of PAs from their district."""
    from allauth.account.models import EmailAddress
    from django.db.models import Count

    from pahub.accounts.models import Role, User, UserRole
    from pahub.cover.models import ReliefPoolMember
    from pahub.employers.models import EmployerProfile
    from pahub.places.models import District
    from pahub.register.models import PAProfile

    crowded = (
        PAProfile.objects.values("user__district_id")
        .annotate(pas=Count("id"))
        .filter(pas__gte=POOL_SIZE)
        .order_by("user__district_id")
        .values_list("user__district_id", flat=True)
    )
    outcodes = rng.sample(list(crowded), min(count, len(crowded)))
    employers = []
    for number, outcode in enumerate(outcodes):
        place = District.objects.select_related("local_authority").get(outcode=outcode)
        user = User.objects.create_user(
            email=f"employer-{number}@{BENCH_DOMAIN}",
            full_name=f"Bench Employer {number}",
            postcode=f"{outcode} 1AA",
            district=place,
            local_authority=place.local_authority,
        )
        UserRole.objects.create(user=user, role=Role.EMPLOYER)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        EmployerProfile.objects.create(
            user=user,
            display_name=f"Bench {number}",
            postcode=f"{outcode} 1AA",
            district=place,
            local_authority=place.local_authority,
        )
        if pool:
            pas = PAProfile.objects.filter(user__district_id=outcode).order_by("pk")
            ReliefPoolMember.objects.bulk_create(
                ReliefPoolMember(employer=user, pa_id=pa_id, status="active")
                for pa_id in pas.values_list("user_id", flat=True)[:POOL_SIZE]
            )
        employers.append(user)
    return employers


def clean_up(started) -> None:
    """Delete everything this run made: its employers (their requests, slots, offers,
    bookings and pools go with them), queued tasks and audit events."""
    from django_tasks_db.models import DBTaskResult

    from pahub.accounts.models import User
    from pahub.core.models import AuditEvent

    for user in User.objects.filter(email__endswith="@" + BENCH_DOMAIN):
        user.delete()
    DBTaskResult.objects.filter(enqueued_at__gte=started).delete()
    AuditEvent.objects.filter(at__gte=started, action__startswith="cover.").delete()


def run_queued_wave(request_id: int, worker) -> None:
    """Run the request's queued wave task exactly as `manage.py db_worker` would."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    with exclusive_transaction():
        queued = (
            DBTaskResult.objects.ready()
            .filter(task_path=WAVE_TASK, args_kwargs__kwargs__request_id=request_id)
            .get_locked()
        )
        if queued is None:
            raise RuntimeError(f"No wave task was queued for request {request_id}")
        queued.claim(worker.worker_id)
    worker.run_task(queued)
    queued.refresh_from_db()
    if queued.status != TaskResultStatus.SUCCESSFUL:
        raise RuntimeError(f"The wave task failed:\n{queued.traceback}")


def emails_queued() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().filter(task_path=EMAIL_TASK).count()


def alerts_worker(options: argparse.Namespace) -> None:
    setup_django()
    from datetime import time as clock
    from datetime import timedelta
    from decimal import Decimal

    from django.db import connection
    from django.utils import timezone
    from django_tasks_db.management.commands.db_worker import Worker

    from pahub.cover.models import CoverAlert
    from pahub.cover.services import RequestInput, SlotInput, cover_request_create, wave_send

    started = timezone.now()
    rng = random.Random(options.seed)
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="cover-bench",
        excluded_queue_names=[],
    )
    today = timezone.localdate()
    try:
        employers = bench_employers(options.requests, rng, pool=True)

        def ask(employer, number: int, *, wait: int) -> tuple[dict, object]:
            days, start, end = SHAPES[number % len(SHAPES)]
            data = RequestInput(
                slots=[SlotInput(today + timedelta(days=days), clock(start), clock(end))],
                address="1 Bench Street",
                hourly_pay=Decimal("14.00"),
                pool_wait_minutes=wait,
                task_codes=[TASK],
            )
            emails_before = emails_queued()
            queries = QueryCounter()
            with connection.execute_wrapper(queries):
                began = time.perf_counter()
                request = cover_request_create(employer=employer, by=employer, data=data)
                created = time.perf_counter()
                run_queued_wave(request.pk, worker)
                finished = time.perf_counter()
            alerts = CoverAlert.objects.filter(request=request).count()
            emails = emails_queued() - emails_before
            if emails != alerts:
                raise RuntimeError(f"{alerts} alerts but {emails} emails queued")
            timing = {
                "create_ms": (created - began) * 1000,
                "wave_ms": (finished - created) * 1000,
                "total_ms": (finished - began) * 1000,
                "alerts": alerts,
                "emails": emails,
                "queries": queries.count,
            }
            return timing, request

        def widen(request) -> dict:
            request.refresh_from_db()
            due = request.next_wave_at + timedelta(seconds=1)
            alerts_before = CoverAlert.objects.filter(request=request).count()
            emails_before = emails_queued()
            queries = QueryCounter()
            with connection.execute_wrapper(queries):
                began = time.perf_counter()
                wave_send(request_id=request.pk, now=due)
                finished = time.perf_counter()
            alerts = CoverAlert.objects.filter(request=request).count() - alerts_before
            return {
                "total_ms": (finished - began) * 1000,
                "alerts": alerts,
                "emails": emails_queued() - emails_before,
                "queries": queries.count,
            }

        ask(employers[0], 0, wait=0)  # warm imports, caches and connections; not counted
        cases: dict[str, list[dict]] = {
            "pool first: pool wave": [],
            "pool first: widening wave": [],
            "everyone now": [],
        }
        for number, employer in enumerate(employers):
            timing, request = ask(employer, number, wait=30)
            cases["pool first: pool wave"].append(timing)
            cases["pool first: widening wave"].append(widen(request))
            cases["everyone now"].append(ask(employer, number, wait=0)[0])
        for case, timings in cases.items():
            totals = [timing["total_ms"] for timing in timings]
            print(
                json.dumps(
                    {
                        "case": case,
                        "requests": len(timings),
                        "p50": statistics.median(totals),
                        "p95": percentile(totals, 0.95),
                        "max": max(totals),
                        "create_p50": statistics.median(t.get("create_ms", 0) for t in timings),
                        "alerts": statistics.mean(t["alerts"] for t in timings),
                        "emails": statistics.mean(t["emails"] for t in timings),
                        "queries": statistics.median(t["queries"] for t in timings),
                    }
                ),
                flush=True,
            )
    finally:
        clean_up(started)


def confirm_race(offers: list, confirmer: dict, *, threads: int) -> tuple[list, float]:
    """`threads` threads take offers from one shuffled list and confirm each as its employer
    would; returns (outcome, milliseconds) per attempt and the race's wall-clock seconds."""
    from django.db import connections

    from pahub.cover.booking import (
        BookingError,
        OfferNotAvailable,
        PADoubleBooked,
        SlotTaken,
    )
    from pahub.cover.services import booking_confirm

    pending = list(offers)
    lock = threading.Lock()
    gate = threading.Barrier(threads)
    results: list[tuple[str, float]] = []

    def racer() -> None:
        gate.wait()
        try:
            while True:
                with lock:
                    if not pending:
                        return
                    offer = pending.pop()
                began = time.perf_counter()
                try:
                    booking_confirm(offer=offer, by=confirmer[offer.pk])
                    outcome = "booked"
                except SlotTaken:
                    outcome = "slot taken"
                except PADoubleBooked:
                    outcome = "PA double-booked"
                except OfferNotAvailable:
                    outcome = "offer not available"
                except BookingError as error:
                    outcome = f"other refusal: {error}"
                except Exception as error:  # counted and shown, never hidden
                    outcome = f"error: {type(error).__name__}: {error}"
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    results.append((outcome, elapsed))
        finally:
            connections.close_all()

    workers = [threading.Thread(target=racer) for _ in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results, time.perf_counter() - began


def confirm_worker(options: argparse.Namespace) -> None:
    setup_django()
    from datetime import time as clock
    from datetime import timedelta

    from django.db.models import Count, Exists, OuterRef
    from django.utils import timezone

    from pahub.cover.models import Booking, CoverOffer, CoverRequest, CoverSlot
    from pahub.cover.times import span_from_local
    from pahub.register.models import PAProfile

    started = timezone.now()
    rng = random.Random(options.seed)
    try:
        employers = bench_employers(options.slots, rng, pool=False)
        pa_ids = list(
            PAProfile.objects.order_by("pk").values_list("user_id", flat=True)[: options.offer_pas]
        )
        outcomes_total: dict[str, int] = {}
        latencies: list[float] = []
        booked_latencies: list[float] = []
        race_seconds = 0.0
        for round_number in range(options.rounds):
            day = timezone.localdate() + timedelta(days=2 + round_number)
            offers = []
            for number, employer in enumerate(employers):
                start = 7 + (number % 8) * 2
                span = span_from_local(day, clock(start), clock((start + 3) % 24))
                request = CoverRequest.objects.create(
                    employer=employer,
                    created_by=employer,
                    address="1 Bench Street",
                    hourly_pay="14.00",
                    district=employer.district,
                    local_authority=employer.local_authority,
                )
                slot = CoverSlot.objects.create(
                    request=request, starts_at=span.starts_at, ends_at=span.ends_at
                )
                offers += CoverOffer.objects.bulk_create(
                    CoverOffer(slot=slot, pa_id=pa_id)
                    for pa_id in rng.sample(pa_ids, options.offers_per_slot)
                )
            rng.shuffle(offers)
            slot_employer = dict(
                CoverSlot.objects.filter(pk__in={o.slot_id for o in offers}).values_list(
                    "pk", "request__employer_id"
                )
            )
            employer_of = {employer.pk: employer for employer in employers}
            confirmer = {o.pk: employer_of[slot_employer[o.slot_id]] for o in offers}
            results, seconds = confirm_race(offers, confirmer, threads=options.threads)
            race_seconds += seconds
            for outcome, elapsed in results:
                outcomes_total[outcome] = outcomes_total.get(outcome, 0) + 1
                latencies.append(elapsed)
                if outcome == "booked":
                    booked_latencies.append(elapsed)

        bench_bookings = Booking.objects.filter(employer__in=employers, status="confirmed")
        overlapping = bench_bookings.filter(
            Exists(
                Booking.objects.filter(
                    status="confirmed",
                    pa_id=OuterRef("pa_id"),
                    starts_at__lt=OuterRef("ends_at"),
                    ends_at__gt=OuterRef("starts_at"),
                ).exclude(pk=OuterRef("pk"))
            )
        ).count()
        slots_booked_twice = (
            bench_bookings.values("slot_id").annotate(n=Count("id")).filter(n__gt=1).count()
        )
        attempts = len(latencies)
        print(
            json.dumps(
                {
                    "threads": options.threads,
                    "slots": options.slots * options.rounds,
                    "attempts": attempts,
                    "seconds": race_seconds,
                    "attempts_per_s": attempts / race_seconds,
                    "bookings": outcomes_total.get("booked", 0),
                    "bookings_per_s": outcomes_total.get("booked", 0) / race_seconds,
                    "p50": statistics.median(latencies),
                    "p95": percentile(latencies, 0.95),
                    "booked_p50": statistics.median(booked_latencies),
                    "booked_p95": percentile(booked_latencies, 0.95),
                    "outcomes": outcomes_total,
                    "overlapping_bookings": overlapping,
                    "slots_booked_twice": slots_booked_twice,
                }
            ),
            flush=True,
        )
    finally:
        clean_up(started)


# Printing


def print_alerts(database: str, rows: list[dict]) -> None:
    print(f"\n{database}: from creating a request to its wave's alerts and emails queued")
    print(
        f"{'case':<28} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
        f"{'alerts':>7} {'emails':>7} {'queries':>8}"
    )
    for row in rows:
        print(
            f"{row['case']:<28} {row['requests']:>8} {row['p50']:>8.0f} {row['p95']:>8.0f} "
            f"{row['max']:>8.0f} {row['alerts']:>7.1f} {row['emails']:>7.1f} "
            f"{row['queries']:>8.0f}"
        )


def print_confirmations(database: str, rows: list[dict]) -> None:
    for row in rows:
        print(
            f"\n{database}: {row['threads']} threads confirming {row['attempts']} offers on "
            f"{row['slots']} shifts"
        )
        print(
            f"  {row['attempts_per_s']:.0f} attempts/s, {row['bookings_per_s']:.0f} bookings/s "
            f"({row['bookings']} bookings in {row['seconds']:.1f} s)"
        )
        print(
            f"  latency p50 {row['p50']:.0f} ms, p95 {row['p95']:.0f} ms; "
            f"successful confirmations p50 {row['booked_p50']:.0f} ms, "
            f"p95 {row['booked_p95']:.0f} ms"
        )
        outcomes = ", ".join(f"{name}: {count}" for name, count in sorted(row["outcomes"].items()))
        print(f"  outcomes: {outcomes}")
        print(
            f"  afterwards: {row['overlapping_bookings']} overlapping bookings, "
            f"{row['slots_booked_twice']} shifts booked twice"
        )
        if row["overlapping_bookings"] or row["slots_booked_twice"]:
            sys.exit("Double booking found: the no-double-booking rule failed.")


def bench_database(name: str, env: dict[str, str], options: argparse.Namespace) -> None:
    print(f"\n=== {name}: {prepare(env, options)}", flush=True)
    if options.only in (None, "alerts"):
        print_alerts(name, run_mode(env, "alerts", options))
    if options.only in (None, "confirm"):
        print_confirmations(name, run_mode(env, "confirm", options))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40, help="Requests (and districts).")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--slots", type=int, default=40, help="Shifts per confirmation round.")
    parser.add_argument("--offers-per-slot", type=int, default=8)
    parser.add_argument("--offer-pas", type=int, default=20, help="PAs making the offers.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=424244)
    parser.add_argument("--only", choices=["alerts", "confirm"])
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--fresh", action="store_true", help="Seed again even if seeded.")
    parser.add_argument("--sqlite-dir", type=Path, default=ROOT / "var" / "coverbench")
    parser.add_argument("--worker", choices=["alerts", "confirm"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker == "alerts":
        alerts_worker(options)
        return
    if options.worker == "confirm":
        confirm_worker(options)
        return

    on_kept_databases(
        lambda name, env: bench_database(name, env, options),
        sqlite_dir=None if options.skip_sqlite else options.sqlite_dir,
    )


if __name__ == "__main__":
    main()
