"""References: the PA asks by email; the referee answers once through the link, without an
account; the PA sees only the status."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.register.evidence.services import (
    EvidenceError,
    ReferenceLinkClosed,
    reference_answer,
    reference_request_send,
)
from pahub.register.models import Evidence, ReferenceRequest, hash_token

REQUEST_URL = reverse("register:reference_request")
OVERVIEW_URL = reverse("register:evidence")

pytestmark = pytest.mark.django_db

ANSWERS = {
    "known_for": "4 years",
    "capacity": "Jordan was my mum's PA.",
    "reliable": "yes",
    "would_recommend": "yes",
    "comments": "Always on time. Secret-ish detail for staff only.",
    "declaration": "on",
}


def ask(client, django_capture_on_commit_callbacks, **changes):
    form = {
        "referee_name": "Pat Referee",
        "referee_email": "pat@example.org",
        "relationship": "employer",
        "note": "We worked together at your mum's from 2021.",
    }
    form.update(changes)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(REQUEST_URL, form)


def link_in(message) -> str:
    return re.search(r"http\S+/register/reference/\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


@pytest.fixture
def asked(client_for, pa_profile, django_capture_on_commit_callbacks) -> str:
    """The PA asked Pat for a reference: the path of the link in Pat's email."""
    response = ask(client_for(pa_profile.user), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    [message] = mail.outbox
    return path_of(link_in(message))


# Who may ask


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(REQUEST_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_employer_who_is_not_a_pa_is_refused(client_for, employer_only):
    assert client_for(employer_only).get(REQUEST_URL).status_code == 403


def test_pa_sees_the_request_form(client_for, pa):
    response = client_for(pa).get(REQUEST_URL)

    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


# Asking


def test_asking_emails_the_referee_a_one_time_link_and_keeps_only_its_hash(
    client_for, pa_profile, django_capture_on_commit_callbacks
):
    response = ask(client_for(pa_profile.user), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    reference = ReferenceRequest.objects.get()
    assert reference.evidence.kind == Evidence.Kind.REFERENCE
    assert reference.evidence.profile == pa_profile
    [message] = mail.outbox
    assert message.to == ["pat@example.org"]
    assert message.subject == "[PA Hub] Jordan Reed has asked you for a reference"
    link = link_in(message)
    raw_token = link.rstrip("/").rsplit("/", 1)[1]
    assert reference.token_hash == hash_token(raw_token)
    assert raw_token not in reference.token_hash
    expires_on = timezone.localtime(reference.expires_at).date()
    assert expires_on == timezone.localdate() + timedelta(days=21)
    assert f"until {expires_on:%-d %B %Y}" in message.body
    assert "about 3 minutes" in message.body
    assert "works once" in message.body
    assert "Personal Assistants" in message.body
    assert "We worked together at your mum's from 2021." in message.body
    assert "They said you are: someone they have worked for as a PA." in message.body
    assert AuditEvent.objects.filter(action="reference.requested", actor=pa_profile.user).exists()


def test_pa_cannot_ask_themselves(client_for, pa, django_capture_on_commit_callbacks):
    response = ask(client_for(pa), django_capture_on_commit_callbacks, referee_email=pa.email)

    assert "Enter your referee&#x27;s email address, not your own" in response.content.decode()
    assert mail.outbox == []


def test_bad_email_keeps_what_was_typed(client_for, pa, django_capture_on_commit_callbacks):
    response = ask(client_for(pa), django_capture_on_commit_callbacks, referee_email="pat@")

    html = response.content.decode()
    assert "Enter an email address in the right format, like name@example.org" in html
    assert 'value="Pat Referee"' in html
    assert "We worked together at your mum&#x27;s from 2021." in html


def test_at_most_five_requests_can_wait_for_an_answer(
    client_for, pa_profile, django_capture_on_commit_callbacks
):
    client = client_for(pa_profile.user)
    for number in range(5):
        ask(client, django_capture_on_commit_callbacks, referee_email=f"ref{number}@example.org")

    response = ask(client, django_capture_on_commit_callbacks, referee_email="six@example.org")

    assert response.status_code == 200
    assert "You have 5 reference requests waiting for an answer" in response.content.decode()
    assert ReferenceRequest.objects.count() == 5
    assert len(mail.outbox) == 5


def test_asking_the_same_referee_twice_while_waiting_is_refused(
    client_for, pa_profile, django_capture_on_commit_callbacks
):
    client = client_for(pa_profile.user)
    ask(client, django_capture_on_commit_callbacks)

    response = ask(client, django_capture_on_commit_callbacks, referee_email="PAT@example.org")

    assert "You have already asked pat@example.org" in response.content.decode()


# The referee's side


def test_referee_answers_once_and_the_link_then_says_it_was_used(client, asked):
    page = client.get(asked)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Give a reference for Jordan Reed" in html
    assert "How long have you known Jordan Reed?" in html
    assert "They said you are: someone they have worked for as a PA." in html
    assert "I do not want to give a reference" in html
    assert page["Cache-Control"].startswith("max-age=0")

    response = client.post(asked, ANSWERS)

    assert response.status_code == 200
    assert "Reference sent" in response.content.decode()
    reference = ReferenceRequest.objects.get()
    assert reference.answered_at is not None
    assert (reference.known_for, reference.reliable) == ("4 years", "yes")
    again = client.get(asked)
    assert again.status_code == 410
    assert "This link has already been used" in again.content.decode()
    assert "<form" not in again.content.decode().split("<main", 1)[1]


def test_a_second_submit_does_not_answer_twice(client, asked):
    first = client.post(asked, ANSWERS)
    second = client.post(asked, {**ANSWERS, "known_for": "10 years"})

    assert (first.status_code, second.status_code) == (200, 410)
    assert ReferenceRequest.objects.get().known_for == "4 years"
    assert AuditEvent.objects.filter(action="reference.answered").count() == 1


def test_answering_an_answered_request_through_the_service_is_refused(asked):
    raw_token = asked.rstrip("/").rsplit("/", 1)[1]
    reference_answer(raw_token=raw_token, answers=ANSWERS)

    with pytest.raises(ReferenceLinkClosed) as closed:
        reference_answer(raw_token=raw_token, answers=ANSWERS)

    assert closed.value.state == "used"


def test_expired_link_says_expired_and_shows_no_form(client, asked):
    ReferenceRequest.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client.get(asked)
    posted = client.post(asked, ANSWERS)

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert "<form" not in response.content.decode().split("<main", 1)[1]
    assert posted.status_code == 410
    assert ReferenceRequest.objects.get().answered_at is None


def test_unknown_link_is_not_found(client):
    response = client.get(reverse("register:reference_answer", args=["not-a-real-token"]))

    assert response.status_code == 404


def test_referee_must_fill_in_the_form_and_keeps_what_they_typed(client, asked):
    response = client.post(asked, {**ANSWERS, "reliable": "", "declaration": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Select whether they are reliable" in html
    assert "Confirm that what you have written is true" in html
    assert 'value="4 years"' in html
    assert ReferenceRequest.objects.get().answered_at is None


def test_referee_can_decline(client, asked):
    response = client.post(asked, {"decline": "1"})

    assert response.status_code == 200
    assert "You have not given a reference" in response.content.decode()
    reference = ReferenceRequest.objects.get()
    assert reference.declined
    assert reference.evidence.status == Evidence.Status.REJECTED
    assert client.get(asked).status_code == 410


def test_withdrawn_request_link_stops_working(client, client_for, pa_profile, asked):
    evidence = Evidence.objects.get(kind=Evidence.Kind.REFERENCE)

    client_for(pa_profile.user).post(reverse("register:evidence_withdraw", args=[evidence.pk]))

    response = client.get(asked)
    assert response.status_code == 410
    assert "This reference request has been withdrawn" in response.content.decode()


# The PA's side


def test_pa_sees_each_status_but_never_the_answers(client, client_for, pa_profile, asked):
    pa_client = client_for(pa_profile.user)
    sent = pa_client.get(OVERVIEW_URL).content.decode()
    assert f"Sent on {timezone.localdate():%-d %B %Y}" in sent
    assert "Pat Referee" in sent

    client.post(asked, ANSWERS)

    answered = pa_client.get(OVERVIEW_URL).content.decode()
    assert "Answered — waiting to be checked" in answered
    assert "Always on time" not in answered
    assert "Secret-ish detail" not in answered


def test_pa_sees_declined_and_expired_references(client_for, pa_profile, client, asked):
    client.post(asked, {"decline": "1"})
    reference_request_send(
        profile=pa_profile,
        referee_name="Sam Slow",
        referee_email="sam@example.org",
        relationship="work",
        note="",
        by=pa_profile.user,
    )
    ReferenceRequest.objects.filter(referee_name="Sam Slow").update(
        expires_at=timezone.now() - timedelta(days=1)
    )

    html = client_for(pa_profile.user).get(OVERVIEW_URL).content.decode()

    assert "Declined by the referee" in html
    assert "Expired — send again" in html
    assert "Send again" in html


def test_pa_sends_an_expired_request_again_with_a_new_link(
    client, client_for, pa_profile, asked, django_capture_on_commit_callbacks
):
    ReferenceRequest.objects.update(expires_at=timezone.now() - timedelta(days=1))
    evidence = Evidence.objects.get(kind=Evidence.Kind.REFERENCE)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(pa_profile.user).post(
            reverse("register:reference_send_again", args=[evidence.pk])
        )

    assert response.status_code == 302
    new_link = path_of(link_in(mail.outbox[-1]))
    assert new_link != asked
    assert client.get(asked).status_code == 404  # the old link is gone
    assert client.get(new_link).status_code == 200


def test_verified_reference_shows_as_verified(client_for, pa_profile, asked, client):
    client.post(asked, ANSWERS)
    Evidence.objects.filter(kind=Evidence.Kind.REFERENCE).update(
        status=Evidence.Status.VERIFIED, verified_at=timezone.now()
    )

    html = client_for(pa_profile.user).get(OVERVIEW_URL).content.decode()

    assert f"Verified on {timezone.localdate():%-d %B %Y}" in html


def test_another_pa_cannot_send_someone_elses_request_again(client_for, other_pa, asked):
    evidence = Evidence.objects.get(kind=Evidence.Kind.REFERENCE)

    response = client_for(other_pa).post(
        reverse("register:reference_send_again", args=[evidence.pk])
    )

    assert response.status_code == 404


def test_send_again_needs_a_signed_in_pa(client, client_for, employer_only, asked):
    evidence = Evidence.objects.get(kind=Evidence.Kind.REFERENCE)
    url = reverse("register:reference_send_again", args=[evidence.pk])

    anonymous = client.post(url)

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("account_login"))
    assert client_for(employer_only).post(url).status_code == 403


def test_a_request_still_open_cannot_be_sent_again(client_for, pa_profile, asked):
    evidence = Evidence.objects.get(kind=Evidence.Kind.REFERENCE)

    response = client_for(pa_profile.user).post(
        reverse("register:reference_send_again", args=[evidence.pk]), follow=True
    )

    assert "Only a request that has expired without an answer can be sent again" in (
        response.content.decode()
    )
    assert len(mail.outbox) == 1


# Abuse: the form emails a PA's note to any address, so it is limited and clearly marked


def withdraw_all(client):
    for evidence in Evidence.objects.filter(kind=Evidence.Kind.REFERENCE):
        client.post(reverse("register:evidence_withdraw", args=[evidence.pk]))


def test_a_pa_can_send_five_requests_a_day_and_withdrawn_ones_count(
    client_for, pa_profile, django_capture_on_commit_callbacks
):
    client = client_for(pa_profile.user)
    for number in range(5):
        ask(client, django_capture_on_commit_callbacks, referee_email=f"ref{number}@example.org")
        withdraw_all(client)  # never five waiting, so only the daily limit can refuse

    response = ask(client, django_capture_on_commit_callbacks, referee_email="six@example.org")

    html = response.content.decode()
    assert response.status_code == 200
    assert "You have sent 5 reference requests in the last 24 hours" in html
    assert "requests you withdrew count too" in html
    assert 'value="six@example.org"' in html  # what was typed is kept
    assert len(mail.outbox) == 5
    assert ReferenceRequest.objects.count() == 5


def test_the_daily_limit_is_a_setting_and_frees_up_after_24_hours(
    settings, client_for, pa_profile, django_capture_on_commit_callbacks
):
    settings.REFERENCE_REQUESTS_PER_DAY = 2
    client = client_for(pa_profile.user)
    ask(client, django_capture_on_commit_callbacks, referee_email="one@example.org")
    ask(client, django_capture_on_commit_callbacks, referee_email="two@example.org")
    refused = ask(client, django_capture_on_commit_callbacks, referee_email="three@example.org")
    assert "You have sent 2 reference requests" in refused.content.decode()

    ReferenceRequest.objects.update(sent_at=timezone.now() - timedelta(hours=24, minutes=1))
    allowed = ask(client, django_capture_on_commit_callbacks, referee_email="three@example.org")

    assert allowed.status_code == 302
    assert len(mail.outbox) == 3


def test_the_service_refuses_past_the_daily_limit_too(settings, pa_profile):
    settings.REFERENCE_REQUESTS_PER_DAY = 1
    send = dict(referee_name="Pat", relationship="employer", note="", by=pa_profile.user)
    reference_request_send(profile=pa_profile, referee_email="one@example.org", **send)

    with pytest.raises(EvidenceError, match="You can send another after"):
        reference_request_send(profile=pa_profile, referee_email="two@example.org", **send)


def test_the_form_says_how_many_requests_a_day_are_allowed(client_for, pa):
    html = client_for(pa).get(REQUEST_URL).content.decode()

    assert "You can send up to 5 requests in 24 hours, including any you withdraw." in html


def test_the_note_is_never_in_the_subject_and_is_quoted_as_the_pas_own_words(
    client_for, pa_profile, django_capture_on_commit_callbacks
):
    note = "URGENT: your PA Hub account is locked.\nSign in at https://evil.example.net/ now"

    ask(client_for(pa_profile.user), django_capture_on_commit_callbacks, note=note)

    [message] = mail.outbox
    assert message.subject == "[PA Hub] Jordan Reed has asked you for a reference"
    assert "URGENT" not in message.subject
    assert (
        "Jordan Reed wrote this note to you. These are their own words, not PA Hub's:\n\n"
        "> URGENT: your PA Hub account is locked.\n"
        "> Sign in at https://evil.example.net/ now\n"
    ) in message.body
    # No line of the note stands on its own as if PA Hub had written it.
    assert "\nSign in at https://evil" not in message.body
