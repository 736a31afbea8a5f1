"""Support's part of a person's data: concerns they raised (never one about them) and their
requests for help; what deleting an account does; how long closed ones are kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.services import user_delete
from pahub.core.personal_data import registry as personal_data
from pahub.core.retention import apply_rule
from pahub.core.retention import registry as retention
from pahub.support.help.services import help_request_pick_up
from pahub.support.models import Concern, ConcernNote, HelpMessage, HelpRequest
from tests.factories import local_authority
from tests.support.concerns.conftest import make_concern
from tests.support.help.conftest import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcastle(db):
    return local_authority("Newcastle upon Tyne")


@pytest.fixture
def newcastle_concern(employer, pa, newcastle) -> Concern:
    return make_concern(
        newcastle,
        raiser=employer,
        about_user=pa,
        contact_details="0191 498 0111",
        what_happened="Her money keeps going missing.",
    )


def test_the_raiser_downloads_what_they_raised(employer, newcastle_concern):
    part = personal_data.export(employer)["support"]
    (raised,) = part["safeguarding_concerns_you_raised"]
    assert raised["what_happened"] == "Her money keeps going missing."
    assert raised["status"] == "Received"


def test_the_person_a_concern_is_about_never_finds_it_in_their_download(pa, newcastle_concern):
    export = personal_data.export(pa)
    assert "Her money keeps going missing." not in str(export)


def test_staff_notes_are_never_in_the_raisers_download(employer, newcastle_concern, admin):
    ConcernNote.objects.create(concern=newcastle_concern, author=admin, text="Called the GP.")
    assert "Called the GP." not in str(personal_data.export(employer))


def test_deleting_the_raisers_account_keeps_the_concern_for_the_council_without_them(
    employer, pa, newcastle_concern
):
    user_delete(user=employer, by=employer)
    newcastle_concern.refresh_from_db()
    assert newcastle_concern.raiser is None
    assert newcastle_concern.contact_details == ""
    assert newcastle_concern.what_happened == "Her money keeps going missing."


def test_deleting_the_account_of_the_person_it_is_about_unlinks_them(pa, newcastle_concern):
    user_delete(user=pa, by=pa)
    newcastle_concern.refresh_from_db()
    assert newcastle_concern.about_user is None


def test_a_request_for_help_is_in_the_download_with_its_messages(employer_profile, nell):
    request = ask(employer_profile.user)
    HelpMessage.objects.create(help_request=request, author=nell, from_adviser=True, body="Hello")
    (exported,) = personal_data.export(employer_profile.user)["support"]["requests_for_help"]
    assert exported["what_you_need"].startswith("My PA asked for more holiday")
    assert exported["messages"] == [
        {"from": "adviser", "text": "Hello", "at": exported["messages"][0]["at"]}
    ]


def test_deleting_the_account_deletes_their_requests_for_help(employer_profile, nell):
    employer = employer_profile.user
    ask(employer)
    user_delete(user=employer, by=employer)
    assert not HelpRequest.objects.filter(person=employer).exists()


def test_an_advisers_account_going_leaves_the_request_to_the_organisation(
    help_request, nell, network
):
    help_request_pick_up(help_request=help_request, organisation=network, by=nell)
    HelpMessage.objects.create(help_request=help_request, author=nell, from_adviser=True, body="Hi")
    user_delete(user=nell, by=nell)
    help_request.refresh_from_db()
    assert help_request.adviser is None
    assert HelpMessage.objects.get(help_request=help_request).author is None


def test_closed_requests_for_help_go_after_two_years(help_request, nell, network):
    help_request_pick_up(help_request=help_request, organisation=network, by=nell)
    long_ago = timezone.now() - timedelta(days=731)
    HelpRequest.objects.filter(pk=help_request.pk).update(status="closed", closed_at=long_ago)
    assert apply_rule(retention.get("support.closed_help_requests")) == 1
    assert not HelpRequest.objects.exists()


def test_open_requests_for_help_are_kept(help_request):
    assert apply_rule(retention.get("support.closed_help_requests")) == 0


def test_closed_concerns_go_after_six_years_and_open_ones_stay(newcastle, employer):
    old = make_concern(newcastle, raiser=employer, status="closed")
    Concern.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=6 * 365 + 1))
    still_open = make_concern(newcastle, raiser=employer)
    assert apply_rule(retention.get("support.closed_concerns")) == 1
    assert list(Concern.objects.all()) == [still_open]
