"""Reporting a message: any participant reports what someone else wrote, with a reason."""

from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.messaging.models import Report
from pahub.messaging.services import REPORT_REASON_MAX_LENGTH, hub_event_post


def report_url(conversation, message) -> str:
    return reverse("messaging:report", args=[conversation.pk, message.pk])


def test_the_report_page_quotes_the_message_and_explains_what_happens(
    client_for, pa, conversation, employer_message
):
    response = client_for(pa).get(report_url(conversation, employer_message))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Are you free on Tuesday mornings?" in page
    assert "Moderators from the support organisation" in page
    assert "Amira is not told who reported it." in page


def test_the_pa_reports_the_employers_message(client_for, pa, conversation, employer_message):
    response = client_for(pa).post(
        report_url(conversation, employer_message), {"reason": "  It made me uneasy.  "}
    )

    assert response.status_code == 302
    assert response.url == reverse("messaging:conversation", args=[conversation.pk])
    report = Report.objects.get()
    assert report.message == employer_message
    assert report.reporter == pa
    assert report.reason == "It made me uneasy."
    assert report.status == Report.Status.OPEN
    assert AuditEvent.objects.filter(action="message.reported", actor=pa).exists()


def test_a_representative_reports_the_pas_message(
    client_for, representative, conversation, pa_message
):
    client_for(representative).post(report_url(conversation, pa_message), {"reason": "Rude"})

    assert Report.objects.get().reporter == representative


def test_nobody_reports_their_own_message(client_for, pa, conversation, pa_message):
    response = client_for(pa).post(report_url(conversation, pa_message), {"reason": "Oops"})

    assert response.status_code == 404
    assert not Report.objects.exists()


def test_pa_hub_event_lines_cannot_be_reported(client_for, pa, conversation):
    line = hub_event_post(conversation=conversation, body="Jordan was shortlisted.")

    response = client_for(pa).post(report_url(conversation, line), {"reason": "Wrong"})

    assert response.status_code == 404


def test_the_report_link_is_shown_on_other_peoples_messages_only(
    client_for, pa, conversation, employer_message, pa_message
):
    page = (
        client_for(pa)
        .get(reverse("messaging:conversation", args=[conversation.pk]))
        .content.decode()
    )

    assert report_url(conversation, employer_message) in page
    assert report_url(conversation, pa_message) not in page


def test_a_report_needs_a_reason(client_for, pa, conversation, employer_message):
    response = client_for(pa).post(report_url(conversation, employer_message), {"reason": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_reason">Enter why you are reporting this message' in page
    assert not Report.objects.exists()


def test_a_too_long_reason_is_refused_with_the_words_kept(
    client_for, pa, conversation, employer_message
):
    reason = "x" * (REPORT_REASON_MAX_LENGTH + 1)

    response = client_for(pa).post(report_url(conversation, employer_message), {"reason": reason})

    page = response.content.decode()
    assert f"{REPORT_REASON_MAX_LENGTH:,} characters or fewer" in page
    assert reason in page
    assert not Report.objects.exists()


def test_reporting_the_same_message_twice_while_open_is_refused(
    client_for, pa, conversation, employer_message
):
    client = client_for(pa)
    client.post(report_url(conversation, employer_message), {"reason": "Rude"})

    response = client.post(report_url(conversation, employer_message), {"reason": "Still rude"})

    assert "You have already reported this message." in response.content.decode()
    assert Report.objects.count() == 1


def test_a_message_already_hidden_cannot_be_reported_again(
    client_for, pa, conversation, employer_message
):
    from django.utils import timezone

    from pahub.messaging.models import Message

    Message.objects.filter(pk=employer_message.pk).update(hidden_by_moderator_at=timezone.now())

    response = client_for(pa).post(report_url(conversation, employer_message), {"reason": "x"})

    assert response.status_code == 404
    assert not Report.objects.exists()
