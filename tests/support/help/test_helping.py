"""Picking up (once, whoever presses first), replying, calls, closing and "did this help?"."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from pahub.notifications.models import Notice
from pahub.support.help import services
from pahub.support.models import HelpRequest
from tests.support.help.conftest import ask

pytestmark = pytest.mark.django_db


def test_staff_pick_up_and_the_person_is_told(help_request, organisation, org_admin, client_for):
    response = client_for(org_admin).post(
        f"/support/requests/{help_request.pk}/pick-up/", {"organisation": organisation.pk}
    )
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert (help_request.status, help_request.organisation, help_request.adviser) == (
        HelpRequest.Status.HELPING,
        organisation,
        org_admin,
    )
    assert Notice.objects.filter(
        recipient=help_request.person, kind="support.help_picked_up"
    ).exists()


def test_a_second_adviser_cannot_pick_up_a_request_already_taken(
    help_request, organisation, network, org_admin, nell
):
    stale = HelpRequest.objects.get(pk=help_request.pk)
    services.help_request_pick_up(help_request=help_request, organisation=network, by=nell)
    with pytest.raises(services.AlreadyPickedUp):
        services.help_request_pick_up(help_request=stale, organisation=organisation, by=org_admin)
    stale.refresh_from_db()
    assert (stale.organisation, stale.adviser) == (network, nell)


def test_the_second_adviser_in_the_page_is_told_someone_else_has_it(
    help_request, organisation, network, org_admin, nell, client_for
):
    services.help_request_pick_up(help_request=help_request, organisation=network, by=nell)
    # Olu had the page open while it waited: he is told, and sent back to his queue; the
    # thread itself is no longer his to see.
    client = client_for(org_admin)
    response = client.post(
        f"/support/requests/{help_request.pk}/pick-up/",
        {"organisation": organisation.pk},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/support/queue/"
    assert "Someone else has already picked up this request" in response.content.decode()
    assert client.get(f"/support/requests/{help_request.pk}/").status_code == 404
    help_request.refresh_from_db()
    assert help_request.organisation == network


def test_staff_elsewhere_get_404_when_picking_up(help_request, dan, client_for):
    response = client_for(dan).post(f"/support/requests/{help_request.pk}/pick-up/", {})
    assert response.status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_advisers_pressing_at_once_pick_it_up_exactly_once(
    reference_data_loaded, django_db_blocker
):
    from pahub.accounts.models import Membership, Organisation, Role
    from tests.factories import OrganisationFactory, UserFactory, make_employer_profile, make_staff

    amira = UserFactory(email="amira@example.org", roles=[Role.EMPLOYER])
    make_employer_profile(amira)
    first = OrganisationFactory(name="Agency A")
    second = OrganisationFactory(name="Network B", kind=Organisation.Kind.USER_LED)
    advisers = [
        (first, make_staff(organisation=first, role=Membership.StaffRole.MEMBER)),
        (second, make_staff(organisation=second, role=Membership.StaffRole.MEMBER)),
    ]
    help_request = ask(amira)
    barrier = threading.Barrier(2)
    results: list[str] = []

    def press(organisation, adviser) -> None:
        loaded = HelpRequest.objects.get(pk=help_request.pk)
        barrier.wait()
        try:
            services.help_request_pick_up(
                help_request=loaded, organisation=organisation, by=adviser
            )
            results.append("picked")
        except services.AlreadyPickedUp:
            results.append("taken")
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=pair) for pair in advisers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["picked", "taken"]
    assert HelpRequest.objects.get(pk=help_request.pk).status == HelpRequest.Status.HELPING


def test_staff_may_not_pick_up_for_an_organisation_not_serving_the_area(
    help_request, other_organisation, dan
):
    with pytest.raises(services.HelpError):
        services.help_request_pick_up(
            help_request=help_request, organisation=other_organisation, by=dan
        )


def test_replies_go_both_ways_with_notices(help_request, organisation, org_admin, client_for):
    services.help_request_pick_up(
        help_request=help_request, organisation=organisation, by=org_admin
    )
    amira = help_request.person
    client_for(org_admin).post(
        f"/support/requests/{help_request.pk}/reply/", {"body": "Holiday carries over."}
    )
    client_for(amira).post(f"/support/requests/{help_request.pk}/reply/", {"body": "Thanks!"})
    assert list(help_request.messages.values_list("body", "from_adviser")) == [
        ("Holiday carries over.", True),
        ("Thanks!", False),
    ]
    assert Notice.objects.filter(recipient=amira, kind="support.help_reply").count() == 1
    assert Notice.objects.filter(recipient=org_admin, kind="support.help_reply").count() == 1


def test_staff_must_pick_up_before_replying(help_request, nell, client_for):
    client_for(nell).post(f"/support/requests/{help_request.pk}/reply/", {"body": "Hello"})
    assert help_request.messages.count() == 0


def test_an_empty_reply_is_named_and_the_page_kept(help_request, client_for):
    response = client_for(help_request.person).post(
        f"/support/requests/{help_request.pk}/reply/", {"body": "  "}
    )
    assert response.status_code == 400
    assert "Write your message" in response.content.decode()


def test_close_with_outcome_then_the_person_says_it_helped(
    help_request, organisation, org_admin, client_for
):
    services.help_request_pick_up(
        help_request=help_request, organisation=organisation, by=org_admin
    )
    staff = client_for(org_admin)
    bad = staff.post(f"/support/requests/{help_request.pk}/close/", {"note": "Sorted"})
    assert "Choose what came of the request" in bad.content.decode()
    assert "Sorted" in bad.content.decode()
    staff.post(f"/support/requests/{help_request.pk}/close/", {"outcome": "answered"})
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.CLOSED
    amira = client_for(help_request.person)
    page = amira.get(f"/support/requests/{help_request.pk}/").content.decode()
    assert "Did this help?" in page
    amira.post(f"/support/requests/{help_request.pk}/feedback/", {"helped": "yes"})
    help_request.refresh_from_db()
    assert help_request.helped == "yes"
    # Nobody else may answer for her.
    assert (
        staff.post(f"/support/requests/{help_request.pk}/feedback/", {"helped": "no"}).status_code
        == 404
    )


def test_a_bad_feedback_answer_is_named(help_request, organisation, org_admin, client_for):
    services.help_request_pick_up(
        help_request=help_request, organisation=organisation, by=org_admin
    )
    services.help_request_close(help_request=help_request, by=org_admin, outcome="answered")
    response = client_for(help_request.person).post(
        f"/support/requests/{help_request.pk}/feedback/", {"helped": "maybe"}
    )
    assert response.status_code == 400
    assert "Choose yes, partly or no" in response.content.decode()


def test_a_call_is_proposed_and_agreed(employer_profile, organisation, org_admin, client_for):
    help_request = ask(employer_profile.user, contact_by="phone", phone="0191 496 0000")
    services.help_request_pick_up(
        help_request=help_request, organisation=organisation, by=org_admin
    )
    day = timezone.localdate() + timedelta(days=3)
    staff = client_for(org_admin)
    bad = staff.post(
        f"/support/requests/{help_request.pk}/call/",
        {"day_day": day.day, "day_month": day.month, "day_year": day.year, "clock": "soon"},
    )
    assert "Enter a time of day" in bad.content.decode()
    staff.post(
        f"/support/requests/{help_request.pk}/call/",
        {"day_day": day.day, "day_month": day.month, "day_year": day.year, "clock": "10:30"},
    )
    call = help_request.calls.get()
    client_for(employer_profile.user).post(
        f"/support/requests/{help_request.pk}/calls/{call.pk}/answer/", {"answer": "agree"}
    )
    call.refresh_from_db()
    assert call.status == "agreed"


def test_staff_of_another_organisation_cannot_close(
    help_request, organisation, org_admin, nell, client_for
):
    services.help_request_pick_up(
        help_request=help_request, organisation=organisation, by=org_admin
    )
    response = client_for(nell).post(
        f"/support/requests/{help_request.pk}/close/", {"outcome": "answered"}
    )
    assert response.status_code == 404
