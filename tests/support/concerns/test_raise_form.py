"""The "Raise a concern" form: 999 and the council's number at once, bad input kept, signed-out
people welcome, and a sensible limit on how many one person or address can raise."""

import pytest
from django.test import Client
from django.urls import reverse

from pahub.support.concerns.services import RAISE_LIMIT
from pahub.support.models import Concern

NEW = reverse("concerns:new")
GOV_UK = "https://www.gov.uk/report-safeguarding-issue"


def answers(council, **changes) -> dict:
    return {
        "area": council.pk,
        "who": "My neighbour, an older woman",
        "what_happened": "I heard shouting and she has bruises.",
        "in_danger": "no",
        "may_contact": "yes",
        "contact_details": "07700 900123, evenings",
        "anonymous": "yes",
    } | changes


def test_the_form_shows_999_and_the_councils_number_at_once(client_for, employer, newcastle):
    newcastle.safeguarding_phone = "0191 498 0789"
    newcastle.safeguarding_hours = "Monday to Friday, 8am to 5pm"
    newcastle.save()

    page = client_for(employer).get(NEW).content.decode()

    assert "If someone is in danger now, call 999." in page
    assert "0191 498 0789" in page
    assert "Monday to Friday, 8am to 5pm" in page
    assert page.index("call 999") < page.index(f'action="{NEW}"')


def test_with_no_number_set_it_shows_999_and_the_gov_uk_route_never_a_guess(client_for, employer):
    page = client_for(employer).get(NEW).content.decode()

    assert "call 999" in page
    assert GOV_UK in page
    assert "Report abuse of an older or vulnerable adult" in page


def test_signed_out_people_can_raise_a_concern(newcastle):
    client = Client()
    assert client.get(NEW).status_code == 200

    response = client.post(NEW, answers(newcastle))

    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.raiser is None
    assert concern.contact_details == "07700 900123, evenings"
    follow = client.get(response["Location"]).content.decode()
    assert concern.reference in follow
    assert "See the concerns you have raised" not in follow


def test_someone_in_danger_is_told_to_call_999_now(client_for, employer, newcastle):
    client = client_for(employer)
    response = client.post(NEW, answers(newcastle, in_danger="yes"), follow=True)

    page = response.content.decode()
    assert "Call 999 now" in page
    assert Concern.objects.get().in_danger


def test_the_confirmation_page_without_a_concern_goes_back_to_the_form(client):
    response = client.get(reverse("concerns:raised"))

    assert response.status_code == 302
    assert response["Location"] == NEW


def test_nothing_filled_in_gives_messages_next_to_each_question(client_for, employer):
    response = client_for(employer).post(NEW, {"area": ""})

    page = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Choose the council&#x27;s area this is in",
        "Say who is at risk, and who the concern is about",
        "Say what happened",
        "Say whether someone is in danger now",
        "Say whether the council can contact you",
    ):
        assert message in page
    assert "There is a problem" in page
    assert not Concern.objects.exists()


def test_contact_yes_needs_how_and_keeps_what_was_typed(client_for, employer, newcastle):
    response = client_for(employer).post(NEW, answers(newcastle, contact_details=""))

    page = response.content.decode()
    assert "Say how the council can contact you" in page
    assert "I heard shouting and she has bruises." in page
    assert "My neighbour, an older woman" in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"who": "x" * 501}, "500 characters or fewer"),
        ({"what_happened": "x" * 5001}, "5,000 characters or fewer"),
        ({"who": "Bad\x00name"}, ""),
        ({"area": "E99999999"}, "Choose a council from the list"),
        ({"in_danger": "maybe"}, "Select a valid choice"),
    ],
)
def test_bad_answers_are_refused_with_a_message(client_for, employer, newcastle, changes, message):
    response = client_for(employer).post(NEW, answers(newcastle, **changes))

    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    assert message in response.content.decode()
    assert not Concern.objects.exists()


def test_contact_details_are_not_kept_when_they_said_no(client_for, employer, newcastle):
    client_for(employer).post(NEW, answers(newcastle, may_contact="no"))

    assert Concern.objects.get().contact_details == ""


def test_anonymous_is_the_default_answer(client_for, employer):
    page = client_for(employer).get(NEW).content.decode()

    assert 'id="id_anonymous_0" name="anonymous" type="radio" value="yes" checked' in page


def test_one_address_signed_out_may_raise_only_a_few_an_hour(newcastle):
    client = Client()
    for _ in range(RAISE_LIMIT):
        assert client.post(NEW, answers(newcastle)).status_code == 302

    response = client.post(NEW, answers(newcastle))

    assert response.status_code == 200
    assert "raised several concerns in the last hour" in response.content.decode()
    assert "call 999" in response.content.decode()
    assert Concern.objects.count() == RAISE_LIMIT


def test_the_limit_is_per_person_when_signed_in(client_for, employer, pa, newcastle):
    employer_client = client_for(employer)
    for _ in range(RAISE_LIMIT):
        employer_client.post(NEW, answers(newcastle))

    assert employer_client.post(NEW, answers(newcastle)).status_code == 200
    assert client_for(pa).post(NEW, answers(newcastle)).status_code == 302
