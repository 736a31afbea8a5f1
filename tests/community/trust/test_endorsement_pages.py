"""The endorsement pages: a PA asks someone who hired them, the employer (or their
representative) writes or says no, the PA shows or hides it, and the employer may withdraw."""

import pytest
from django.urls import reverse

from pahub.community.models import Endorsement
from pahub.community.models.trust import ENDORSEMENT_MAX_LENGTH
from pahub.core.models import AuditEvent
from pahub.notifications.models import Notice
from tests.community.trust.conftest import book, written

ASK = reverse("community:endorsement_ask")
LIST = reverse("community:endorsements")


def write_url(endorsement: Endorsement) -> str:
    return reverse("community:endorsement_write", kwargs={"endorsement_id": endorsement.pk})


def requested(pa, employer, **fields) -> Endorsement:
    return Endorsement.objects.create(pa=pa, employer=employer, **fields)


# Asking -----------------------------------------------------------------------------------


def test_the_pa_sees_the_employers_who_hired_or_booked_them(
    client_for, pa, employer, hired, second_employer
):
    book(second_employer, pa)

    response = client_for(pa).get(ASK)

    assert response.status_code == 200
    assert "Amira Khan" in response.text
    assert "Bea Lowe" in response.text


def test_the_pa_asks_an_employer_who_hired_them(
    client_for, pa, employer, hired, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(pa).post(ASK, {"employer": employer.pk, "message": "Thanks!"})

    assert response.status_code == 302
    endorsement = Endorsement.objects.get()
    assert (endorsement.pa, endorsement.employer, endorsement.status) == (pa, employer, "requested")
    assert endorsement.request_message == "Thanks!"
    assert not endorsement.shown
    assert Notice.objects.filter(
        recipient=employer, kind="community.endorsement_requested"
    ).exists()
    assert AuditEvent.objects.filter(action="endorsement.requested", actor=pa).exists()


def test_the_pa_cannot_ask_someone_who_never_hired_or_booked_them(
    client_for, pa, employer, second_employer, hired
):
    response = client_for(pa).post(ASK, {"employer": second_employer.pk, "message": "Please"})

    assert response.status_code == 200
    assert "Choose someone from the list" in response.text
    assert "Please" in response.text
    assert not Endorsement.objects.exists()


def test_asking_again_before_they_answer_is_refused_next_to_the_field(
    client_for, pa, employer, hired
):
    requested(pa, employer)

    response = client_for(pa).post(ASK, {"employer": employer.pk, "message": "Again"})

    assert response.status_code == 200
    assert "already asked" in response.text
    assert Endorsement.objects.count() == 1


def test_a_long_message_is_refused_and_kept(client_for, pa, employer, hired):
    message = "x" * 501

    response = client_for(pa).post(ASK, {"employer": employer.pk, "message": message})

    assert response.status_code == 200
    assert "must be 500 characters or fewer" in response.text
    assert message in response.text
    assert not Endorsement.objects.exists()


def test_a_pa_with_no_employers_is_told_how_it_works(client_for, other_pa):
    response = client_for(other_pa).get(ASK)

    assert response.status_code == 200
    assert "once they have hired you" in response.text


def test_someone_without_the_pa_role_gets_404_for_asking(client_for, employer):
    assert client_for(employer).get(ASK).status_code == 404


def test_logged_out_people_are_sent_to_sign_in(client):
    assert client.get(ASK).status_code == 302
    assert client.get(LIST).status_code == 302


# Writing ----------------------------------------------------------------------------------


def test_the_employer_writes_the_endorsement_and_it_stays_hidden(
    client_for, pa, employer, hired, django_capture_on_commit_callbacks
):
    endorsement = requested(pa, employer)
    page = client_for(employer).get(write_url(endorsement))
    assert page.status_code == 200
    assert "reliable" in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(employer).post(write_url(endorsement), {"text": "Always on time."})

    assert response.status_code == 302
    endorsement.refresh_from_db()
    assert (endorsement.status, endorsement.text, endorsement.shown) == (
        "written",
        "Always on time.",
        False,
    )
    assert endorsement.written_by == employer
    assert Notice.objects.filter(recipient=pa, kind="community.endorsement_answered").exists()
    assert AuditEvent.objects.filter(action="endorsement.written", actor=employer).exists()


def test_the_representative_writes_on_the_employers_behalf(
    client_for, pa, employer, representative, hired
):
    endorsement = requested(pa, employer)

    response = client_for(representative).post(write_url(endorsement), {"text": "Kind and calm."})

    assert response.status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.status == "written"
    assert endorsement.written_by == representative


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_endorsement_is_refused(client_for, pa, employer, hired, text):
    endorsement = requested(pa, employer)

    response = client_for(employer).post(write_url(endorsement), {"text": text})

    assert response.status_code == 200
    assert "Enter your endorsement" in response.text
    endorsement.refresh_from_db()
    assert endorsement.status == "requested"


def test_a_long_endorsement_is_refused_and_kept(client_for, pa, employer, hired):
    endorsement = requested(pa, employer)
    text = "Lovely. " * 100

    response = client_for(employer).post(write_url(endorsement), {"text": text})

    assert response.status_code == 200
    assert f"must be {ENDORSEMENT_MAX_LENGTH} characters or fewer" in response.text
    assert text.strip() in response.text


def test_a_control_character_is_refused(client_for, pa, employer, hired):
    endorsement = requested(pa, employer)

    response = client_for(employer).post(write_url(endorsement), {"text": "Good\x00"})

    assert response.status_code == 200
    endorsement.refresh_from_db()
    assert endorsement.status == "requested"


@pytest.mark.parametrize("who", ["pa", "other_pa", "outsider", "verifier", "admin"])
def test_only_the_employer_side_may_open_the_request(client_for, pa, employer, hired, who, request):
    endorsement = requested(pa, employer)
    person = request.getfixturevalue(who)

    assert client_for(person).get(write_url(endorsement)).status_code == 404
    assert client_for(person).post(write_url(endorsement), {"text": "Hi"}).status_code == 404
    endorsement.refresh_from_db()
    assert endorsement.status == "requested"


def test_the_employer_may_say_no(client_for, pa, employer, hired):
    endorsement = requested(pa, employer)
    url = reverse("community:endorsement_decline", kwargs={"endorsement_id": endorsement.pk})

    assert client_for(employer).post(url).status_code == 302

    endorsement.refresh_from_db()
    assert endorsement.status == "declined"
    assert AuditEvent.objects.filter(action="endorsement.declined").exists()


def test_an_answered_request_cannot_be_written_again(client_for, pa, employer, hired):
    endorsement = written(pa, employer)

    response = client_for(employer).post(write_url(endorsement), {"text": "Again"})

    assert response.status_code == 200
    assert "already been answered" in response.text
    endorsement.refresh_from_db()
    assert endorsement.text != "Again"


def test_the_employer_may_withdraw_what_they_wrote(client_for, pa, employer, hired):
    endorsement = written(pa, employer, shown=True)
    url = reverse("community:endorsement_withdraw", kwargs={"endorsement_id": endorsement.pk})

    assert client_for(pa).post(url).status_code == 404
    assert client_for(employer).post(url).status_code == 302

    endorsement.refresh_from_db()
    assert (endorsement.status, endorsement.text, endorsement.shown) == ("withdrawn", "", False)
    assert AuditEvent.objects.filter(action="endorsement.withdrawn", actor=employer).exists()


# Showing and hiding -----------------------------------------------------------------------


def visibility_url(endorsement: Endorsement) -> str:
    return reverse("community:endorsement_visibility", kwargs={"endorsement_id": endorsement.pk})


def test_the_pa_shows_and_then_hides_an_endorsement(client_for, pa, employer, hired):
    endorsement = written(pa, employer)

    client_for(pa).post(visibility_url(endorsement), {"shown": "yes"})
    endorsement.refresh_from_db()
    assert endorsement.shown

    client_for(pa).post(visibility_url(endorsement), {"shown": "no"})
    endorsement.refresh_from_db()
    assert not endorsement.shown
    actions = AuditEvent.objects.filter(actor=pa).values_list("action", flat=True)
    assert {"endorsement.shown", "endorsement.hidden"} <= set(actions)


def test_a_request_not_yet_written_cannot_be_shown(client_for, pa, employer, hired):
    endorsement = requested(pa, employer)

    response = client_for(pa).post(visibility_url(endorsement), {"shown": "yes"}, follow=True)

    assert "Only a written endorsement" in response.text
    endorsement.refresh_from_db()
    assert not endorsement.shown


def test_a_bad_choice_changes_nothing(client_for, pa, employer, hired):
    endorsement = written(pa, employer)

    response = client_for(pa).post(visibility_url(endorsement), {"shown": "maybe"}, follow=True)

    assert "Choose whether to show or hide" in response.text
    endorsement.refresh_from_db()
    assert not endorsement.shown


@pytest.mark.parametrize("who", ["employer", "other_pa", "outsider", "admin"])
def test_only_the_pa_may_show_their_endorsement(client_for, pa, employer, hired, who, request):
    endorsement = written(pa, employer)

    response = client_for(request.getfixturevalue(who)).post(
        visibility_url(endorsement), {"shown": "yes"}
    )

    assert response.status_code == 404
    endorsement.refresh_from_db()
    assert not endorsement.shown


def test_the_list_shows_each_side_only_their_own(client_for, pa, other_pa, employer, hired):
    written(pa, employer, text="Jordan was brilliant with the dog.")

    assert "brilliant with the dog" in client_for(pa).get(LIST).text
    assert "brilliant with the dog" in client_for(employer).get(LIST).text
    assert "brilliant with the dog" not in client_for(other_pa).get(LIST).text


def test_the_list_query_count_does_not_grow_with_endorsements(
    client_for, pa, employer, hired, second_employer, django_assert_max_num_queries
):
    client = client_for(pa)
    written(pa, employer)
    with django_assert_max_num_queries(30) as few:
        client.get(LIST)
    for _ in range(5):
        written(pa, employer)
        written(pa, second_employer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(LIST).status_code == 200
