"""How fast the notification service fans out one cover wave's alerts and runs the daily
digest, for `--pas` seeded PAs (default 100,000), on SQLite.

    .venv/bin/python bench/notifications_bench.py [--pas 100000] [--batch 500] [--seed 515151]

The database is the benchmark's own, in `var/notifybench/` (`--sqlite-dir`): migrated and
seeded once with `manage.py seed` (PAs only), reused on later runs unless `--fresh`. Everything
the benchmark creates (notices, choices, queued email tasks) is deleted at the end.

1. **Fan-out.** Every seeded PA is told about one cover request through `notify_many`, in
   batches of `--batch` people (one transaction each, as a wave's task does). Their choices are
   mixed as people choose: 70% email straight away (the default), 20% daily digest, 8% in-app
   only, 2% off. "Emailed" means handed to the mailer, which records each message in the
   outbox (`core.OutgoingEmail`) and queues its delivery (django_tasks_db); delivery itself
   is the worker's and is not timed.
2. **Digest.** `send_digests` for the notices the fan-out left for the digest, in its own
   batches of people: one email each, queued the same way, notices marked sent.

Prints the total time, queries per batch, and p50/p95 time per notice (a batch's time divided
by the notices in it), for both.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

import benchlib
from benchlib import (
    ROOT,
    QueryCounter,
    base_env,
    migrate_and_seed,
    percentile,
    run_worker,
    seeded_label,
    seeded_profiles,
)

# (share of PAs, channel) for the mix of choices.
MIX = [(0.20, "digest"), (0.08, "in_app"), (0.02, "off")]


def prepare(env: dict[str, str], options: argparse.Namespace) -> str:
    seeded = migrate_and_seed(
        env,
        pas=options.pas,
        seed=options.seed,
        reuse=not options.fresh,
        is_seeded=lambda: seeded_profiles(env, options.seed) == options.pas,
    )
    return seeded_label(seeded and seeded[0], pas=options.pas)


# The worker: runs inside Django, in its own process.


def worker(options: argparse.Namespace) -> None:
    benchlib.setup_django()
    from django.conf import settings
    from django.db import connection, transaction
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from pahub.accounts.seeding import seed_users
    from pahub.core.models import AuditEvent, OutgoingEmail
    from pahub.notifications.digest import DigestRun, pending_recipient_ids, send_batch
    from pahub.notifications.models import Notice, Preference
    from pahub.notifications.services import notify_many

    settings.DEBUG = False
    started_at = timezone.now()
    people = list(seed_users(options.seed).filter(roles__role="pa").order_by("pk"))
    start = 0
    choices = []
    for share, channel in MIX:
        count = int(len(people) * share)
        choices += [
            Preference(user=user, kind="cover.alert", channel=channel)
            for user in people[start : start + count]
        ]
        start += count
    Preference.objects.bulk_create(choices, batch_size=2000)

    def fan_out_batch(batch):
        with transaction.atomic():
            return notify_many(
                batch,
                "cover.alert",
                title="Cover needed in NE1",
                body="Someone near you in NE1 needs cover and you look like a good match.",
                url="/cover/for-me/1/",
                email_for=lambda user: (
                    "PA Hub: cover needed in NE1",
                    f"Hello {user.display_name},\n\nSomeone near you needs cover.\n",
                ),
            )

    result = {"pas": len(people), "fan_out": [], "digest": []}
    fan_started = time.perf_counter()
    for first in range(0, len(people), options.batch):
        batch = people[first : first + options.batch]
        counter = QueryCounter()
        began = time.perf_counter()
        with connection.execute_wrapper(counter):
            sent = fan_out_batch(batch)
        seconds = time.perf_counter() - began
        result["fan_out"].append([seconds, len(batch), counter.count, sent.emailed])
    result["fan_out_total"] = time.perf_counter() - fan_started

    digest_started = time.perf_counter()
    recipients = pending_recipient_ids()
    now = timezone.now()
    for first in range(0, len(recipients), options.batch):
        run = DigestRun()
        counter = QueryCounter()
        began = time.perf_counter()
        with connection.execute_wrapper(counter):
            send_batch(recipients[first : first + options.batch], now=now, run=run)
        seconds = time.perf_counter() - began
        result["digest"].append([seconds, run.notices, counter.count, run.people])
    result["digest_total"] = time.perf_counter() - digest_started
    # Each email is recorded in the outbox (core.OutgoingEmail) and its delivery queued.
    result["emails_queued"] = OutgoingEmail.objects.filter(created_at__gte=started_at).count()

    Notice.objects.filter(created_at__gte=started_at).delete()
    Preference.objects.filter(user__in=people).delete()
    DBTaskResult.objects.filter(enqueued_at__gte=started_at).delete()
    OutgoingEmail.objects.filter(created_at__gte=started_at).delete()
    AuditEvent.objects.filter(at__gte=started_at, action__startswith="notifications.").delete()
    print(json.dumps(result))


def report(result: dict) -> None:
    def line(name: str, rows: list, total: float) -> None:
        per_notice = [seconds / count * 1000 for seconds, count, _, _ in rows if count]
        notices = sum(count for _, count, _, _ in rows)
        queries = [row[2] for row in rows]
        print(
            f"{name}: {notices:,} notices in {len(rows)} batches, {total:.1f} s total "
            f"({notices / total:,.0f} notices/s); per notice p50 "
            f"{statistics.median(per_notice):.3f} ms, p95 {percentile(per_notice, 0.95):.3f} ms; "
            f"queries per batch {min(queries)} to {max(queries)}"
        )

    print(f"PAs: {result['pas']:,}; emails queued: {result['emails_queued']:,}")
    line("Cover wave fan-out", result["fan_out"], result["fan_out_total"])
    line("Daily digest", result["digest"], result["digest_total"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pas", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500, help="People per batch.")
    parser.add_argument("--seed", type=int, default=515151)
    parser.add_argument("--fresh", action="store_true", help="Seed again even if seeded.")
    parser.add_argument("--sqlite-dir", type=Path, default=ROOT / "var" / "notifybench")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options)
        return

    options.sqlite_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **base_env(),
        "PAHUB_VAR_DIR": str(options.sqlite_dir),
        "DJANGO_SETTINGS_MODULE": "pahub.settings",
    }
    print(f"SQLite: {prepare(env, options)}", flush=True)
    arguments = [f"--pas={options.pas}", f"--batch={options.batch}", f"--seed={options.seed}"]
    report(run_worker(__file__, ["--worker", *arguments], env)[-1])


if __name__ == "__main__":
    main()
