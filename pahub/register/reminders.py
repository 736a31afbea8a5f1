"""Expiry reminders for DBS evidence, and levels that lapse when evidence expires.

Run once a day (`manage.py run_periodic send_expiry_reminders`, or the clock). Every
step is idempotent: a reminder is recorded in `ExpiryReminder`, unique per evidence, reason and
due date, before its email is sent, so running twice (or on two machines at once) sends each
reminder once; a level is recomputed only while it still counts evidence that has expired.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from pahub.notifications.services import notify
from pahub.register.levels import add_months
from pahub.register.models import Evidence, ExpiryReminder, PAProfile
from pahub.register.notices import EXPIRY_REMINDER
from pahub.register.services import profile_recompute_level

logger = logging.getLogger(__name__)

EVIDENCE_PAGE_PATH = "/register/evidence/"
# A status check counts for 12 months; remind a month before that runs out.
STATUS_CHECK_REMINDER_MONTHS = 11
# An expired certificate is reminded about once, if it lapsed recently; not years later.
EXPIRED_REMINDER_DAYS = 30


class Reason:
    EXPIRES_IN_60_DAYS = "dbs_expires_in_60_days"
    EXPIRES_IN_14_DAYS = "dbs_expires_in_14_days"
    EXPIRED = "dbs_expired"
    STATUS_CHECK_DUE = "status_check_due"

    LABELS = {
        EXPIRES_IN_60_DAYS: "Expires within 60 days",
        EXPIRES_IN_14_DAYS: "Expires within 14 days",
        EXPIRED: "Expired",
        STATUS_CHECK_DUE: "Update Service status check due",
    }


@dataclass(frozen=True)
class DueReminder:
    evidence: Evidence
    reason: str
    due_on: date


@dataclass
class DailyRun:
    sent: Counter = field(default_factory=Counter)
    already_sent: int = 0
    levels_recomputed: int = 0
    levels_lowered: int = 0

    @property
    def sent_total(self) -> int:
        return sum(self.sent.values())


def status_check_due_before(today: date) -> date:
    """A status check on or before this day is 11 months old: time to ask for a new one."""
    return add_months(today, -STATUS_CHECK_REMINDER_MONTHS)


def reason_for_expiry(expires_on: date, today: date) -> str | None:
    days_left = (expires_on - today).days
    if 14 < days_left <= 60:
        return Reason.EXPIRES_IN_60_DAYS
    if 0 <= days_left <= 14:
        return Reason.EXPIRES_IN_14_DAYS
    if -EXPIRED_REMINDER_DAYS <= days_left < 0:
        return Reason.EXPIRED
    return None


def staff_label_for(evidence: Evidence, today: date) -> str:
    """Why staff see this evidence under "Expiring soon", in words."""
    if evidence.expires_on is not None and evidence.expires_on < today:
        return Reason.LABELS[Reason.EXPIRED]
    if evidence.expires_on is not None:
        reason = reason_for_expiry(evidence.expires_on, today)
        if reason is not None:
            return Reason.LABELS[reason]
    return Reason.LABELS[Reason.STATUS_CHECK_DUE]


def _dbs_candidates(today: date) -> QuerySet[Evidence]:
    return (
        Evidence.objects.filter(kind=Evidence.Kind.DBS, status=Evidence.Status.VERIFIED)
        .filter(
            Q(
                expires_on__gte=today - timedelta(days=EXPIRED_REMINDER_DAYS),
                expires_on__lte=today + timedelta(days=60),
            )
            | Q(
                dbs_on_update_service=True,
                status_checked_on__lte=status_check_due_before(today),
                expires_on__gte=today,
            )
        )
        .select_related("profile__user")
        .order_by("pk")
    )


def due_reminders(today: date) -> list[DueReminder]:
    """Every reminder due today, whether or not it was already sent."""
    due = []
    for evidence in _dbs_candidates(today):
        if evidence.expires_on is not None:
            reason = reason_for_expiry(evidence.expires_on, today)
            if reason is not None:
                due.append(DueReminder(evidence, reason, evidence.expires_on))
        checked = evidence.status_checked_on
        if (
            evidence.dbs_on_update_service
            and checked is not None
            and checked <= status_check_due_before(today)
            and evidence.expires_on is not None
            and evidence.expires_on >= today
        ):
            due.append(DueReminder(evidence, Reason.STATUS_CHECK_DUE, add_months(checked, 12)))
    return due


def reminder_email(reminder: DueReminder) -> tuple[str, str]:
    """Subject and body. Nothing sensitive: no certificate number, no check results."""
    evidence = reminder.evidence
    name = evidence.profile.shown_name
    link = settings.SITE_URL + EVIDENCE_PAGE_PATH
    when = f"{evidence.expires_on.day} {evidence.expires_on:%B %Y}" if evidence.expires_on else ""
    if evidence.dbs_on_update_service:
        what_to_do = (
            "You are on the DBS Update Service, so your support organisation can usually do a "
            "free status check instead of a new DBS check. Contact them, and bring your "
            "original certificate: they need to see it in person."
        )
    else:
        what_to_do = (
            "Apply for a new DBS check, then add the new certificate to PA Hub and show the "
            "original to your support organisation."
        )
    lines = {
        Reason.EXPIRES_IN_60_DAYS: f"Your DBS check stops counting on PA Hub after {when}.",
        Reason.EXPIRES_IN_14_DAYS: (
            f"Your DBS check stops counting on PA Hub after {when}: that is less than two "
            "weeks away."
        ),
        Reason.EXPIRED: (
            "Your DBS check no longer counts on PA Hub, so your level may have gone down."
        ),
        Reason.STATUS_CHECK_DUE: (
            "Your last DBS Update Service status check was nearly a year ago. A status check "
            "counts for 12 months."
        ),
    }
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your DBS check needs attention"
    body = (
        f"Hello {name},\n\n{lines[reminder.reason]}\n\n{what_to_do}\n\n"
        f"See your evidence on PA Hub:\n{link}\n\n"
        "If you have already done this, you can ignore this email."
    )
    return subject, body


def send_reminder(reminder: DueReminder) -> bool:
    """Record and send one reminder; False if it was sent before (by this run or another)."""
    try:
        with transaction.atomic():
            ExpiryReminder.objects.create(
                evidence=reminder.evidence, reason=reminder.reason, due_on=reminder.due_on
            )
            subject, body = reminder_email(reminder)
            notify(
                reminder.evidence.profile.user,
                EXPIRY_REMINDER.key,
                title="Your DBS check needs attention",
                body=body.split("\n\n")[1],
                url=EVIDENCE_PAGE_PATH,
                email=(subject, body),
            )
    except IntegrityError:
        return False
    return True


def send_expiry_reminders(*, today: date, run: DailyRun) -> DailyRun:
    due = due_reminders(today)
    already = set(
        ExpiryReminder.objects.filter(
            evidence_id__in=[item.evidence.pk for item in due]
        ).values_list("evidence_id", "reason", "due_on")
    )
    for reminder in due:
        if (reminder.evidence.pk, reminder.reason, reminder.due_on) in already:
            run.already_sent += 1
        elif send_reminder(reminder):
            run.sent[reminder.reason] += 1
        else:
            run.already_sent += 1
    return run


def profiles_with_lapsed_evidence(today: date) -> QuerySet[PAProfile]:
    """Profiles whose stored level was computed while now-expired evidence still counted.

    Evidence counts up to and including its `expires_on`; a level computed on or before that
    day may have counted it. Once recomputed (today, after the expiry) the profile drops out,
    so a missed day is caught up the next day and a second run today does nothing.
    """
    lapsed = Evidence.objects.filter(
        status=Evidence.Status.VERIFIED,
        expires_on__lt=today,
        profile__level__gt=0,
    ).filter(
        Q(profile__level_computed_at__isnull=True)
        | Q(profile__level_computed_at__date__lte=F("expires_on"))
    )
    return PAProfile.objects.filter(pk__in=lapsed.values("profile_id")).select_related("user")


def recompute_lapsed_levels(*, today: date, run: DailyRun) -> DailyRun:
    for profile in profiles_with_lapsed_evidence(today).iterator(chunk_size=500):
        before = profile.level
        after = profile_recompute_level(profile=profile)
        run.levels_recomputed += 1
        if after < before:
            run.levels_lowered += 1
    return run


def run_daily(*, today: date | None = None) -> DailyRun:
    """The daily job: lapse levels first (so an expired reminder matches the page), then
    send reminders."""
    today = today or timezone.localdate()
    run = DailyRun()
    recompute_lapsed_levels(today=today, run=run)
    send_expiry_reminders(today=today, run=run)
    logger.info(
        "Expiry reminders: %s sent, %s already sent; %s levels recomputed, %s lowered.",
        run.sent_total,
        run.already_sent,
        run.levels_recomputed,
        run.levels_lowered,
    )
    return run
