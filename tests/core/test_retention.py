"""The retention registry: every app's rules in one place, applied daily by one periodic job
in bounded batches with an audit event, and stated on /privacy/retention/ from the same
registry, so the page and the task cannot drift."""

import html
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from pahub.core import retention, schedule
from pahub.core.models import AuditEvent
from pahub.core.retention import Action, MissingWording, Registry, Rule, describe_days

PAGE = reverse("core:privacy_retention")

EVERY_RULE = [
    "accounts.unused_staff_invitations",
    "accounts.withdrawn_consents",
    "community.decided_reports",
    "community.ended_suspensions",
    "community.moderation_actions",
    "community.private_feedback",
    "core.audit_log",
    "core.finished_tasks",
    "core.import_files",
    "core.sent_emails",
    "core.sessions",
    "cover.contact_details",
    "cover.requests",
    "jobs.draft_jobs",
    "jobs.ended_applications",
    "jobs.ended_jobs",
    "learning.event_bookings",
    "learning.failed_quiz_attempts",
    "messaging.conversations",
    "notifications.notices",
    "register.equality_monitoring",
    "register.evidence_files",
    "register.unanswered_references",
    "support.closed_concerns",
    "support.closed_help_requests",
]


def wording(**changes) -> dict:
    fields = {
        "name": "test.things",
        "model": AuditEvent,
        "what": "Things",
        "default_days": 30,
        "after": "after they were made",
        "action": Action.DELETE,
        "outcome": "They are deleted.",
        "why": "Nobody needs them.",
        "due": lambda cutoff: AuditEvent.objects.filter(at__lt=cutoff),
    }
    return fields | changes


def test_each_app_registers_its_rules_from_its_retention_module():
    assert retention.registry.names() == EVERY_RULE


@pytest.mark.parametrize("missing", ["what", "after", "outcome", "why"])
def test_a_rule_without_wording_for_the_page_cannot_be_registered(missing):
    with pytest.raises(MissingWording):
        Rule(**wording(**{missing: "  "}))


def test_a_hold_without_a_reason_cannot_be_registered():
    registry = Registry(discover=False)

    with pytest.raises(MissingWording):
        retention.hold("test.things", reason="", registry=registry)(lambda queryset: queryset)


def test_two_rules_cannot_share_a_name():
    registry = Registry(discover=False)
    registry.register(Rule(**wording()))

    with pytest.raises(ValueError, match="Two retention rules"):
        registry.register(Rule(**wording(due=lambda cutoff: AuditEvent.objects.none())))


@pytest.mark.parametrize(
    ("days", "words"),
    [(1, "1 day"), (30, "30 days"), (90, "3 months"), (365, "1 year"), (2190, "6 years")],
)
def test_periods_read_as_people_say_them(days, words):
    assert describe_days(days) == words


def test_the_setting_overrides_a_rules_period(settings):
    rule = retention.registry.get("messaging.conversations")
    settings.RETENTION_DAYS = {"messaging.conversations": 3 * 365}

    assert (rule.days, rule.period) == (1095, "3 years")


@pytest.mark.django_db
def test_the_page_states_every_registered_rule_in_full(client):
    content = html.unescape(client.get(PAGE).content.decode())

    for rule in retention.registry:
        assert rule.what in content
        assert f"{rule.period} {rule.after}" in content
        assert rule.outcome in content
        assert rule.why in content
        for reason in retention.registry.kept_while(rule):
            assert reason in content


@pytest.mark.django_db
def test_the_page_shows_the_period_in_force(client, settings):
    settings.RETENTION_DAYS = {"core.audit_log": 7 * 365}

    content = client.get(PAGE).content.decode()

    assert "7 years after the event" in content


@pytest.mark.django_db
def test_a_rule_added_to_the_registry_appears_on_the_page(client, monkeypatch):
    registry = Registry(discover=False)
    for rule in retention.registry:
        registry.register(rule)
    registry.register(Rule(**wording(what="Pigeon sightings", why="Pigeons move on.")))
    monkeypatch.setattr(retention, "registry", registry)

    content = client.get(PAGE).content.decode()

    assert "Pigeon sightings" in content and "Pigeons move on." in content


@pytest.mark.django_db
def test_the_privacy_notice_and_the_footer_link_to_the_page(client):
    content = client.get(reverse("core:privacy")).content.decode()

    assert content.count(f'href="{PAGE}"') == 2


def test_the_periodic_job_is_registered_daily():
    job = schedule.registry.get("retention")

    assert job.every == timedelta(days=1)


@pytest.mark.django_db
def test_the_job_applies_the_rules_and_audits_the_counts():
    old = AuditEvent.objects.create(action="account.signed_in")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=6 * 365 + 1))
    recent = AuditEvent.objects.create(action="account.signed_in")
    AuditEvent.objects.filter(pk=recent.pk).update(at=timezone.now() - timedelta(days=6 * 365 - 1))

    outcome = schedule.run_by_name("retention")

    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    assert outcome.figures["core.audit_log"] == 1
    event = AuditEvent.objects.get(action="retention.applied")
    assert event.actor_label == "system"
    assert event.detail["counts"]["core.audit_log"] == 1
    assert set(event.detail["counts"]) == set(EVERY_RULE)


@pytest.mark.django_db
def test_a_rule_is_applied_in_batches_until_nothing_is_due():
    rule = retention.registry.get("core.audit_log")
    long_ago = timezone.now() - timedelta(days=6 * 365 + 1)
    AuditEvent.objects.bulk_create(AuditEvent(action="x") for _ in range(7))
    AuditEvent.objects.filter(action="x").update(at=long_ago)

    assert retention.apply_rule(rule, batch_size=3) == 7
    assert not AuditEvent.objects.filter(action="x").exists()


@pytest.mark.django_db
def test_one_run_does_a_bounded_amount_of_work_and_the_next_carries_on():
    rule = retention.registry.get("core.audit_log")
    AuditEvent.objects.bulk_create(AuditEvent(action="x") for _ in range(7))
    AuditEvent.objects.filter(action="x").update(at=timezone.now() - timedelta(days=6 * 365 + 1))

    assert retention.apply_rule(rule, batch_size=2, max_batches=2) == 4
    assert retention.apply_rule(rule, batch_size=2, max_batches=2) == 3


@pytest.mark.django_db
def test_an_anonymising_rule_that_keeps_finding_the_same_records_stops():
    registry = Registry(discover=False)
    AuditEvent.objects.create(action="x")
    stuck = Rule(
        **wording(
            action=Action.ANONYMISE,
            default_days=1,
            due=lambda cutoff: AuditEvent.objects.all(),
            apply=lambda batch: batch.count(),
        )
    )

    assert retention.apply_rule(stuck, now=timezone.now() + timedelta(days=2), registry=registry)


@pytest.mark.django_db
def test_expired_sessions_are_deleted_and_live_ones_kept():
    now = timezone.now()
    Session.objects.create(
        session_key="a" * 32, session_data="", expire_date=now - timedelta(days=2)
    )
    Session.objects.create(
        session_key="b" * 32, session_data="", expire_date=now + timedelta(days=2)
    )

    retention.apply_rule(retention.registry.get("core.sessions"))

    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]


@pytest.mark.django_db
def test_finished_background_work_is_deleted_after_a_month_and_failures_kept():
    from django_tasks_db.models import DBTaskResult

    def email_task(status: str, days_ago: int) -> DBTaskResult:
        now = timezone.now()
        return DBTaskResult.objects.create(
            status=status,
            finished_at=now - timedelta(days=days_ago),
            args_kwargs={"args": [{"subject": "Hello", "to": ["pa@example.org"]}], "kwargs": {}},
            task_path="pahub.core.mail.deliver_email",
            backend_name="default",
            run_after=now,
        )

    email_task("SUCCESSFUL", 31)
    failed = email_task("FAILED", 31)
    recent = email_task("SUCCESSFUL", 29)

    assert retention.apply_rule(retention.registry.get("core.finished_tasks")) == 1
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {failed.pk, recent.pk}


@pytest.mark.django_db
def test_sent_emails_are_deleted_after_a_month_and_failed_ones_kept():
    from pahub.core.models import OutgoingEmail

    def email(status: str, days_ago: int) -> OutgoingEmail:
        return OutgoingEmail.objects.create(
            status=status,
            subject="Hello",
            recipients=["pa@example.org"],
            sent_at=timezone.now() - timedelta(days=days_ago) if status == "sent" else None,
        )

    email("sent", 31)
    failed = email("failed", 31)
    recent = email("sent", 29)

    assert retention.apply_rule(retention.registry.get("core.sent_emails")) == 1
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {failed.pk, recent.pk}
