"""Staff record that a PA completed the induction course, from the PA's staff page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import Evidence, InductionCompletion
from tests.register.verification.fixtures import make_entry_level, today, verified


def url(profile) -> str:
    return reverse("register_staff:induction", args=[profile.pk])


def d(day) -> str:
    return f"{day.day} {day.month} {day.year}"


def test_anonymous_visitors_are_sent_to_sign_in(client, pa_profile):
    response = client.post(url(pa_profile), {"completed_on": d(today())})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "member"])
def test_pas_employers_and_plain_members_cannot_record_it(client_for, person, request, pa_profile):
    response = client_for(request.getfixturevalue(person)).post(
        url(pa_profile), {"completed_on": d(today())}
    )

    assert response.status_code == 403
    assert not InductionCompletion.objects.exists()


def test_a_verifier_of_another_area_gets_404(client_for, durham_verifier, pa_profile):
    response = client_for(durham_verifier).post(url(pa_profile), {"completed_on": d(today())})

    assert response.status_code == 404


def test_a_verifier_records_it_and_the_level_is_recomputed(
    client_for, verifier, organisation, pa_profile, code_version
):
    make_entry_level(pa_profile, code_version)
    verified(pa_profile, Evidence.Kind.DBS, expires_on=today() + timedelta(days=300))
    completed = today() - timedelta(days=3)

    response = client_for(verifier).post(url(pa_profile), {"completed_on": d(completed)})

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

    response = client_for(verifier).post(url(pa_profile), {"completed_on": d(tomorrow)})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_completed_on-error"' in html
    assert f'value="{d(tomorrow)}"' in html
    assert not InductionCompletion.objects.exists()


def test_recording_again_changes_the_date(client_for, verifier, pa_profile):
    client = client_for(verifier)
    client.post(url(pa_profile), {"completed_on": d(today() - timedelta(days=9))})
    client.post(url(pa_profile), {"completed_on": d(today())})

    assert InductionCompletion.objects.get().completed_on == today()
    assert AuditEvent.objects.filter(action="induction.recorded").count() == 2
