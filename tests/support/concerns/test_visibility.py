"""Who may read a concern: the safeguarding staff of its council and site administrators.
Everyone else gets 404, above all the person it is about."""

import pytest
from django.test import Client
from django.urls import reverse

from pahub.accounts.models import Membership
from pahub.core.models import AuditEvent
from pahub.support.models import Concern
from tests.support.concerns.conftest import make_concern, make_safeguarder

ALLOWED = {"safeguarder", "admin"}
EVERYONE = [
    "safeguarder",
    "durham_safeguarder",
    "council_colleague",
    "admin",
    "pa",  # the person it is about
    "employer",  # the person who raised it
    "outsider",
]


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_councils_safeguarding_staff_and_site_admins_read_a_concern(
    request, client_for, concern, who
):
    person = request.getfixturevalue(who)
    response = client_for(person).get(reverse("concerns:detail", args=[concern.pk]))

    assert response.status_code == (200 if who in ALLOWED else 404)
    if who in ALLOWED:
        assert concern.what_happened in response.content.decode()
        assert "Jordan Reed (pa@example.org). They cannot see this concern." in (
            response.content.decode()
        )


@pytest.mark.parametrize("who", EVERYONE)
def test_only_they_may_change_its_status(request, client_for, concern, who):
    person = request.getfixturevalue(who)
    response = client_for(person).post(
        reverse("concerns:detail", args=[concern.pk]), {"status": "acknowledged", "outcome": ""}
    )

    assert response.status_code == (302 if who in ALLOWED else 404)
    concern.refresh_from_db()
    assert concern.status == ("acknowledged" if who in ALLOWED else "received")


@pytest.mark.parametrize("who", EVERYONE)
def test_the_queue_shows_it_only_to_them(request, client_for, concern, who):
    person = request.getfixturevalue(who)
    response = client_for(person).get(reverse("concerns:queue"))

    if who in ALLOWED:
        assert concern.reference in response.content.decode()
    elif who == "durham_safeguarder":
        assert response.status_code == 200
        assert concern.reference not in response.content.decode()
    else:
        assert response.status_code == 404


def test_logged_out_people_are_sent_to_sign_in(concern):
    client = Client()
    for url in (reverse("concerns:detail", args=[concern.pk]), reverse("concerns:queue")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_person_it_is_about_never_reaches_it_even_as_safeguarding_staff(
    client_for, council, pa, concern
):
    Membership.objects.create(user=pa, organisation=council, handles_safeguarding=True)
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.factories import TOTP_SECRET

    TOTP.activate(pa, TOTP_SECRET)
    client = client_for(pa)

    assert client.get(reverse("concerns:detail", args=[concern.pk])).status_code == 404
    assert concern.reference not in client.get(reverse("concerns:queue")).content.decode()
    assert client.get(reverse("api:concern_detail", args=[concern.pk])).status_code == 404


def test_a_site_admin_it_is_about_cannot_read_it(client_for, admin, newcastle):
    concern = make_concern(newcastle, about_user=admin)

    assert client_for(admin).get(reverse("concerns:detail", args=[concern.pk])).status_code == 404


def test_staff_of_a_non_council_organisation_do_not_handle_concerns(
    client_for, organisation, concern
):
    # `organisation` is a support agency working in Newcastle, not the council.
    staff = make_safeguarder(organisation, email="agency@example.org")

    assert client_for(staff).get(reverse("concerns:detail", args=[concern.pk])).status_code == 404


def test_safeguarding_staff_without_two_factor_are_sent_to_set_it_up(client_for, council, concern):
    staff = make_safeguarder(council, email="new@newcastle.example.org")
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=staff).delete()

    response = client_for(staff).get(reverse("concerns:detail", args=[concern.pk]))

    assert response.status_code == 302
    assert "two-factor" in response["Location"] or "totp" in response["Location"]
    assert not AuditEvent.objects.filter(action="record.viewed").exists()


def test_the_raiser_sees_their_own_concerns_and_statuses_but_not_staff_notes(
    client_for, employer, concern, safeguarder
):
    from pahub.support.concerns.services import concern_add_note, concern_set_status

    concern_set_status(
        concern=concern, status="closed", outcome="We visited and he is safe.", by=safeguarder
    )
    concern_add_note(concern=concern, text="Spoke to the bank.", by=safeguarder)

    page = client_for(employer).get(reverse("concerns:mine")).content.decode()

    assert concern.reference in page
    assert "Closed" in page
    assert "We visited and he is safe." in page
    assert "Spoke to the bank." not in page


def test_nobody_sees_anyone_elses_concerns_on_their_own_list(client_for, outsider, pa, concern):
    for person in (outsider, pa):
        page = client_for(person).get(reverse("concerns:mine")).content.decode()
        assert concern.reference not in page


def test_the_queue_query_count_does_not_grow_with_concerns(
    client_for, safeguarder, newcastle, employer, django_assert_max_num_queries
):
    client = client_for(safeguarder)
    make_concern(newcastle, raiser=employer)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("concerns:queue"))
    for _ in range(15):
        make_concern(newcastle, raiser=employer, handled_by=safeguarder)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("concerns:queue"))
    assert response.content.decode().count("SG-") == 16


def test_my_concerns_query_count_does_not_grow(
    client_for, employer, newcastle, django_assert_max_num_queries
):
    client = client_for(employer)
    make_concern(newcastle, raiser=employer)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("concerns:mine"))
    for _ in range(15):
        make_concern(newcastle, raiser=employer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("concerns:mine"))
    assert Concern.objects.count() == 16
