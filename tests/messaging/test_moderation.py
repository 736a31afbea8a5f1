"""The moderation queue: staff of organisations serving the employer's area decide reports;
the reporter is told the outcome by email; site admins see every report."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.messaging.models import Message, Report
from pahub.messaging.services import message_post
from tests.factories import make_staff

QUEUE = reverse("moderation:queue")


def report_url(report) -> str:
    return reverse("moderation:report", args=[report.pk])


@pytest.fixture
def report(pa, employer_message) -> Report:
    return Report.objects.create(
        message=employer_message, reporter=pa, reason="It asked me for money."
    )


@pytest.fixture
def moderator_without_two_factor(db, organisation):
    return make_staff(organisation=organisation, two_factor=False, email="new@example.org")


# Who may moderate


@pytest.mark.parametrize("url_name", ["queue", "report"])
def test_signed_out_visitors_are_sent_to_sign_in(client, report, url_name):
    url = QUEUE if url_name == "queue" else report_url(report)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "representative"])
@pytest.mark.parametrize("url_name", ["queue", "report"])
def test_people_who_are_not_staff_are_refused(client_for, request, report, person, url_name):
    url = QUEUE if url_name == "queue" else report_url(report)

    response = client_for(request.getfixturevalue(person)).get(url)

    assert response.status_code == 403


def test_staff_without_two_factor_must_set_it_up_first(
    client_for, moderator_without_two_factor, report
):
    response = client_for(moderator_without_two_factor).get(report_url(report))

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("person", ["moderator", "verifier", "org_admin", "admin"])
def test_staff_serving_the_employers_area_and_site_admins_see_the_report(
    client_for, request, report, person
):
    client = client_for(request.getfixturevalue(person))

    assert report_url(report) in client.get(QUEUE).content.decode()
    assert client.get(report_url(report)).status_code == 200


def test_staff_of_another_area_neither_see_nor_open_the_report(client_for, durham_staff, report):
    client = client_for(durham_staff)

    assert report_url(report) not in client.get(QUEUE).content.decode()
    assert client.get(report_url(report)).status_code == 404
    assert client.post(report_url(report), {"outcome": "hidden", "note": "x"}).status_code == 404
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN


def test_the_employers_area_comes_from_their_account_when_they_have_no_employer_profile(
    client_for, moderator, durham_staff, employer, pa, db
):
    from pahub.messaging.services import conversation_get_or_create

    conversation = conversation_get_or_create(employer=employer, pa=pa)  # Amira: NE1 account
    message = message_post(
        conversation=conversation,
        author=employer,
        author_role=Message.AuthorRole.EMPLOYER,
        body="Hello",
    )
    report = Report.objects.create(message=message, reporter=pa, reason="Rude")

    assert client_for(moderator).get(report_url(report)).status_code == 200
    assert client_for(durham_staff).get(report_url(report)).status_code == 404


# The queue and the report page


def test_the_queue_does_not_show_the_message_or_the_reason(client_for, moderator, report):
    page = client_for(moderator).get(QUEUE).content.decode()

    assert "Are you free on Tuesday" not in page
    assert "asked me for money" not in page
    assert "Amira and Jordan" in page
    assert "The PA" in page


def test_opening_a_report_is_audited(client_for, moderator, report):
    client_for(moderator).get(report_url(report))

    event = AuditEvent.objects.get(action="record.viewed")
    assert event.actor == moderator
    assert event.target_type == "messaging.report"


def test_the_report_page_shows_the_message_with_a_little_context(
    client_for, moderator, conversation, employer_message, pa
):
    for number in range(5):
        message_post(
            conversation=conversation,
            author=pa,
            author_role=Message.AuthorRole.PA,
            body=f"Later message {number}",
        )
    report = Report.objects.create(message=employer_message, reporter=pa, reason="Money")

    page = client_for(moderator).get(report_url(report)).content.decode()

    assert "Reported message: Amira" in page
    assert "Are you free on Tuesday mornings?" in page
    assert "I would love to hear more" in page  # the message before
    assert "Later message 2" in page
    assert "Later message 3" not in page  # three after, no more
    assert '<dd class="govuk-summary-list__value">Money</dd>' in page  # the reason


def test_the_queue_query_count_does_not_grow_with_reports(
    client_for, moderator, conversation, employer_message, pa, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Report.objects.create(message=employer_message, reporter=pa, reason="One")
    client = client_for(moderator)
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as few:
        client.get(QUEUE)
    for number in range(8):
        message = message_post(
            conversation=conversation,
            author=conversation.employer,
            author_role=Message.AuthorRole.EMPLOYER,
            body=f"Message {number}",
        )
        Report.objects.create(message=message, reporter=pa, reason="Again")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(QUEUE)

    assert "Waiting for a moderator (9)" in response.content.decode()


# Deciding


def test_hiding_the_message_settles_every_open_report_and_tells_each_reporter(
    client_for,
    moderator,
    report,
    representative,
    pa,
    employer_message,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    # Someone else reported the same message too (Sara, on Amira's side, say).
    second = Report.objects.create(message=employer_message, reporter=representative, reason="x")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            report_url(report), {"outcome": "hidden", "note": "Asked for money: not allowed."}
        )

    assert response.status_code == 302
    employer_message.refresh_from_db()
    assert employer_message.hidden_by_moderator_at is not None
    for settled in (report, second):
        settled.refresh_from_db()
        assert settled.status == Report.Status.MESSAGE_HIDDEN
        assert settled.resolved_by == moderator
        assert settled.moderator_note == "Asked for money: not allowed."
    assert sorted(email.to[0] for email in mailoutbox) == [
        "pa@example.org",
        "representative@example.org",
    ]
    for email in mailoutbox:
        assert "removed it from the conversation" in email.body
        assert "Asked for money" not in email.body  # the note is for staff only
        assert "Are you free on Tuesday" not in email.body
    event = AuditEvent.objects.get(action="message.report_resolved")
    assert event.detail["reports_settled"] == 2


def test_participants_then_see_that_a_moderator_removed_the_message(
    client_for, moderator, report, pa, employer, conversation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(moderator).post(report_url(report), {"outcome": "hidden", "note": "Money."})

    for person in (pa, employer):
        page = (
            client_for(person)
            .get(reverse("messaging:conversation", args=[conversation.pk]))
            .content.decode()
        )
        assert "This message was removed by a moderator" in page
        assert "Are you free on Tuesday" not in page


def test_no_action_keeps_the_message_and_tells_the_reporter(
    client_for, moderator, report, employer_message, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(moderator).post(
            report_url(report), {"outcome": "no_action", "note": "A normal question."}
        )

    report.refresh_from_db()
    employer_message.refresh_from_db()
    assert report.status == Report.Status.NO_ACTION
    assert employer_message.hidden_by_moderator_at is None
    (email,) = mailoutbox
    assert email.to == ["pa@example.org"]
    assert "it stays in the conversation" in email.body


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"note": "Fine"}, "Select what should happen to the message"),
        ({"outcome": "hidden"}, "Enter a note saying what you decided and why"),
        ({"outcome": "delete_everything", "note": "x"}, "Select a valid choice."),
    ],
)
def test_a_decision_needs_an_outcome_and_a_note(
    client_for, moderator, report, employer_message, mailoutbox, data, error
):
    response = client_for(moderator).post(report_url(report), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert error in page
    report.refresh_from_db()
    employer_message.refresh_from_db()
    assert report.status == Report.Status.OPEN
    assert employer_message.hidden_by_moderator_at is None
    assert mailoutbox == []


def test_a_decided_report_cannot_be_decided_again(
    client_for, moderator, report, django_capture_on_commit_callbacks
):
    client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(report_url(report), {"outcome": "no_action", "note": "Fine."})

    response = client.post(report_url(report), {"outcome": "hidden", "note": "Changed my mind"})

    assert "This report has already been decided." in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.NO_ACTION


def test_decided_reports_are_listed_with_their_outcome(
    client_for, moderator, report, django_capture_on_commit_callbacks
):
    client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(report_url(report), {"outcome": "hidden", "note": "Money."})

    page = client.get(QUEUE).content.decode()

    assert "There are no reports waiting for a moderator." in page
    assert "Recently decided" in page
    assert "Message hidden" in page
