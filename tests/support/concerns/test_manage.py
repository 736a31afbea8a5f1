"""A council's admins set its adult safeguarding contact and choose who reads concerns."""

import pytest
from django.urls import reverse

from pahub.accounts.models import Membership
from pahub.core.models import AuditEvent
from pahub.support.concerns.permissions import safeguarding_staff_of

MANAGE = reverse("concerns:manage")
CONTACT = {
    "phone": "0191 498 0789",
    "hours": "Monday to Friday, 8am to 5pm",
    "email": "safeguarding@newcastle.example.org",
    "url": "https://newcastle.example.org/safeguarding",
}


def contact_url(area) -> str:
    return reverse("concerns:manage_contact", args=[area.pk])


def test_a_council_admin_sets_the_contact_and_it_is_audited(client_for, council_admin, newcastle):
    client = client_for(council_admin)
    assert newcastle.name in client.get(MANAGE).content.decode()

    response = client.post(contact_url(newcastle), CONTACT)

    assert response.status_code == 302
    newcastle.refresh_from_db()
    assert newcastle.safeguarding_phone == "0191 498 0789"
    assert newcastle.safeguarding_url == CONTACT["url"]
    event = AuditEvent.objects.get(action="safeguarding_contact.updated")
    assert event.actor == council_admin
    assert event.detail["phone"] == "0191 498 0789"


@pytest.mark.parametrize(
    "who", ["council_colleague", "safeguarder", "org_admin", "durham_safeguarder", "outsider"]
)
def test_anyone_but_its_councils_admins_gets_404(request, client_for, newcastle, who):
    client = client_for(request.getfixturevalue(who))

    assert client.get(contact_url(newcastle)).status_code == 404
    assert client.post(contact_url(newcastle), CONTACT).status_code == 404
    newcastle.refresh_from_db()
    assert newcastle.safeguarding_phone == ""


def test_another_councils_admin_gets_404(client_for, council_admin, durham):
    assert client_for(council_admin).get(contact_url(durham)).status_code == 404


def test_a_site_admin_may_set_any_councils_contact(client_for, admin, durham):
    assert client_for(admin).post(contact_url(durham), CONTACT).status_code == 302


def test_logged_out_people_are_sent_to_sign_in(client, newcastle):
    assert client.get(contact_url(newcastle)).status_code == 302
    assert client.get(MANAGE).status_code == 302


def test_bad_contact_details_are_refused_and_kept(client_for, council_admin, newcastle):
    response = client_for(council_admin).post(
        contact_url(newcastle), CONTACT | {"phone": "call us", "email": "not-an-email"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a phone number" in page
    assert "Enter an email address" in page
    assert "Monday to Friday, 8am to 5pm" in page


def test_the_number_set_is_shown_on_the_form(client_for, council_admin, employer, newcastle):
    client_for(council_admin).post(contact_url(newcastle), CONTACT)

    page = client_for(employer).get(reverse("concerns:new")).content.decode()
    assert "0191 498 0789" in page


# Who reads concerns: on the organisation's staff page.


def toggle_url(council, member) -> str:
    membership = Membership.objects.get(user=member, organisation=council)
    return reverse("staff:member_safeguarding", args=[council.pk, membership.pk])


def test_the_council_admin_switches_on_safeguarding_for_a_colleague(
    client_for, council, council_admin, council_colleague, newcastle
):
    client = client_for(council_admin)
    page = client.get(reverse("staff:organisation", args=[council.pk])).content.decode()
    assert "Reads safeguarding concerns" in page

    response = client.post(toggle_url(council, council_colleague), {"handles_safeguarding": "yes"})

    assert response.status_code == 302
    assert council_colleague in safeguarding_staff_of(newcastle)
    event = AuditEvent.objects.get(action="staff.safeguarding_changed")
    assert event.detail == {"member": council_colleague.email, "handles_safeguarding": True}

    client.post(toggle_url(council, council_colleague), {"handles_safeguarding": "no"})
    assert council_colleague not in safeguarding_staff_of(newcastle)


def test_a_member_who_is_not_an_admin_cannot_switch_it_on(
    client_for, council, council_colleague, safeguarder
):
    response = client_for(council_colleague).post(
        toggle_url(council, council_colleague), {"handles_safeguarding": "yes"}
    )

    assert response.status_code == 404
    assert not Membership.objects.get(user=council_colleague).handles_safeguarding


def test_organisations_that_are_not_councils_have_no_safeguarding_switch(
    client_for, organisation, org_admin, verifier
):
    page = client_for(org_admin).get(reverse("staff:organisation", args=[organisation.pk]))
    assert "Reads safeguarding concerns" not in page.content.decode()

    response = client_for(org_admin).post(
        toggle_url(organisation, verifier), {"handles_safeguarding": "yes"}
    )
    assert response.status_code == 404


def test_the_staff_home_links_to_the_safeguarding_pages_only_for_those_who_may_open_them(
    client_for, safeguarder, council_admin, council_colleague
):
    home = reverse("staff:home")
    queue = f'href="{reverse("concerns:queue")}"'
    manage = f'href="{reverse("concerns:manage")}"'

    reader = client_for(safeguarder).get(home).content.decode()
    admin = client_for(council_admin).get(home).content.decode()
    colleague = client_for(council_colleague).get(home).content.decode()

    assert queue in reader and manage not in reader
    assert manage in admin and queue not in admin
    assert queue not in colleague and manage not in colleague


def test_the_manage_pages_and_forms_with_errors_are_valid_html(
    client_for, council_admin, newcastle
):
    from tests.html_check import html_problems

    client = client_for(council_admin)
    pages = [
        ("manage", client.get(MANAGE).content.decode()),
        ("contact", client.get(contact_url(newcastle)).content.decode()),
        (
            "contact with errors",
            client.post(contact_url(newcastle), CONTACT | {"phone": "x"}).content.decode(),
        ),
    ]

    assert html_problems(pages) == []
