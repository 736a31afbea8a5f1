"""Deleting an account never destroys what the other person relies on (issue 9).

An employer and a PA share a hired job, a conversation, a worked (approved) shift and a shift
still to come. Whichever of them deletes their account, the other keeps the shared records,
sees the deleted person as "a former PA Hub user", hears that the future shift is cancelled,
and can still download their approved hours.
"""

import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import FORMER_USER_NAME, Role, User
from pahub.accounts.services import user_delete
from pahub.core.models import AuditEvent
from pahub.cover.models import Booking, CoverRequest, Timesheet
from pahub.employers.models import EmployerProfile
from pahub.employers.queries import employer_name
from pahub.jobs.models import Application, Job
from pahub.messaging.models import Conversation
from pahub.register.models import PAProfile
from pahub.register.queries import pa_name
from tests.accounts.conftest import Shared
from tests.factories import PASSWORD


def _assert_shared_records_kept(shared: Shared) -> None:
    assert Job.objects.filter(pk=shared.job.pk).exists()
    assert Application.objects.get(pk=shared.application.pk).status == "hired"
    assert Conversation.objects.filter(pk=shared.conversation.pk).exists()
    assert Booking.objects.get(pk=shared.past_booking.pk).status == "confirmed"
    assert Timesheet.objects.get(pk=shared.timesheet.pk).status == "approved"


def _deleted_person_is_anonymous(user_id: int, email: str) -> None:
    former = User.objects.get(pk=user_id)
    assert former.display_name == FORMER_USER_NAME
    assert str(former) == FORMER_USER_NAME
    assert former.email != email
    assert (former.full_name, former.known_as, former.phone, former.postcode) == ("", "", "", "")
    assert not former.is_active
    assert not former.has_usable_password()
    assert not former.roles.exists()
    assert not User.objects.filter(email=email).exists()


# Employer deletes


def test_employer_deleting_keeps_the_pas_records_with_a_former_user(shared, employer, pa):
    user_delete(user=employer, by=employer)

    _assert_shared_records_kept(shared)
    _deleted_person_is_anonymous(employer.pk, "employer@example.org")
    assert not EmployerProfile.objects.filter(user_id=employer.pk).exists()
    former = User.objects.get(pk=employer.pk)
    assert employer_name(former) == FORMER_USER_NAME


def test_employer_deleting_removes_their_words_but_keeps_the_pas(shared, employer):
    user_delete(user=employer, by=employer)

    bodies = list(shared.conversation.messages.values_list("author_role", "body"))
    assert ("pa", "Thanks, see you Monday.") in bodies
    assert "Welcome aboard!" not in {body for _, body in bodies}
    request = shared.past_booking.slot.request
    request.refresh_from_db()
    assert (request.address, request.contact_phone, request.note) == ("", "", "")
    assert Job.objects.get(pk=shared.job.pk).description == ""


def test_employer_deleting_cancels_future_shifts_and_tells_the_pa(
    shared, employer, pa, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=employer, by=employer)

    shared.future_booking.refresh_from_db()
    assert shared.future_booking.status == Booking.Status.CANCELLED
    to_pa = [email for email in mail.outbox if email.to == ["pa@example.org"]]
    assert any("cancelled" in email.subject for email in to_pa)
    assert all("Amira" not in email.body for email in to_pa)
    shared.open_request.refresh_from_db()
    assert shared.open_request.status == CoverRequest.Status.CANCELLED


def test_employer_deleting_closes_open_jobs(shared, employer):
    user_delete(user=employer, by=employer)

    shared.pending_job.refresh_from_db()
    assert shared.pending_job.status == Job.Status.CLOSED
    shared.pending_application.refresh_from_db()
    assert shared.pending_application.status not in {"applied", "interested", "shortlisted"}


def test_employer_deleting_is_one_audited_step(shared, employer):
    user_delete(user=employer, by=employer)

    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"account.deleted", "cover.booking_cancelled", "job.closed"} <= actions


def test_pa_still_sees_their_booking_and_conversation_after_the_employer_goes(
    shared, employer, client_for, pa
):
    user_delete(user=employer, by=employer)
    client = client_for(pa)

    page = client.get(reverse("cover:booking", args=[shared.past_booking.pk]))
    assert page.status_code == 200
    assert FORMER_USER_NAME in page.content.decode()
    page = client.get(reverse("messaging:conversation", args=[shared.conversation.pk]))
    assert page.status_code == 200
    assert FORMER_USER_NAME in page.content.decode()
    assert client.get(reverse("messaging:inbox")).status_code == 200
    assert client.get(reverse("jobs:my_applications")).status_code == 200


def test_pa_can_still_download_their_approved_hours(shared, employer, client_for, pa):
    user_delete(user=employer, by=employer)

    export = json.loads(client_for(pa).get(reverse("accounts:data_download")).content)

    hours = export["cover"]["hours_worked"]
    assert len(hours) == 1
    assert hours[0]["status"] == "approved"
    assert hours[0]["employer"] == FORMER_USER_NAME
    assert hours[0]["hours"] == "3.00"


# PA deletes


def test_pa_deleting_keeps_the_employers_records_with_a_former_user(shared, employer, pa):
    user_delete(user=pa, by=pa)

    _assert_shared_records_kept(shared)
    _deleted_person_is_anonymous(pa.pk, "pa@example.org")
    assert not PAProfile.objects.filter(user_id=pa.pk).exists()
    assert pa_name(User.objects.get(pk=pa.pk)) == FORMER_USER_NAME
    assert Application.objects.get(pk=shared.application.pk).message == ""
    assert Timesheet.objects.get(pk=shared.timesheet.pk).note == ""
    hub = shared.conversation.messages.get(author_role="hub")
    assert "Jordan" not in hub.body


def test_pa_deleting_cancels_their_future_shifts_and_tells_the_employer(
    shared, employer, pa, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=pa, by=pa)

    shared.future_booking.refresh_from_db()
    assert shared.future_booking.status == Booking.Status.CANCELLED
    to_employer = [email for email in mail.outbox if email.to == ["employer@example.org"]]
    assert any("cancelled" in email.subject for email in to_employer)
    assert all("Jordan" not in email.body for email in to_employer)


def test_pa_deleting_withdraws_their_pending_applications(shared, pa):
    user_delete(user=pa, by=pa)

    shared.pending_application.refresh_from_db()
    assert shared.pending_application.status == Application.Status.WITHDRAWN
    assert shared.pending_application.message == ""


def test_employer_still_sees_the_conversation_and_can_export_hours(
    shared, employer, client_for, pa
):
    user_delete(user=pa, by=pa)
    client = client_for(employer)

    page = client.get(reverse("messaging:conversation", args=[shared.conversation.pk]))
    assert page.status_code == 200
    assert FORMER_USER_NAME in page.content.decode()
    day = timezone.localdate(shared.past_booking.starts_at).isoformat()
    csv = client.get(
        reverse("cover:timesheets_export", args=[employer.pk]), {"start": day, "end": day}
    )
    assert csv.status_code == 200
    assert FORMER_USER_NAME in csv.content.decode()
    assert "Jordan" not in csv.content.decode()


def test_deleting_through_the_page_keeps_shared_records(shared, client_for, employer):
    response = client_for(employer).post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 302
    _assert_shared_records_kept(shared)


def test_a_former_user_cannot_sign_in(client, shared, pa):
    user_delete(user=pa, by=pa)

    assert not client.login(email="pa@example.org", password=PASSWORD)


def test_someone_can_sign_up_again_with_the_same_email(shared, pa):
    user_delete(user=pa, by=pa)

    again = User.objects.create_user("pa@example.org", PASSWORD, full_name="Jordan Reed")
    assert again.pk != pa.pk
    assert Role.PA not in again.role_set


def test_nobody_can_message_a_former_user(shared, employer, pa):
    from pahub.messaging.services import MessagingError, message_post

    user_delete(user=employer, by=employer)
    conversation = Conversation.objects.get(pk=shared.conversation.pk)

    with pytest.raises(MessagingError, match="deleted their PA Hub account"):
        message_post(conversation=conversation, author=pa, author_role="pa", body="Hello?")


def test_the_privacy_notice_says_what_is_kept_for_the_other_person(client):
    page = client.get(reverse("core:privacy")).content.decode()

    assert 'id="kept-for-others"' in page
    assert "a former PA Hub user" in page
    assert "hours worked" in page
