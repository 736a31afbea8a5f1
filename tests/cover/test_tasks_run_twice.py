"""Cover's tasks run again after their worker died (ADR 7) tell nobody twice: a wave already
sent is not due again, and a booking's news is stored and emailed once per task
(pahub/core/task_effects.py keys what a task tells)."""

import uuid
from datetime import time, timedelta

import pytest
from django.core import mail
from django.db.models import F
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.core import task_effects
from pahub.core.models import OutgoingEmail
from pahub.cover import emails, tasks
from pahub.cover.models import CoverAlert, ReliefPoolMember
from pahub.cover.services import booking_confirm, untold_for_long, wave_send
from pahub.notifications.models import Notice
from tests.cover.conftest import make_request, offer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def outbox(settings):
    settings.MAILERS = {
        "default": {"BACKEND": "pahub.core.mail.OutboxBackend"},
        "delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }


def run_twice(task, django_capture_on_commit_callbacks, **kwargs) -> None:
    """The same task, by id, as the first worker ran it and as the next one runs it again.
    In a worker nothing surrounds a task, so what it sends after commit goes at once."""
    task_id = str(uuid.uuid4())
    for _ in range(2):
        with (
            task_effects.task_run(task_id),
            django_capture_on_commit_callbacks(execute=True),
        ):
            task.call(**kwargs)


def test_a_booking_confirmed_task_run_twice_tells_each_person_once(
    employer_profile, pa, tomorrow, outbox, django_capture_on_commit_callbacks
):
    slot = make_request(employer_profile.user, slots=[(tomorrow, time(8), time(11))]).slots.get()
    booking = booking_confirm(offer=offer(slot, pa), by=employer_profile.user)
    mail.outbox.clear()

    run_twice(
        tasks.tell_booking_confirmed, django_capture_on_commit_callbacks, booking_id=booking.pk
    )

    told = list(
        Notice.objects.filter(kind="cover.booking_confirmed").values_list("recipient", flat=True)
    )
    assert sorted(told) == sorted({pa.pk, employer_profile.user.pk})
    assert OutgoingEmail.objects.count() == len(mail.outbox) == len(told)


def test_a_wave_task_run_twice_alerts_the_pool_once(
    employer_profile, pa, tomorrow, outbox, django_capture_on_commit_callbacks
):
    ReliefPoolMember.objects.create(employer=employer_profile.user, pa=pa, status="active")
    request = make_request(employer_profile.user, slots=[(tomorrow, time(8), time(11))])

    run_twice(tasks.send_next_wave, django_capture_on_commit_callbacks, request_id=request.pk)

    assert CoverAlert.objects.filter(request=request).count() == 1
    assert Notice.objects.filter(recipient=pa, kind="cover.alert").count() == 1
    assert [email.recipients for email in OutgoingEmail.objects.all()] == [[pa.email]]


class WorkerDied(Exception):
    """The worker running a task stopped here."""


def die_once(monkeypatch, *, after_telling: bool) -> None:
    """The first wave to be told stops its worker: before anything is told, or just after the
    emails and notices are recorded and before the alerts are marked told."""
    real_send = emails.send
    deaths = []

    def send(messages):
        if not deaths:
            deaths.append(1)
            if after_telling:
                real_send(messages)
            raise WorkerDied
        real_send(messages)

    monkeypatch.setattr(emails, "send", send)


def run_dying_then_again(task, django_capture_on_commit_callbacks, **kwargs) -> None:
    """The first run dies after its wave committed; the lease sweep runs the task again (same
    id) once the lease is over, which is at least half a lease after the alerts were made."""
    task_id = str(uuid.uuid4())
    with (
        pytest.raises(WorkerDied),
        task_effects.task_run(task_id),
        django_capture_on_commit_callbacks(execute=True),
    ):
        task.call(**kwargs)
    CoverAlert.objects.update(created_at=F("created_at") - untold_for_long())
    with task_effects.task_run(task_id), django_capture_on_commit_callbacks(execute=True):
        task.call(**kwargs)


@pytest.fixture
def pool_of_two(employer_profile, pa):
    other = UserFactory(email="second.pa@example.org", postcode="NE3 1AA", roles=[Role.PA])
    for member in (pa, other):
        ReliefPoolMember.objects.create(employer=employer_profile.user, pa=member, status="active")
    return [pa, other]


def test_a_wave_whose_worker_died_before_telling_anyone_is_told_by_the_retry(
    employer_profile, pool_of_two, tomorrow, outbox, monkeypatch, django_capture_on_commit_callbacks
):
    request = make_request(employer_profile.user, slots=[(tomorrow, time(8), time(11))])
    die_once(monkeypatch, after_telling=False)

    run_dying_then_again(
        tasks.send_next_wave, django_capture_on_commit_callbacks, request_id=request.pk
    )

    alerts = CoverAlert.objects.filter(request=request)
    assert alerts.count() == 2
    assert not alerts.filter(told_at__isnull=True).exists()
    told = Notice.objects.filter(kind="cover.alert").values_list("recipient", flat=True)
    assert sorted(told) == sorted(pa.pk for pa in pool_of_two)
    assert sorted(email.recipients[0] for email in OutgoingEmail.objects.all()) == sorted(
        pa.email for pa in pool_of_two
    )


def test_a_wave_whose_worker_died_after_telling_tells_nobody_twice(
    employer_profile, pool_of_two, tomorrow, outbox, monkeypatch, django_capture_on_commit_callbacks
):
    request = make_request(employer_profile.user, slots=[(tomorrow, time(8), time(11))])
    die_once(monkeypatch, after_telling=True)

    run_dying_then_again(
        tasks.send_next_wave, django_capture_on_commit_callbacks, request_id=request.pk
    )

    assert not CoverAlert.objects.filter(told_at__isnull=True).exists()
    for pa in pool_of_two:
        assert Notice.objects.filter(recipient=pa, kind="cover.alert").count() == 1
    assert OutgoingEmail.objects.count() == len(mail.outbox) == 2


def test_a_run_that_finds_the_wave_sent_leaves_a_live_runs_fresh_alerts_to_it(
    employer_profile, pa, tomorrow, outbox, django_capture_on_commit_callbacks
):
    ReliefPoolMember.objects.create(employer=employer_profile.user, pa=pa, status="active")
    request = make_request(employer_profile.user, slots=[(tomorrow, time(8), time(11))])
    with django_capture_on_commit_callbacks(execute=False):
        wave_send(request_id=request.pk)  # committed; its telling not run yet

    # The sweep, racing the live run, finds the wave not due and leaves its alerts alone
    with django_capture_on_commit_callbacks(execute=True):
        outcome = wave_send(request_id=request.pk)

    assert outcome["status"] == "not due yet"
    assert CoverAlert.objects.get(request=request).told_at is None
    assert not Notice.objects.filter(kind="cover.alert").exists()


def test_an_alert_left_untold_for_half_a_lease_is_told_by_the_next_run(
    employer_profile, pa, tomorrow, outbox, django_capture_on_commit_callbacks
):
    ReliefPoolMember.objects.create(employer=employer_profile.user, pa=pa, status="active")
    request = make_request(employer_profile.user, slots=[(tomorrow, time(8), time(11))])
    with django_capture_on_commit_callbacks(execute=False):
        wave_send(request_id=request.pk)

    with django_capture_on_commit_callbacks(execute=True):
        wave_send(
            request_id=request.pk, now=timezone.now() + untold_for_long() + timedelta(seconds=1)
        )

    assert CoverAlert.objects.get(request=request).told_at is not None
    assert Notice.objects.filter(recipient=pa, kind="cover.alert").count() == 1
