"""Representatives: asked for by the representative, agreed or declined by the employer."""

import pytest
from django.urls import reverse

from pahub.accounts.models import Representation, Role, User
from pahub.core.models import AuditEvent
from pahub.employers.permissions import can_act_for_employer


def ask_to_act_for(client, employer_email: str = "employer@example.org", relationship="son"):
    return client.post(
        reverse("accounts:representation_request"),
        {"employer_email": employer_email, "relationship": relationship},
    )


@pytest.fixture
def pas_request(client_for, pa, employer) -> Representation:
    """Jordan (a PA who is also Amira's son) has asked to act for Amira."""
    ask_to_act_for(client_for(pa))
    return Representation.objects.get(representative=pa)


def answer(client, representation: Representation, decision: str):
    return client.post(
        reverse("accounts:representation_answer", args=[representation.pk]),
        {"decision": decision},
    )


def test_request_is_saved_waiting_and_gives_the_representative_role(client_for, pa, employer):
    response = ask_to_act_for(client_for(pa))

    assert response.status_code == 302
    assert response.url == reverse("accounts:home")
    representation = Representation.objects.get(representative=pa)
    assert (representation.employer, representation.status) == (employer, "requested")
    assert representation.relationship == "son"
    assert User.objects.get(pk=pa.pk).role_set == {Role.PA, Role.REPRESENTATIVE}
    assert AuditEvent.objects.filter(action="representation.requested", actor=pa).exists()


def test_representative_cannot_act_before_the_employer_agrees(pas_request, pa, employer):
    assert not can_act_for_employer(pa, employer)


def test_employer_sees_the_request_in_their_account(client_for, pas_request, employer):
    response = client_for(employer).get(reverse("accounts:home"))

    content = response.content.decode()
    assert "Jordan Reed" in content
    assert reverse("accounts:representation_answer", args=[pas_request.pk]) in content


def test_employer_agreeing_makes_the_grant_active_and_audited(
    client_for, pas_request, pa, employer
):
    response = answer(client_for(employer), pas_request, "agree")

    assert response.status_code == 302
    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.ACTIVE
    assert pas_request.granted_by == employer
    assert pas_request.granted_on_behalf_note == ""
    event = AuditEvent.objects.get(action="representation.granted")
    assert (event.actor, event.detail["on_behalf"]) == (employer, False)
    assert can_act_for_employer(pa, employer)


def test_employer_declining_means_the_representative_never_acts(
    client_for, pas_request, pa, employer
):
    answer(client_for(employer), pas_request, "decline")

    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.DECLINED
    assert AuditEvent.objects.filter(action="representation.declined", actor=employer).exists()
    assert not can_act_for_employer(pa, employer)


def test_answering_twice_is_refused_with_a_message(client_for, pas_request, employer):
    client = client_for(employer)
    answer(client, pas_request, "decline")

    response = answer(client, pas_request, "agree")

    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.DECLINED
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Only a request that is waiting can be agreed." in messages


@pytest.mark.parametrize("person", ["outsider", "pa", "representative"])
def test_nobody_but_the_employer_can_answer_a_request(client_for, request, pas_request, person):
    response = answer(client_for(request.getfixturevalue(person)), pas_request, "agree")

    assert response.status_code == 404
    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.REQUESTED


@pytest.mark.parametrize("decision", ["", "maybe"])
def test_an_answer_that_is_neither_agree_nor_decline_changes_nothing(
    client_for, pas_request, employer, decision
):
    answer(client_for(employer), pas_request, decision)

    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.REQUESTED


def test_answering_needs_a_post(client_for, pas_request, employer):
    url = reverse("accounts:representation_answer", args=[pas_request.pk])

    assert client_for(employer).get(url).status_code == 405


def test_anonymous_visitor_answering_is_sent_to_sign_in(client, pas_request):
    response = answer(client, pas_request, "agree")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("side", ["employer", "representative"])
def test_either_side_can_end_an_active_grant(client_for, request, employer, representative, side):
    grant = Representation.objects.get(representative=representative)

    client_for(request.getfixturevalue(side)).post(
        reverse("accounts:representation_end", args=[grant.pk])
    )

    grant.refresh_from_db()
    assert grant.status == Representation.Status.REVOKED
    assert grant.ended_at is not None
    assert AuditEvent.objects.filter(action="representation.ended").exists()
    assert not can_act_for_employer(representative, employer)


def test_outsider_ending_someone_elses_grant_gets_404(client_for, outsider, representative):
    grant = Representation.objects.get(representative=representative)

    response = client_for(outsider).post(reverse("accounts:representation_end", args=[grant.pk]))

    assert response.status_code == 404
    grant.refresh_from_db()
    assert grant.status == Representation.Status.ACTIVE


def test_representative_can_withdraw_a_request_that_is_still_waiting(client_for, pas_request, pa):
    client_for(pa).post(reverse("accounts:representation_end", args=[pas_request.pk]))

    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.REVOKED
    assert AuditEvent.objects.filter(action="representation.ended", actor=pa).exists()


def test_representative_sees_how_to_withdraw_a_waiting_request(client_for, pas_request, pa):
    response = client_for(pa).get(reverse("accounts:home"))

    content = response.content.decode()
    assert reverse("accounts:representation_end", args=[pas_request.pk]) in content
    assert "Withdraw request" in content


def test_employer_declines_rather_than_ends_a_waiting_request(client_for, pas_request, employer):
    response = client_for(employer).post(
        reverse("accounts:representation_end", args=[pas_request.pk]), follow=True
    )

    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.REQUESTED
    assert "Only an active representative can be ended." in response.content.decode()


def test_a_declined_request_cannot_be_ended(client_for, pas_request, pa, employer):
    answer(client_for(employer), pas_request, "decline")

    client_for(pa).post(reverse("accounts:representation_end", args=[pas_request.pk]))

    pas_request.refresh_from_db()
    assert pas_request.status == Representation.Status.DECLINED


@pytest.mark.parametrize(
    ("employer_email", "message"),
    [
        ("nobody@example.org", "We could not find an employer with that email address."),
        ("other.pa@example.org", "We could not find an employer with that email address."),
        ("not-an-email", "Enter an email address in the right format, like name@example.com"),
        ("", "Enter the employer&#x27;s email address"),
    ],
    ids=["unknown", "not-an-employer", "malformed", "blank"],
)
def test_request_for_someone_who_is_not_an_employer_shows_why_beside_the_field(
    client_for, pa, other_pa, employer_email, message
):
    response = ask_to_act_for(client_for(pa), employer_email=employer_email)

    assert response.status_code == 200
    content = response.content.decode()
    assert '<p id="id_employer_email-error" class="govuk-error-message">' in content
    assert message in content
    assert f'value="{employer_email}"' in content or not employer_email
    assert not Representation.objects.filter(representative=pa).exists()


def test_asking_twice_for_the_same_employer_is_refused(client_for, pas_request, pa):
    response = ask_to_act_for(client_for(pa))

    assert "You have already asked to act for this employer." in response.content.decode()
    assert Representation.objects.filter(representative=pa).count() == 1


def test_employer_cannot_ask_to_represent_themselves(client_for, employer):
    response = ask_to_act_for(client_for(employer))

    assert "You cannot act as your own representative." in response.content.decode()


def test_missing_relationship_is_asked_for(client_for, pa, employer):
    response = ask_to_act_for(client_for(pa), relationship="")

    assert "Say how you are related to them" in response.content.decode()
    assert 'value="employer@example.org"' in response.content.decode()
