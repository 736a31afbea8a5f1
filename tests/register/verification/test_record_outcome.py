"""Opening evidence and recording what a verifier found: /staff/register/verification/<id>/."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.register.levels import add_months
from pahub.register.models import Evidence, VerificationRecord
from pahub.register.verification.services import latest_record_id
from tests.register.verification.fixtures import (
    CERTIFICATE_NUMBER,
    add_evidence,
    add_reference,
    make_entry_level,
    today,
)


def url(evidence: Evidence) -> str:
    return reverse("register_staff:evidence", args=[evidence.pk])


def post(client, evidence: Evidence, **data):
    data.setdefault("seen_record", latest_record_id(evidence))
    return client.post(url(evidence), data)


def d(day) -> str:
    return f"{day.day} {day.month} {day.year}"


# Who may open evidence


def test_anonymous_visitors_are_sent_to_sign_in(client, dbs_evidence):
    response = client.get(url(dbs_evidence))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "member"])
def test_pas_employers_and_plain_members_are_refused(client_for, person, request, dbs_evidence):
    client = client_for(request.getfixturevalue(person))

    assert client.get(url(dbs_evidence)).status_code == 403
    assert post(client, dbs_evidence, outcome="verified", saw_original="on").status_code == 403
    dbs_evidence.refresh_from_db()
    assert dbs_evidence.status == Evidence.Status.AWAITING


def test_a_verifier_of_another_area_gets_404(client_for, durham_verifier, dbs_evidence):
    client = client_for(durham_verifier)

    assert client.get(url(dbs_evidence)).status_code == 404
    assert post(client, dbs_evidence, outcome="verified", saw_original="on").status_code == 404


def test_staff_without_two_factor_are_sent_to_set_it_up(
    client_for, verifier_without_two_factor, dbs_evidence
):
    response = client_for(verifier_without_two_factor).get(url(dbs_evidence))

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_the_page_shows_the_details_and_the_opening_is_audited(client_for, verifier, dbs_evidence):
    response = client_for(verifier).get(url(dbs_evidence))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert CERTIFICATE_NUMBER in html
    assert "Enhanced with adults&#x27; barred list" in html
    assert "I saw the original paper certificate in person" in html
    assert "Nobody has checked this yet." in html
    assert AuditEvent.objects.filter(
        action="record.viewed", actor=verifier, target_id=str(dbs_evidence.pk)
    ).exists()


def test_status_check_questions_appear_only_with_update_service_and_consent(
    client_for, verifier, dbs_evidence, update_service_dbs
):
    client = client_for(verifier)

    assert "status_checked_on" not in client.get(url(dbs_evidence)).content.decode()
    assert "status_checked_on" in client.get(url(update_service_dbs)).content.decode()


def test_a_reference_shows_the_referees_answers(client_for, verifier, pa_profile):
    reference = add_reference(pa_profile)

    html = client_for(verifier).get(url(reference)).content.decode()

    assert "Rita Referee" in html
    assert "Jordan supported my mother with personal care." in html
    assert "Always on time." in html
    assert "saw_original" not in html


def test_an_uploaded_document_is_named_even_before_the_download_page_exists(
    client_for, verifier, pa_profile
):
    evidence = add_evidence(
        pa_profile,
        Evidence.Kind.QUALIFICATION,
        title="Level 2 Diploma in Care",
        document="register/evidence/abc.pdf",
        document_name="diploma.pdf",
    )

    html = client_for(verifier).get(url(evidence)).content.decode()

    assert "diploma.pdf" in html


# Recording outcomes


def test_verifying_a_dbs_certificate_records_it_and_sets_its_expiry(
    client_for, verifier, organisation, dbs_evidence
):
    response = post(client_for(verifier), dbs_evidence, outcome="verified", saw_original="on")

    assert response.status_code == 302
    assert response.url == reverse("register_staff:queue")
    dbs_evidence.refresh_from_db()
    assert dbs_evidence.status == Evidence.Status.VERIFIED
    assert dbs_evidence.verified_by == verifier
    assert dbs_evidence.verified_by_organisation == organisation
    # 36 months from issue, the default rule.
    issued = dbs_evidence.dbs_issue_date
    assert dbs_evidence.expires_on == add_months(issued, 36)
    record = VerificationRecord.objects.get(evidence=dbs_evidence)
    assert (record.outcome, record.saw_original, record.by) == ("verified", True, verifier)
    event = AuditEvent.objects.get(action="evidence.verified")
    assert event.actor == verifier
    assert event.detail["organisation"] == organisation.name
    assert event.detail["kind"] == "dbs"


def test_the_pa_is_emailed_without_sensitive_details(
    client_for, verifier, dbs_evidence, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client_for(verifier), dbs_evidence, outcome="verified", saw_original="on")

    [message] = mail.outbox
    assert message.to == ["pa@example.org"]
    assert "checked and verified" in message.subject
    assert CERTIFICATE_NUMBER not in message.body
    assert "/register/evidence/" in message.body


def test_verifying_entry_level_evidence_recomputes_the_level(
    client_for, verifier, pa_profile, code_version
):
    make_entry_level(pa_profile, code_version)
    identity = pa_profile.evidence.get(kind=Evidence.Kind.IDENTITY)

    post(client_for(verifier), identity, outcome="verified", saw_original="on")

    pa_profile.refresh_from_db()
    assert pa_profile.level == 1
    assert pa_profile.level_computed_at is not None


def test_rejecting_without_a_reason_keeps_what_was_typed_and_shows_the_error_beside_the_field(
    client_for, verifier, identity_evidence
):
    response = post(client_for(verifier), identity_evidence, outcome="rejected", reason="  ")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_reason-error"' in html
    assert "Say why the evidence was not accepted" in html
    assert 'value="rejected" checked' in html
    identity_evidence.refresh_from_db()
    assert identity_evidence.status == Evidence.Status.AWAITING
    assert not VerificationRecord.objects.exists()


def test_asking_for_more_information_needs_a_reason_which_the_pa_sees(
    client_for, verifier, identity_evidence, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(verifier)
    missing = post(client, identity_evidence, outcome="needs_more")
    with django_capture_on_commit_callbacks(execute=True):
        done = post(
            client,
            identity_evidence,
            outcome="needs_more",
            reason="Please bring your passport to the drop-in.",
        )

    assert "Say what more information is needed" in missing.content.decode()
    assert done.status_code == 302
    identity_evidence.refresh_from_db()
    assert identity_evidence.status == Evidence.Status.NEEDS_MORE
    assert identity_evidence.outcome_reason == "Please bring your passport to the drop-in."
    assert AuditEvent.objects.filter(action="evidence.needs_more").count() == 1
    [message] = mail.outbox
    assert "passport" not in message.body


def test_rejecting_with_a_reason_is_recorded_and_audited(client_for, verifier, identity_evidence):
    post(
        client_for(verifier),
        identity_evidence,
        outcome="rejected",
        reason="The name on the document is different.",
    )

    identity_evidence.refresh_from_db()
    assert identity_evidence.status == Evidence.Status.REJECTED
    assert AuditEvent.objects.filter(action="evidence.rejected", actor=verifier).exists()


def test_a_dbs_certificate_cannot_be_verified_without_seeing_the_original_in_person(
    client_for, verifier, dbs_evidence
):
    response = post(client_for(verifier), dbs_evidence, outcome="verified", reason="Looked fine")

    html = response.content.decode()
    assert 'id="id_saw_original-error"' in html
    assert "Copies, photos and video calls are not allowed" in html
    assert "Looked fine" in html
    dbs_evidence.refresh_from_db()
    assert dbs_evidence.status == Evidence.Status.AWAITING


def test_identity_cannot_be_verified_without_seeing_the_original_document(
    client_for, verifier, identity_evidence
):
    response = post(client_for(verifier), identity_evidence, outcome="verified")

    assert "Confirm that you saw the original document" in response.content.decode()


def test_a_status_check_date_in_the_future_is_refused_beside_the_field(
    client_for, verifier, update_service_dbs
):
    tomorrow = today() + timedelta(days=1)

    response = post(
        client_for(verifier),
        update_service_dbs,
        outcome="verified",
        saw_original="on",
        status_checked_on=d(tomorrow),
        status_check_result="no_new_information",
    )

    html = response.content.decode()
    assert 'id="id_status_checked_on-error"' in html
    assert "must be today or in the past" in html
    assert f'value="{d(tomorrow)}"' in html
    update_service_dbs.refresh_from_db()
    assert update_service_dbs.status == Evidence.Status.AWAITING


def test_a_status_check_before_the_certificate_was_issued_is_refused(
    client_for, verifier, update_service_dbs
):
    before = update_service_dbs.dbs_issue_date - timedelta(days=1)

    response = post(
        client_for(verifier),
        update_service_dbs,
        outcome="verified",
        saw_original="on",
        status_checked_on=d(before),
        status_check_result="no_new_information",
    )

    assert "on or after the certificate" in response.content.decode()


def test_a_date_that_is_not_a_real_date_is_refused(client_for, verifier, update_service_dbs):
    response = post(
        client_for(verifier),
        update_service_dbs,
        outcome="verified",
        saw_original="on",
        status_checked_on="31 2 2026",
        status_check_result="no_new_information",
    )

    assert "Enter a real date" in response.content.decode()


def test_a_clear_status_check_keeps_an_old_certificate_counting_for_12_months(
    client_for, verifier, update_service_dbs, pa_profile
):
    checked = today() - timedelta(days=10)

    response = post(
        client_for(verifier),
        update_service_dbs,
        outcome="verified",
        saw_original="on",
        status_checked_on=d(checked),
        status_check_result="no_new_information",
    )

    assert response.status_code == 302
    update_service_dbs.refresh_from_db()
    assert update_service_dbs.status == Evidence.Status.VERIFIED
    assert update_service_dbs.status_checked_on == checked
    assert update_service_dbs.expires_on == checked + timedelta(days=365)


def test_an_old_certificate_without_a_status_check_is_refused_with_what_to_do(
    client_for, verifier, update_service_dbs
):
    response = post(client_for(verifier), update_service_dbs, outcome="verified", saw_original="on")

    html = response.content.decode()
    assert "older than this area allows (36 months)" in html
    assert "Record a new Update Service status check" in html


def test_a_status_check_with_new_information_cannot_verify(
    client_for, verifier, update_service_dbs
):
    response = post(
        client_for(verifier),
        update_service_dbs,
        outcome="verified",
        saw_original="on",
        status_checked_on=d(today()),
        status_check_result="new_information",
    )

    html = response.content.decode()
    assert 'id="id_status_check_result-error"' in html
    assert "a new DBS check is needed" in html
    update_service_dbs.refresh_from_db()
    assert update_service_dbs.status == Evidence.Status.AWAITING


def test_a_status_check_with_new_information_can_be_recorded_as_not_accepted(
    client_for, verifier, update_service_dbs
):
    response = post(
        client_for(verifier),
        update_service_dbs,
        outcome="rejected",
        reason="The Update Service says there is new information. Please apply for a new check.",
        status_checked_on=d(today()),
        status_check_result="new_information",
    )

    assert response.status_code == 302
    update_service_dbs.refresh_from_db()
    assert update_service_dbs.status == Evidence.Status.REJECTED
    assert update_service_dbs.status_check_result == "new_information"


def test_an_unanswered_reference_cannot_be_verified(client_for, verifier, pa_profile):
    reference = add_reference(pa_profile, answered=False)

    response = post(client_for(verifier), reference, outcome="verified")

    assert "The referee has not given a reference yet" in response.content.decode()


def test_an_answered_reference_can_be_verified(client_for, verifier, pa_profile):
    reference = add_reference(pa_profile)

    response = post(client_for(verifier), reference, outcome="verified")

    assert response.status_code == 302
    reference.refresh_from_db()
    assert reference.status == Evidence.Status.VERIFIED


def test_a_second_verifier_working_from_an_old_page_is_told_someone_else_recorded_it(
    client_for, verifier, org_admin, identity_evidence
):
    seen = latest_record_id(identity_evidence)
    post(client_for(org_admin), identity_evidence, outcome="verified", saw_original="on")

    response = client_for(verifier).post(
        url(identity_evidence),
        {"outcome": "rejected", "reason": "Blurred", "seen_record": seen},
    )

    assert "Someone else recorded an outcome" in response.content.decode()
    identity_evidence.refresh_from_db()
    assert identity_evidence.status == Evidence.Status.VERIFIED
    assert VerificationRecord.objects.count() == 1


def test_withdrawn_evidence_has_no_form(client_for, verifier, pa_profile):
    withdrawn = add_evidence(pa_profile, Evidence.Kind.IDENTITY, status=Evidence.Status.WITHDRAWN)

    response = client_for(verifier).get(url(withdrawn))
    refused = post(client_for(verifier), withdrawn, outcome="verified", saw_original="on")

    assert response.context["form"] is None
    assert "nothing to check" in response.content.decode()
    withdrawn.refresh_from_db()
    assert withdrawn.status == Evidence.Status.WITHDRAWN
    assert refused.status_code == 200


def test_the_history_lists_every_check(client_for, verifier, identity_evidence):
    client = client_for(verifier)
    post(client, identity_evidence, outcome="needs_more", reason="Bring your passport.")
    identity_evidence.refresh_from_db()
    post(client, identity_evidence, outcome="verified", saw_original="on")

    html = client.get(url(identity_evidence)).content.decode()

    assert "Bring your passport." in html
    assert html.count("Val Checker") == 2
    assert timezone.localdate().strftime("%Y") in html
