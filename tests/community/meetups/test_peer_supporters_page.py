"""An organisation's admins name PAs and employers peer supporters by email, and end the role;
every change is audited and nobody else can find the page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.learning.models import PeerSupporter
from tests.factories import UserFactory


def page_url(organisation) -> str:
    return reverse("learning:peer_supporters", args=[organisation.pk])


def end_url(organisation, supporter) -> str:
    return reverse("learning:peer_supporter_end", args=[organisation.pk, supporter.pk])


def test_an_admin_names_a_pa_by_email_and_it_is_audited(client_for, user_led, ulo_admin, pa):
    response = client_for(ulo_admin).post(
        page_url(user_led), {"email": "PA@example.org"}, follow=True
    )

    supporter = PeerSupporter.objects.get()
    assert (supporter.user, supporter.organisation, supporter.added_by) == (pa, user_led, ulo_admin)
    page = response.content.decode()
    assert "Jordan Reed is now a peer supporter" in page
    assert "pa@example.org" in page
    event = AuditEvent.objects.get(action="learning.peer_supporter_added")
    assert event.actor == ulo_admin


def test_an_admin_names_an_employer_too(client_for, user_led, ulo_admin, employer):
    client_for(ulo_admin).post(page_url(user_led), {"email": employer.email})
    assert PeerSupporter.objects.get().user == employer


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter the email address of the PA or employer"),
        ("not-an-email", "Enter an email address in the correct format"),
        ("nobody@example.org", "There is no PA or employer with that email address"),
        ("sam@tynesidedpn.example.org", "Only a Personal Assistant or an employer can be"),
    ],
)
def test_bad_emails_are_explained_next_to_the_field_and_kept(
    client_for, user_led, ulo_admin, ulo_staff, email, message
):
    response = client_for(ulo_admin).post(page_url(user_led), {"email": email})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'id="id_email-error"' in page
    assert "govuk-error-summary" in page
    if email:
        assert f'value="{email}"' in page
    assert not PeerSupporter.objects.exists()


def test_naming_someone_twice_says_they_already_are(
    client_for, user_led, ulo_admin, peer_supporter
):
    response = client_for(ulo_admin).post(page_url(user_led), {"email": "priya@example.org"})
    assert "Priya Patel is already a peer supporter" in response.content.decode()
    assert PeerSupporter.objects.count() == 1


def test_an_admin_ends_the_role_and_it_is_audited(client_for, user_led, ulo_admin, peer_supporter):
    response = client_for(ulo_admin).post(end_url(user_led, peer_supporter), follow=True)

    peer_supporter.refresh_from_db()
    assert peer_supporter.ended_at is not None
    assert peer_supporter.ended_by == ulo_admin
    assert "is no longer a peer supporter" in response.content.decode()
    assert AuditEvent.objects.filter(action="learning.peer_supporter_ended").count() == 1
    # Ending twice changes nothing.
    client_for(ulo_admin).post(end_url(user_led, peer_supporter))
    assert AuditEvent.objects.filter(action="learning.peer_supporter_ended").count() == 1


def test_someone_whose_role_ended_can_be_named_again(
    client_for, user_led, ulo_admin, peer_supporter
):
    client = client_for(ulo_admin)
    client.post(end_url(user_led, peer_supporter))
    client.post(page_url(user_led), {"email": "priya@example.org"})
    assert PeerSupporter.objects.filter(ended_at__isnull=True).count() == 1
    assert PeerSupporter.objects.count() == 2


def test_the_page_lists_current_and_ended_peer_supporters(
    client_for, user_led, ulo_admin, peer_supporter, ended_supporter
):
    page = client_for(ulo_admin).get(page_url(user_led)).content.decode()
    assert "Priya Patel" in page
    assert "Evan Ended" in page
    assert "Ended" in page
    assert "govuk-table" in page


def test_a_site_admin_may_name_peer_supporters(client_for, user_led, admin, pa):
    client_for(admin).post(page_url(user_led), {"email": pa.email})
    assert PeerSupporter.objects.get().user == pa


@pytest.mark.parametrize(
    "person", ["ulo_staff", "supporter_pa", "other_ulo_staff", "outsider", "pa"]
)
def test_nobody_else_finds_the_page(request, client_for, user_led, peer_supporter, person):
    client = client_for(request.getfixturevalue(person))
    assert client.get(page_url(user_led)).status_code == 404
    assert client.post(page_url(user_led), {"email": "pa@example.org"}).status_code == 404
    assert client.post(end_url(user_led, peer_supporter)).status_code == 404
    peer_supporter.refresh_from_db()
    assert peer_supporter.ended_at is None


def test_another_organisations_peer_supporter_cannot_be_ended_from_here(
    client_for, user_led, other_user_led, other_ulo_staff, peer_supporter
):
    response = client_for(other_ulo_staff).post(end_url(other_user_led, peer_supporter))
    assert response.status_code == 404


def test_a_support_agency_has_no_peer_supporters_page(client_for, organisation, org_admin):
    assert client_for(org_admin).get(page_url(organisation)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, user_led, peer_supporter):
    for response in (
        client.get(page_url(user_led)),
        client.post(end_url(user_led, peer_supporter)),
    ):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_ending_needs_a_post(client_for, user_led, ulo_admin, peer_supporter):
    assert client_for(ulo_admin).get(end_url(user_led, peer_supporter)).status_code == 405


def test_the_events_page_links_admins_to_their_peer_supporters(
    client_for, user_led, ulo_admin, ulo_staff
):
    link = page_url(user_led)
    assert link in client_for(ulo_admin).get(reverse("learning:event_manage")).content.decode()
    assert link not in client_for(ulo_staff).get(reverse("learning:event_manage")).content.decode()


def test_a_deleted_account_cannot_be_named(client_for, user_led, ulo_admin):
    UserFactory(email="gone@example.org", roles=["pa"], deleted_at=timezone.now())
    response = client_for(ulo_admin).post(page_url(user_led), {"email": "gone@example.org"})
    assert "There is no PA or employer with that email address" in response.content.decode()


def test_a_peer_supporters_roles_are_in_their_data_and_go_when_they_delete_it(
    user_led, peer_supporter, supporter_pa, ulo_admin
):
    from pahub.core.personal_data import registry
    from pahub.learning.personal_data import delete_learning
    from tests.community.meetups.conftest import make_meetup

    meetup = make_meetup(user_led, peer_supporter=peer_supporter)
    exported = registry.export(supporter_pa)["learning"]["peer_supporter_roles"]
    assert exported[0]["organisation"] == "Tyneside Disabled People's Network"

    delete_learning(supporter_pa)
    delete_learning(ulo_admin)
    meetup.refresh_from_db()
    assert meetup.peer_supporter is None
    assert not PeerSupporter.objects.exists()
