"""The verification queue, /staff/register/verification/, for verifiers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.register.models import Evidence, ExpiryReminder
from tests.register.verification.fixtures import (
    add_evidence,
    add_reference,
    verified,
)

URL = reverse("register_staff:queue")


def listed(response) -> list[int]:
    return [evidence.pk for evidence in response.context["page"]]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer", "member"])
def test_pas_employers_and_plain_members_are_refused(client_for, person, request):
    response = client_for(request.getfixturevalue(person)).get(URL)

    assert response.status_code == 403


def test_verifiers_of_an_organisation_that_does_not_verify_are_refused(
    client_for, verifier, organisation
):
    organisation.verifies_evidence = False
    organisation.save()

    response = client_for(verifier).get(URL)

    assert response.status_code == 403


def test_staff_without_two_factor_are_sent_to_set_it_up(client_for, verifier_without_two_factor):
    response = client_for(verifier_without_two_factor).get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("person", ["verifier", "org_admin"])
def test_verifiers_and_admins_see_evidence_waiting_in_their_areas_oldest_first(
    client_for, person, request, pa_profile, durham_profile
):
    newer = add_evidence(pa_profile, Evidence.Kind.DBS)
    older = add_evidence(pa_profile, Evidence.Kind.IDENTITY)
    Evidence.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))
    add_evidence(durham_profile, Evidence.Kind.DBS)

    response = client_for(request.getfixturevalue(person)).get(URL)

    assert response.status_code == 200
    assert listed(response) == [older.pk, newer.pk]


def test_only_evidence_waiting_or_needing_more_is_listed(client_for, verifier, pa_profile):
    waiting = add_evidence(pa_profile, Evidence.Kind.IDENTITY)
    needs_more = add_evidence(
        pa_profile, Evidence.Kind.RIGHT_TO_WORK, status=Evidence.Status.NEEDS_MORE
    )
    verified(pa_profile, Evidence.Kind.QUALIFICATION)
    add_evidence(pa_profile, Evidence.Kind.DBS, status=Evidence.Status.REJECTED)
    add_evidence(pa_profile, Evidence.Kind.DRIVING_LICENCE, status=Evidence.Status.WITHDRAWN)

    assert sorted(listed(client_for(verifier).get(URL))) == sorted([waiting.pk, needs_more.pk])


def test_references_join_the_queue_only_once_the_referee_has_answered(
    client_for, verifier, pa_profile
):
    answered = add_reference(pa_profile)
    add_reference(pa_profile, answered=False)

    assert listed(client_for(verifier).get(URL)) == [answered.pk]


def test_evidence_of_a_pa_who_chose_the_verifiers_area_is_listed(
    client_for, durham_verifier, pa_profile, durham_profile
):
    mine = add_evidence(pa_profile, Evidence.Kind.IDENTITY)
    pa_profile.visible_in.add(durham_profile.user.local_authority)

    assert listed(client_for(durham_verifier).get(URL)) == [mine.pk]


def test_the_queue_can_be_filtered_by_kind(client_for, verifier, pa_profile):
    dbs = add_evidence(pa_profile, Evidence.Kind.DBS)
    add_evidence(pa_profile, Evidence.Kind.IDENTITY)

    response = client_for(verifier).get(URL, {"kind": "dbs"})

    assert listed(response) == [dbs.pk]


def test_the_queue_is_paginated_by_25(client_for, verifier, pa_profile):
    for _ in range(27):
        add_evidence(pa_profile, Evidence.Kind.QUALIFICATION, title="NVQ")

    first = client_for(verifier).get(URL)
    second = client_for(verifier).get(URL, {"page": 2})

    assert len(listed(first)) == 25
    assert len(listed(second)) == 2


@pytest.mark.parametrize("count", [3, 40])
def test_the_query_count_does_not_grow_with_the_queue(
    client_for, verifier, pa_profile, count, django_assert_max_num_queries
):
    for _ in range(count):
        add_evidence(pa_profile, Evidence.Kind.QUALIFICATION, title="NVQ")
        verified(
            pa_profile,
            Evidence.Kind.DBS,
            expires_on=timezone.localdate() + timedelta(days=30),
        )
    client = client_for(verifier)

    # 16 with the header's unread notifications and the help bar's local support, however
    # long the queue.
    with django_assert_max_num_queries(16):
        response = client.get(URL)

    assert len(listed(response)) == min(count, 25)


def test_expiring_soon_lists_dbs_checks_in_the_area_with_reminders_sent(
    client_for, verifier, pa_profile, durham_profile
):
    soon = verified(
        pa_profile, Evidence.Kind.DBS, expires_on=timezone.localdate() + timedelta(days=10)
    )
    verified(pa_profile, Evidence.Kind.DBS, expires_on=timezone.localdate() + timedelta(days=300))
    verified(
        durham_profile, Evidence.Kind.DBS, expires_on=timezone.localdate() + timedelta(days=10)
    )
    ExpiryReminder.objects.create(
        evidence=soon, reason="dbs_expires_in_14_days", due_on=soon.expires_on
    )

    response = client_for(verifier).get(URL)

    rows = response.context["expiring"]
    assert [(evidence.pk, label) for evidence, label, _ in rows] == [
        (soon.pk, "Expires within 14 days")
    ]
    assert len(rows[0][2]) == 1
    assert "Expiring soon" in response.content.decode()
