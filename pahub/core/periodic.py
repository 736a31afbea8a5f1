"""Core's periodic work, registered with the one registry (pahub/core/schedule.py)."""

from datetime import timedelta

from pahub.core import retention, schedule


@schedule.periodic("retention", every=timedelta(days=1), title="retention rules")
def apply_retention() -> schedule.Outcome:
    """Delete or anonymise personal data kept longer than its retention rule allows (daily).

    Safe to run again: each rule only finds what is past its period, in bounded batches, and
    one audit event records the counts. The rules: pahub/core/retention.py and /privacy/retention/.
    """
    run = retention.apply_all()
    lines = [f"{name}: {count}" for name, count in run.counts.items() if count]
    lines.append(
        f"{run.total} record{'s' if run.total != 1 else ''} deleted or anonymised "
        f"under {len(run.counts)} rules."
    )
    return schedule.Outcome(lines=tuple(lines), figures=dict(run.counts), idle=not run.total)
