"""Cover's tasks run again after their worker died (ADR 7) tell nobody twice: a wave already
sent is not due again, and a booking's news is stored and emailed once per task
(pahub/core/task_effects.py keys what a task tells)."""

import uuid
from datetime import time

import pytest
from django.core import mail

from pahub.core import task_effects
from pahub.core.models import OutgoingEmail
from pahub.cover import tasks
from pahub.cover.models import CoverAlert, ReliefPoolMember
from pahub.cover.services import booking_confirm
from pahub.notifications.models import Notice
from tests.cover.conftest import make_request, offer

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
