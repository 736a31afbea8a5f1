"""Asking for help: routing to the organisations serving the area, bad input kept, national
services when nobody serves the area, and the person's own list."""

import pytest

from pahub.notifications.models import Notice
from pahub.support.help.services import NoHelpInArea
from pahub.support.models import HelpRequest
from tests.support.help.conftest import ask

pytestmark = pytest.mark.django_db

GOOD = {
    "topic": "contract",
    "need": "Can my PA carry holiday over to next year?",
    "contact_by": "messages",
    "phone": "",
    "call_times": "",
}


def test_an_employer_asks_and_every_organisation_serving_the_area_hears(
    employer_profile, org_admin, nell, dan, client_for
):
    response = client_for(employer_profile.user).post("/support/ask/", GOOD)
    help_request = HelpRequest.objects.get()
    assert response.status_code == 302
    assert response.url == f"/support/requests/{help_request.pk}/"
    assert help_request.area.name == "Newcastle upon Tyne"
    assert help_request.status == HelpRequest.Status.WAITING
    told = set(
        Notice.objects.filter(kind="support.help_request_arrived").values_list(
            "recipient__email", flat=True
        )
    )
    assert told == {org_admin.email, nell.email}


def test_a_pa_asks_from_their_home_area(pa, org_admin, client_for):
    client_for(pa).post("/support/ask/", GOOD | {"topic": "problem"})
    assert HelpRequest.objects.get().area.name == "Newcastle upon Tyne"


def test_the_waiting_request_is_in_the_queue_of_every_organisation_serving_the_area(
    help_request, org_admin, nell, dan, client_for
):
    assert (
        help_request.get_topic_display() in client_for(nell).get("/support/queue/").content.decode()
    )
    assert (
        help_request.get_topic_display()
        in client_for(org_admin).get("/support/queue/").content.decode()
    )
    assert "no open requests" in client_for(dan).get("/support/queue/").content.decode()


def test_nobody_serving_the_area_is_said_honestly_with_national_services(other_pa, client_for):
    # Chris lives in County Durham, where no organisation on PA Hub works in this test.
    page = client_for(other_pa).get("/support/ask/").content.decode()
    assert "No support organisation on PA Hub works in County Durham" in page
    assert "https://www.acas.org.uk" in page
    assert "Send my request" not in page
    with pytest.raises(NoHelpInArea):
        ask(other_pa)


def test_bad_input_shows_each_message_and_keeps_what_was_typed(
    employer_profile, org_admin, client_for
):
    response = client_for(employer_profile.user).post(
        "/support/ask/",
        {"topic": "contract", "need": "About holiday pay", "contact_by": "phone", "phone": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter the phone number to call you on" in page
    assert "About holiday pay" in page
    assert HelpRequest.objects.count() == 0


def test_a_missing_topic_is_named(employer_profile, org_admin, client_for):
    page = (
        client_for(employer_profile.user)
        .post("/support/ask/", GOOD | {"topic": ""})
        .content.decode()
    )
    assert "Choose what you need help with" in page
    assert GOOD["need"] in page


def test_someone_with_no_role_may_not_ask(client_for):
    from tests.factories import UserFactory

    nobody = UserFactory(email="nobody@example.org")
    assert client_for(nobody).get("/support/ask/").status_code == 403


def test_signed_out_is_sent_to_sign_in(client):
    assert client.get("/support/ask/").status_code == 302
    assert client.get("/support/requests/").status_code == 302
    assert client.get("/support/queue/").status_code == 302


def test_the_start_page_is_public(client):
    response = client.get("/support/")
    assert response.status_code == 200
    assert "independent help" in response.content.decode()


def test_a_pa_or_employer_may_not_open_the_queue(employer, client_for):
    assert client_for(employer).get("/support/queue/").status_code == 403


def test_a_representative_asks_for_the_employer_they_act_for(
    representative, employer, employer_profile, org_admin, client_for
):
    response = client_for(representative).post(
        "/support/ask/", GOOD | {"for_whom": str(employer.pk)}
    )
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert help_request.on_behalf_of == employer
    assert client_for(employer).get(f"/support/requests/{help_request.pk}/").status_code == 200


def test_my_requests_query_count_does_not_grow(
    employer_profile, org_admin, client_for, django_assert_max_num_queries
):
    amira = employer_profile.user
    client = client_for(amira)
    ask(amira)
    with django_assert_max_num_queries(12) as few:
        client.get("/support/requests/")
    for _ in range(4):
        ask(amira)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/support/requests/")
    assert response.content.decode().count("A question about my contract") == 5


def test_queue_query_count_does_not_grow(
    employer_profile, org_admin, client_for, django_assert_max_num_queries
):
    amira = employer_profile.user
    client = client_for(org_admin)
    ask(amira)
    with django_assert_max_num_queries(20) as few:
        client.get("/support/queue/")
    for _ in range(4):
        ask(amira)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/support/queue/")
    assert "5 requests are waiting" in response.content.decode()


def test_staff_without_a_role_are_not_offered_a_form_they_cannot_use(org_admin, client_for):
    page = client_for(org_admin).get("/support/requests/").content.decode()
    assert "/support/ask/" not in page.split('id="main-content"')[1]
