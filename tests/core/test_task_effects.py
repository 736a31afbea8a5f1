"""A task run again after its worker died tells nobody twice (pahub/core/task_effects.py): the
outbox and the notices key what a task records by the task, so a second run finds what the
first recorded and records only what the first did not reach."""

import uuid

import pytest
from django.core import mail
from django.core.mail import EmailMessage, send_mail

from pahub.core import task_effects
from pahub.core.mail import outgoing_email_record
from pahub.core.models import OutgoingEmail
from pahub.notifications.models import Notice
from pahub.notifications.services import notify_many
from tests.factories import UserFactory

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def outbox(settings):
    """The production arrangement: the outbox in front of a working delivery mailer."""
    settings.MAILERS = {
        "default": {"BACKEND": "pahub.core.mail.OutboxBackend"},
        "delivery": {"BACKEND": LOCMEM},
    }


def alert(to: str = "pa@example.org", subject: str = "Cover needed tonight") -> None:
    send_mail(subject, "Amira needs cover from 22:00.", None, [to])


def test_a_retried_email_task_does_not_send_twice(db, outbox):
    task_id = str(uuid.uuid4())
    with task_effects.task_run(task_id):  # the first run, whose worker then died
        alert()
    with task_effects.task_run(task_id):  # the run the sweep put back
        alert()

    assert OutgoingEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_retry_records_what_the_first_run_did_not_reach(db, outbox):
    task_id = str(uuid.uuid4())
    with task_effects.task_run(task_id):
        alert(to="first@example.org")  # died before the second email
    with task_effects.task_run(task_id):
        alert(to="first@example.org")
        alert(to="second@example.org")

    assert sorted(email.recipients[0] for email in OutgoingEmail.objects.all()) == [
        "first@example.org",
        "second@example.org",
    ]
    assert len(mail.outbox) == 2


def test_the_same_email_twice_in_one_run_is_sent_twice_and_a_retry_adds_none(db, outbox):
    """The key counts: a task that really sends the same thing twice still does."""
    task_id = str(uuid.uuid4())
    for _ in range(2):
        with task_effects.task_run(task_id):
            alert()
            alert()

    assert OutgoingEmail.objects.count() == 2


def test_two_different_tasks_sending_the_same_email_each_send_it(db, outbox):
    for _ in range(2):
        with task_effects.task_run(str(uuid.uuid4())):
            alert()

    assert OutgoingEmail.objects.count() == 2


def test_outside_a_task_nothing_is_keyed(db, outbox):
    alert()
    alert()

    assert list(OutgoingEmail.objects.values_list("task_key", flat=True)) == [None, None]


def test_an_email_recorded_but_not_yet_queued_by_a_dead_run_is_queued_by_the_retry(db, outbox):
    """The first run recorded the email and died before queueing its delivery."""
    task_id = str(uuid.uuid4())
    message = EmailMessage("Cover needed tonight", "Amira needs cover.", None, ["pa@example.org"])
    with task_effects.task_run(task_id):
        outgoing_email_record(message)  # recorded; the process died here
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.PENDING

    with task_effects.task_run(task_id):
        alert(subject="Cover needed tonight")

    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_a_retried_task_stores_no_second_notice_and_sends_no_second_email(
    db, outbox, django_capture_on_commit_callbacks
):
    people = [UserFactory(email=f"pa{n}@example.org") for n in range(3)]

    def tell(whom):
        # In a worker there is no surrounding transaction: the emails go at once.
        with django_capture_on_commit_callbacks(execute=True):
            tell_in_transaction(whom)

    def tell_in_transaction(whom):
        notify_many(
            whom,
            "cover.booking_confirmed",
            title="You are booked",
            email_for=lambda person: ("PA Hub: you are booked", "Tomorrow 08:00."),
        )

    task_id = str(uuid.uuid4())
    with task_effects.task_run(task_id):
        tell(people[:1])  # died after telling the first person
    with task_effects.task_run(task_id):
        tell(people)

    assert Notice.objects.count() == 3
    assert sorted(Notice.objects.values_list("recipient__email", flat=True)) == [
        "pa0@example.org",
        "pa1@example.org",
        "pa2@example.org",
    ]
    assert OutgoingEmail.objects.count() == 3
    assert len(mail.outbox) == 3
