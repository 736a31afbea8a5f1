"""Every change and every staff read of a concern is audited; the council's safeguarding staff
hear at once, without the details; the person who raised it hears of each status."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.notifications.models import Notice, Preference
from pahub.support.concerns.services import (
    ConcernError,
    ConcernInput,
    concern_add_note,
    concern_raise,
    concern_set_status,
)
from pahub.support.models import Concern

SECRET = "She told me her son takes her pension every week."


def values(area, **changes) -> ConcernInput:
    fields = {
        "area": area,
        "who": "Mrs Example, 84",
        "what_happened": SECRET,
        "in_danger": False,
        "may_contact": True,
        "contact_details": "07700 900123",
        "anonymous": True,
    } | changes
    return ConcernInput(**fields)


def test_safeguarding_staff_of_that_council_are_emailed_at_once_without_the_details(
    employer,
    newcastle,
    safeguarder,
    council_colleague,
    durham_safeguarder,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        concern = concern_raise(raiser=employer, values=values(newcastle))

    staff_emails = [email for email in mailoutbox if email.to == [safeguarder.email]]
    assert len(staff_emails) == 1
    email = staff_emails[0]
    assert "A safeguarding concern was raised in Newcastle upon Tyne" in email.subject
    assert "open PA Hub to read it" in email.body
    assert f"/concerns/{concern.pk}/" in email.body
    assert SECRET not in email.body
    assert "Mrs Example" not in email.body
    recipients = {address for email in mailoutbox for address in email.to}
    assert council_colleague.email not in recipients
    assert durham_safeguarder.email not in recipients


def test_the_staff_notice_is_required_so_it_cannot_be_turned_off(
    employer, newcastle, safeguarder, mailoutbox, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=safeguarder, kind="support.concern_raised", channel="off")

    with django_capture_on_commit_callbacks(execute=True):
        concern_raise(raiser=employer, values=values(newcastle))

    assert Notice.objects.filter(recipient=safeguarder, kind="support.concern_raised").exists()
    assert any(email.to == [safeguarder.email] for email in mailoutbox)


def test_with_no_safeguarding_staff_on_pa_hub_the_site_admins_are_told(
    employer, newcastle, admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        concern_raise(raiser=employer, values=values(newcastle))

    assert Notice.objects.filter(recipient=admin, kind="support.concern_raised").exists()


def test_the_person_it_is_about_is_never_told_even_as_safeguarding_staff(
    employer, newcastle, council, safeguarder, django_capture_on_commit_callbacks
):
    from pahub.support.concerns.about import About

    about = About(
        kind="profile", object_id=1, area=newcastle, about_user=safeguarder, description=""
    )
    with django_capture_on_commit_callbacks(execute=True):
        concern_raise(raiser=employer, values=values(newcastle), about=about)

    assert not Notice.objects.filter(recipient=safeguarder).exists()


def test_the_raiser_is_acknowledged_and_told_of_each_status(
    employer, newcastle, safeguarder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        concern = concern_raise(raiser=employer, values=values(newcastle))
    with django_capture_on_commit_callbacks(execute=True):
        concern_set_status(concern=concern, status="acknowledged", outcome="", by=safeguarder)
    with django_capture_on_commit_callbacks(execute=True):
        concern_set_status(
            concern=concern, status="closed", outcome="We have spoken to her.", by=safeguarder
        )

    notices = list(
        Notice.objects.filter(recipient=employer, kind="support.concern_update").order_by("pk")
    )
    assert [notice.title.rsplit(": ", 1)[1] for notice in notices] == [
        "Received",
        "Acknowledged",
        "Closed",
    ]
    assert "We have spoken to her." in notices[-1].body
    assert SECRET not in " ".join(notice.body for notice in notices)


def test_raising_and_every_change_are_audited(employer, newcastle, safeguarder):
    concern = concern_raise(raiser=employer, values=values(newcastle, in_danger=True))
    concern_set_status(concern=concern, status="looking_into", outcome="", by=safeguarder)
    concern_add_note(concern=concern, text="Rang her GP.", by=safeguarder)

    events = AuditEvent.objects.filter(target_type="support.concern", target_id=str(concern.pk))
    assert list(events.order_by("pk").values_list("action", "actor_id")) == [
        ("concern.raised", employer.pk),
        ("concern.status_changed", safeguarder.pk),
        ("concern.note_added", safeguarder.pk),
    ]
    raised = events.get(action="concern.raised")
    assert raised.detail["in_danger"] is True
    assert SECRET not in str(raised.detail)


def test_every_staff_read_is_audited(client_for, safeguarder, concern):
    client = client_for(safeguarder)
    client.get(reverse("concerns:detail", args=[concern.pk]))
    client.get(reverse("api:concern_detail", args=[concern.pk]))

    reads = AuditEvent.objects.filter(
        action="record.viewed", target_type="support.concern", actor=safeguarder
    )
    assert reads.count() == 2


def test_a_refused_read_is_not_recorded_as_a_read(client_for, durham_safeguarder, concern):
    client_for(durham_safeguarder).get(reverse("concerns:detail", args=[concern.pk]))

    assert not AuditEvent.objects.filter(action="record.viewed").exists()


def test_closing_needs_a_note_for_the_raiser(concern, safeguarder):
    with pytest.raises(ConcernError):
        concern_set_status(concern=concern, status="closed", outcome=" ", by=safeguarder)
    concern.refresh_from_db()
    assert concern.status == Concern.Status.RECEIVED


def test_closing_without_a_note_on_the_page_says_so_and_keeps_the_status(
    client_for, concern, safeguarder
):
    response = client_for(safeguarder).post(
        reverse("concerns:detail", args=[concern.pk]), {"status": "closed", "outcome": ""}
    )

    assert response.status_code == 400
    assert "Say what to tell the person who raised it" in response.content.decode()
    concern.refresh_from_db()
    assert concern.status == "received"


def test_staff_add_notes_and_an_empty_note_is_refused(client_for, concern, safeguarder):
    client = client_for(safeguarder)
    url = reverse("concerns:note", args=[concern.pk])

    assert client.post(url, {"note-text": ""}).status_code == 400
    assert client.post(url, {"note-text": "Visited today."}).status_code == 302
    page = client.get(reverse("concerns:detail", args=[concern.pk])).content.decode()
    assert "Visited today." in page


def test_a_status_that_does_not_exist_is_refused(client_for, concern, safeguarder):
    response = client_for(safeguarder).post(
        reverse("concerns:detail", args=[concern.pk]), {"status": "deleted", "outcome": ""}
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
