"""Timesheets: the PA records the hours worked; the employer side approves or queries them."""

from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.cover.errors import CoverError
from pahub.cover.models import Booking, Timesheet
from pahub.cover.services.after_commit import enqueue_after_commit
from pahub.cover.services.requests import LONGEST_SHIFT
from pahub.cover.times import LocalTimeError, span_from_local


@dataclass(frozen=True)
class HoursInput:
    day: date
    start: time
    end: time
    break_minutes: int = 0
    note: str = ""


@transaction.atomic
def timesheet_submit(*, booking: Booking, by: User, hours: HoursInput) -> Timesheet:
    """The PA records the hours actually worked, after the shift has started."""
    if booking.status != Booking.Status.CONFIRMED:
        raise CoverError("Hours can only be recorded for a booking that went ahead.")
    if booking.starts_at > timezone.now():
        raise CoverError("You can record hours once the shift has started.")
    try:
        span = span_from_local(hours.day, hours.start, hours.end)
    except LocalTimeError as error:
        raise CoverError(str(error), "start") from error
    if span.length > LONGEST_SHIFT:
        raise CoverError("A shift cannot be longer than 24 hours.", "end")
    if not 0 <= hours.break_minutes < span.length.total_seconds() / 60:
        raise CoverError("Breaks must be shorter than the time worked.", "break_minutes")
    existing = Timesheet.objects.filter(booking=booking).first()
    if existing and existing.status == Timesheet.Status.APPROVED:
        raise CoverError("These hours were approved already, so they cannot change.")
    timesheet, _ = Timesheet.objects.update_or_create(
        booking=booking,
        defaults={
            "started_at": span.starts_at,
            "ended_at": span.ends_at,
            "break_minutes": hours.break_minutes,
            "note": hours.note.strip()[:500],
            "status": Timesheet.Status.SUBMITTED,
            "submitted_at": timezone.now(),
            "employer_note": "",
        },
    )
    audit.record(by, "cover.hours_recorded", timesheet)
    enqueue_after_commit("hours_submitted", timesheet_id=timesheet.pk)
    return timesheet


@transaction.atomic
def timesheet_decide(*, timesheet: Timesheet, by: User, approve: bool, note: str = "") -> Timesheet:
    if timesheet.status == Timesheet.Status.APPROVED:
        raise CoverError("These hours were approved already.")
    if not approve and not note.strip():
        raise CoverError("Say what you are querying, so the PA can put it right.", "note")
    timesheet.status = Timesheet.Status.APPROVED if approve else Timesheet.Status.QUERIED
    timesheet.employer_note = note.strip()[:500]
    timesheet.decided_by = by
    timesheet.decided_at = timezone.now()
    timesheet.save(update_fields=["status", "employer_note", "decided_by", "decided_at"])
    audit.record(by, "cover.hours_approved" if approve else "cover.hours_queried", timesheet)
    enqueue_after_commit("hours_decided", timesheet_id=timesheet.pk)
    return timesheet
