"""Organisations manage their own directory entry, /directory/manage/: their staff start and
change it and add services; another organisation's staff get 404, people who are nobody's
staff get 403, and signed-out people are sent to sign in."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.directory.models import Need, Organisation, Service
from pahub.directory.queries import area_choices

GOOD_SERVICE = {
    "name": "Peer support group",
    "kind": "user_led",
    "description": "Meet other people who employ their own PAs.",
    "needs": [Need.PEER_SUPPORT],
    "phone": "0191 498 0110",
    "email": "peers@newcastle-il.example.org",
    "website": "https://newcastle-il.example.org/peers",
    "address": "1 Example Street",
    "town": "Newcastle upon Tyne",
    "postcode": "NE1 4ST",
    "opens_1": "10:00",
    "closes_1": "12pm",
    "languages": "English, British Sign Language",
    "cost": "free",
}


def service_data(**changes):
    data = {**GOOD_SERVICE, **changes}
    return {key: value for key, value in data.items() if value is not None}


def test_staff_start_their_organisations_entry(client_for, org_admin, organisation):
    client = client_for(org_admin)
    assert "Start a directory entry" in client.get(reverse("directory:manage")).content.decode()

    response = client.post(
        reverse("directory:entry_create", args=[organisation.pk]),
        {"name": "Newcastle Independent Living", "description": "We help people employ PAs."},
    )

    assert response.status_code == 302
    entry = Organisation.objects.get(managed_by=organisation)
    assert AuditEvent.objects.filter(action="directory.entry_created", actor=org_admin).exists()
    assert entry.name == "Newcastle Independent Living"


def test_staff_of_another_organisation_cannot_start_its_entry(
    client_for, org_admin, other_organisation
):
    response = client_for(org_admin).get(
        reverse("directory:entry_create", args=[other_organisation.pk])
    )

    assert response.status_code == 404


def test_staff_change_their_entry_and_bad_input_is_kept_beside_the_field(
    client_for, verifier, entry
):
    client = client_for(verifier)
    url = reverse("directory:entry_edit", args=[entry.pk])

    bad = client.post(
        url,
        {"name": "", "description": "Still here", "email": "not-an-email", "website": "ftp:x"},
    )

    assert bad.status_code == 200
    assert bad.context["form"].errors["name"] == ["Enter your organisation's name"]
    assert "correct format" in bad.context["form"].errors["email"][0]
    assert "https://" in bad.context["form"].errors["website"][0]
    assert 'value="not-an-email"' in bad.content.decode()
    assert "Still here" in bad.content.decode()

    good = client.post(url, {"name": "NIL", "description": "We help.", "phone": "0191 498 0100"})

    assert good.status_code == 302
    entry.refresh_from_db()
    assert (entry.name, entry.phone) == ("NIL", "0191 498 0100")
    assert AuditEvent.objects.filter(action="directory.entry_updated").exists()


def test_staff_add_a_service_which_waits_for_approval(client_for, org_admin, entry, client):
    response = client_for(org_admin).post(
        reverse("directory:service_create", args=[entry.pk]), service_data()
    )

    service = Service.objects.get(name="Peer support group")
    assert response.status_code == 302
    assert service.status == Service.Status.PENDING
    assert [hours.day for hours in service.opening_hours.all()] == [1]
    assert service.locations.get().district_id == "NE1"
    assert service.languages == ["English", "British Sign Language"]
    assert AuditEvent.objects.filter(action="directory.service_created", actor=org_admin).exists()
    # Not listed, and hidden from everyone else, until hub staff approve it.
    assert client.get(reverse("directory:service", args=[service.pk])).status_code == 404
    assert (
        client_for(org_admin).get(reverse("directory:service", args=[service.pk])).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name of the service"),
        ({"needs": None}, "needs", "Tick at least one need"),
        ({"kind": ""}, "kind", "Choose the kind"),
        ({"postcode": "nowhere"}, "postcode", "postcode"),
        ({"postcode": ""}, "postcode", "Enter the postcode of the address"),
        ({"opens_1": "teatime"}, "opens_1", "Enter a time of day"),
        ({"closes_1": "9:00"}, "closes_1", "must be after it opens"),
        ({"closes_1": ""}, "closes_1", "Enter when it closes on Tuesday"),
        ({"phone": "call us"}, "phone", "Enter a phone number"),
        ({"areas": ["E99999999"]}, "areas", "Choose council areas"),
        ({"name": "Two\nlines"}, "name", "one line"),
    ],
)
def test_bad_service_input_says_what_is_wrong_and_keeps_the_answers(
    client_for, org_admin, entry, changes, field, message
):
    response = client_for(org_admin).post(
        reverse("directory:service_create", args=[entry.pk]), service_data(**changes)
    )

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Service.objects.exists()
    page = response.content.decode()
    assert "There is a problem" in page
    if field != "name":
        assert 'value="Peer support group"' in page


def test_staff_change_their_approved_service(client_for, org_admin, approved_service):
    url = reverse("directory:service_edit", args=[approved_service.pk])
    client = client_for(org_admin)
    form = client.get(url)
    assert 'value="0191 498 0102"' in form.content.decode()
    newcastle = area_choices().get(name="Newcastle upon Tyne")

    response = client.post(
        url, service_data(name="Advice line", areas=[newcastle.gss_code], postcode="NE2")
    )

    assert response.status_code == 302
    approved_service.refresh_from_db()
    assert approved_service.name == "Advice line"
    assert approved_service.status == Service.Status.APPROVED
    location = approved_service.locations.get()
    assert (location.district_id, location.postcode) == ("NE2", "")


def test_staff_withdraw_their_service(client_for, org_admin, approved_service):
    response = client_for(org_admin).post(
        reverse("directory:service_withdraw", args=[approved_service.pk])
    )

    assert response.status_code == 302
    approved_service.refresh_from_db()
    assert approved_service.status == Service.Status.WITHDRAWN


@pytest.mark.parametrize(
    "name",
    ["entry_edit", "service_create"],
)
def test_staff_of_another_organisation_get_404_for_an_entry(
    client_for, other_entry, org_admin, name
):
    assert (
        client_for(org_admin).get(reverse(f"directory:{name}", args=[other_entry.pk])).status_code
        == 404
    )


@pytest.mark.parametrize("name", ["service_edit", "service_withdraw"])
def test_staff_of_another_organisation_get_404_for_a_service(
    client_for, pending_service, org_admin, name
):
    client = client_for(org_admin)
    url = reverse(f"directory:{name}", args=[pending_service.pk])
    response = client.post(url) if name == "service_withdraw" else client.get(url)
    assert response.status_code == 404
    assert client.get(reverse("directory:service", args=[pending_service.pk])).status_code == 404


def test_people_who_are_nobodys_staff_are_refused(client_for, pa, entry, approved_service):
    client = client_for(pa)

    assert client.get(reverse("directory:manage")).status_code == 403
    assert client.get(reverse("directory:entry_edit", args=[entry.pk])).status_code == 403
    assert (
        client.get(reverse("directory:service_edit", args=[approved_service.pk])).status_code == 403
    )


def test_signed_out_people_are_sent_to_sign_in(client, entry, approved_service):
    for url in (
        reverse("directory:manage"),
        reverse("directory:entry_edit", args=[entry.pk]),
        reverse("directory:service_create", args=[entry.pk]),
        reverse("directory:service_edit", args=[approved_service.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
