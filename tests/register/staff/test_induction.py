"""Staff record that a PA completed the induction course, from the PA's staff page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import Evidence, InductionCompletion
from tests.register.verification.fixtures import make_entry_level, today, verified

EVIDENCE = "Care Skills Ltd certificate dated 4 May 2026, original seen"


def url(profile) -> str:
    return reverse("register_staff:induction", args=[profile.pk])


def d(day) -> str:
    return f"{day.day} {day.month} {day.year}"


def test_anonymous_visitors_are_sent_to_sign_in(client, pa_profile):
    response = client.post(url(pa_profile), {"completed_on": d(today()), "evidence_note": EVIDENCE})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "member"])
def test_pas_employers_and_plain_members_cannot_record_it(client_for, person, request, pa_profile):
    response = client_for(request.getfixturevalue(person)).post(
        url(pa_profile), {"completed_on": d(today()), "evidence_note": EVIDENCE}
    )

    assert response.status_code == 403
    assert not InductionCompletion.objects.exists()


def test_a_verifier_of_another_area_gets_404(client_for, durham_verifier, pa_profile):
    response = client_for(durham_verifier).post(
        url(pa_profile), {"completed_on": d(today()), "evidence_note": EVIDENCE}
    )

    assert response.status_code == 404


def test_a_verifier_records_it_and_the_level_is_recomputed(
    client_for, verifier, organisation, pa_profile, code_version
):
    make_entry_level(pa_profile, code_version)
    verified(pa_profile, Evidence.Kind.DBS, expires_on=today() + timedelta(days=300))
    completed = today() - timedelta(days=3)

    response = client_for(verifier).post(
        url(pa_profile), {"completed_on": d(completed), "evidence_note": EVIDENCE}
    )

    assert response.status_code == 302
    completion = InductionCompletion.objects.get(user=pa_profile.user)
    assert (completion.completed_on, completion.recorded_by, completion.organisation) == (
        completed,
        verifier,
        organisation,
    )
    event = AuditEvent.objects.get(action="induction.recorded")
    assert event.actor == verifier
    assert event.detail["organisation"] == organisation.name
    pa_profile.refresh_from_db()
    assert pa_profile.level == 2


def test_a_date_in_the_future_is_refused_beside_the_field_and_kept(
    client_for, verifier, pa_profile
):
    tomorrow = today() + timedelta(days=1)

    response = client_for(verifier).post(
        url(pa_profile), {"completed_on": d(tomorrow), "evidence_note": EVIDENCE}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_completed_on-error"' in html
    assert f'value="{d(tomorrow)}"' in html
    assert not InductionCompletion.objects.exists()


def test_recording_again_changes_the_date(client_for, verifier, pa_profile):
    client = client_for(verifier)
    client.post(
        url(pa_profile), {"completed_on": d(today() - timedelta(days=9)), "evidence_note": EVIDENCE}
    )
    client.post(url(pa_profile), {"completed_on": d(today()), "evidence_note": EVIDENCE})

    assert InductionCompletion.objects.get().completed_on == today()
    assert AuditEvent.objects.filter(action="induction.recorded").count() == 2


def test_an_induction_done_elsewhere_needs_the_evidence_staff_saw(client_for, verifier, pa_profile):
    response = client_for(verifier).post(
        url(pa_profile), {"completed_on": d(today()), "evidence_note": ""}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Say what evidence of the induction you saw" in html
    assert 'id="id_evidence_note-error"' in html
    assert f'value="{today().day}"' in html or d(today()) in html
    assert not InductionCompletion.objects.exists()


def test_the_evidence_is_kept_and_shown_on_the_staff_page(client_for, verifier, pa_profile):
    client = client_for(verifier)
    client.post(url(pa_profile), {"completed_on": d(today()), "evidence_note": EVIDENCE})

    assert InductionCompletion.objects.get().evidence_note == EVIDENCE
    page = client.get(reverse("register_staff:profile", args=[pa_profile.pk])).content.decode()
    assert "Evidence seen: Care Skills Ltd certificate dated 4 May 2026" in page


def test_the_staff_page_shows_an_induction_done_on_pa_hub_with_its_checkable_code(
    client_for, verifier, pa_profile
):
    InductionCompletion.objects.create(
        user=pa_profile.user,
        completed_on=today(),
        source="induction course on PA Hub",
        certificate_code="ABCD2345",
    )
    page = client_for(verifier).get(reverse("register_staff:profile", args=[pa_profile.pk]))
    html = page.content.decode()
    assert "Completed PA Hub's induction course" in html
    assert f"{reverse('learning:verify')}?code=ABCD2345" in html
