"""An employer is told by email when staff record their agreement, sees it in My account and
withdraws it there; from then on the organisation's staff cannot act for them, on pages or
through the API, and the staff see that it was withdrawn."""

import json

import pytest
from django.urls import reverse

from pahub.accounts.models import OrganisationConsent
from pahub.core.models import AuditEvent
from pahub.employers.services import help_consent_record
from tests.factories import make_job

HOME = reverse("accounts:home")


def withdraw_url(consent: OrganisationConsent) -> str:
    return reverse("accounts:consent_withdraw", args=[consent.pk])


@pytest.fixture
def consent(helping_staff) -> OrganisationConsent:
    return OrganisationConsent.objects.get()


def test_the_employer_is_emailed_when_staff_record_their_agreement(
    employer, organisation, verifier, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        help_consent_record(
            employer=employer,
            organisation=organisation,
            by=verifier,
            how_given="In person at the drop-in on 3 March.",
        )

    [email] = mailoutbox
    assert email.to == ["employer@example.org"]
    assert "Newcastle Independent Living can now help you" in email.subject
    body = email.body
    assert "Val Checker at Newcastle Independent Living" in body
    assert "post and change jobs, message PAs and arrange cover for you" in body
    assert "In person at the drop-in on 3 March." in body
    assert "withdraw your agreement at any time" in body
    assert "/my-account/#consents" in body


def test_nothing_is_emailed_when_recording_fails(employer, organisation, verifier, mailoutbox):
    with pytest.raises(ValueError):
        help_consent_record(employer=employer, organisation=organisation, by=verifier, how_given="")

    assert mailoutbox == []


def test_my_account_lists_the_agreement_with_who_recorded_it(client_for, employer, consent):
    content = client_for(employer).get(HOME).content.decode()

    assert "Organisations that can help you" in content
    assert "Newcastle Independent Living" in content
    assert "by Val Checker" in content
    assert "In person at the drop-in on 3 March." in content
    assert f'href="{withdraw_url(consent)}"' in content


def test_someone_with_no_agreements_sees_no_section(client_for, pa):
    assert "Organisations that can help you" not in client_for(pa).get(HOME).content.decode()


def test_withdrawing_asks_first_and_changes_nothing_until_confirmed(client_for, employer, consent):
    response = client_for(employer).get(withdraw_url(consent))

    content = response.content.decode()
    assert "Are you sure you want to withdraw Newcastle Independent Living" in content
    assert "Withdraw my agreement" in content
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawing_takes_effect_is_audited_and_the_staff_member_is_told(
    client_for, employer, consent, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(employer).post(withdraw_url(consent))

    assert response.status_code == 302 and response.url == HOME + "#consents"
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    event = AuditEvent.objects.get(action="organisation_consent.withdrawn_by_person")
    assert (event.actor, event.target_id) == (employer, str(employer.pk))
    assert event.detail["organisation"] == "Newcastle Independent Living"
    [email] = [m for m in mailoutbox if m.to == ["verifier@example.org"]]
    assert "Amira Khan withdrew their agreement" in email.subject
    assert "cannot act for them on PA Hub as an employer" in email.body
    page = client_for(employer).get(HOME).content.decode()
    assert "Withdrawn" in page
    assert f'href="{withdraw_url(consent)}"' not in page


def test_after_withdrawal_staff_pages_refuse_to_act_for_the_employer(
    client_for, employer, helping_staff, consent, employer_profile
):
    staff = client_for(helping_staff)
    overview = reverse("employer:profile", args=[employer.pk])
    assert staff.get(overview).status_code == 200

    client_for(employer).post(withdraw_url(consent))

    assert staff.get(overview).status_code in (403, 404)
    assert "Amira Khan" not in staff.get(reverse("employer:home")).content.decode()


def test_after_withdrawal_the_api_refuses_to_act_for_the_employer(
    client_for, employer, helping_staff, consent, employer_profile
):
    staff = client_for(helping_staff)
    job = make_job(employer, status="draft", published_at=None)

    def change_title(title: str):
        return staff.patch(
            f"/api/v1/employer/jobs/{job.pk}",
            data=json.dumps({"title": title}),
            content_type="application/json",
        )

    assert change_title("Before").status_code == 200

    client_for(employer).post(withdraw_url(consent))

    assert change_title("After").status_code in (403, 404)
    created = staff.post(
        "/api/v1/employer/jobs",
        data=json.dumps({"employer_id": employer.pk, "title": "New"}),
        content_type="application/json",
    )
    assert created.status_code == 404


def test_the_organisations_staff_see_it_was_withdrawn(client_for, employer, helping_staff, consent):
    client_for(employer).post(withdraw_url(consent))

    content = client_for(helping_staff).get(reverse("staff_employers:employer", args=[employer.pk]))

    assert "Withdrawn" in content.content.decode()


@pytest.mark.parametrize("person", ["pa", "helping_staff", "representative"])
def test_nobody_else_can_see_or_withdraw_the_agreement(client_for, request, person, consent):
    client = client_for(request.getfixturevalue(person))

    assert client.get(withdraw_url(consent)).status_code == 404
    assert client.post(withdraw_url(consent)).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_visitors_are_sent_to_sign_in(client, consent):
    for method in (client.get, client.post):
        response = method(withdraw_url(consent))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawing_twice_changes_nothing_more(client_for, employer, consent):
    client = client_for(employer)
    client.post(withdraw_url(consent))

    response = client.post(withdraw_url(consent))

    assert response.status_code == 302
    assert AuditEvent.objects.filter(action__startswith="organisation_consent.").count() == 1
