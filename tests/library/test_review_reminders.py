"""Owners are told once per due date when a resource is due for review, with a link to edit."""

from datetime import date

from django.core.management import call_command

from pahub.library.reminders import send_review_reminders
from pahub.library.services import publish_version
from pahub.notifications.models import Notice
from tests.library.conftest import content


def test_the_owner_is_reminded_once_when_review_is_due(local_addition, council_staff):
    # Reviewed on 1 November 2026, every 12 months: due on 1 November 2027.
    assert send_review_reminders(today=date(2027, 10, 31)) == 0
    assert send_review_reminders(today=date(2027, 11, 1)) == 1
    assert send_review_reminders(today=date(2027, 11, 2)) == 0
    notice = Notice.objects.get(recipient=council_staff, kind="library.review_due")
    assert notice.url == f"/library/manage/{local_addition.slug}/edit/"
    assert "due for review" in notice.body


def test_reviewing_moves_the_due_date_and_the_next_one_is_reminded(local_addition, council_staff):
    send_review_reminders(today=date(2027, 11, 1))
    publish_version(
        slug=local_addition.slug,
        content=content(),
        by=council_staff,
        change_note="Checked",
        local_authority=local_addition.local_authority,
        last_reviewed=date(2027, 11, 3),
    )
    assert send_review_reminders(today=date(2027, 12, 1)) == 0
    assert send_review_reminders(today=date(2028, 11, 3)) == 1


def test_resources_without_an_owner_are_not_reminded(db):
    # The repository's guidance has no owner; it is reviewed through the repository.
    assert send_review_reminders(today=date(2040, 1, 1)) == 0


def test_the_daily_job_is_registered(local_addition):
    call_command("run_periodic", "send_library_review_reminders")
