"""The employer side's relief pool page: who is in it, inviting PAs met through PA Hub, and
removing someone. Nobody learns from the page whether an email address is registered."""

import pytest
from django.urls import reverse

from pahub.cover.models import ReliefPoolMember
from pahub.messaging.models import Conversation
from pahub.register.models import PAProfile
from tests.cover.conftest import make_pas
from tests.cover.employer.builders import pa_profile_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(employer, employer_profile) -> str:
    return reverse("cover:pool", args=[employer.pk])


def invite_by_email(client, page: str, email: str, **extra):
    return client.post(page, {"action": "email", "email": email, **extra}, follow=True)


def test_a_pa_amira_has_talked_to_is_listed_and_can_be_invited(
    client_for, employer, pa, pa_profile, page
):
    Conversation.objects.create(employer=employer, pa=pa)
    client = client_for(employer)
    assert "Jordan" in client.get(page).content.decode()

    response = client.post(page, {"action": "known", "pa": pa.pk}, follow=True)

    member = ReliefPoolMember.objects.get()
    assert (member.pa, member.status, member.invited_by) == (pa, "invited", employer)
    body = response.content.decode()
    assert "We have invited Jordan" in body
    assert "Invited, not answered yet" in body


def test_only_pas_from_the_talked_to_list_can_be_invited_that_way(
    client_for, employer, other_pa, page
):
    pa_profile_for(other_pa)

    response = client_for(employer).post(page, {"action": "known", "pa": other_pa.pk}, follow=True)

    assert "Choose a PA from the list" in response.content.decode()
    assert not ReliefPoolMember.objects.exists()


def test_a_pa_whose_profile_amira_may_see_can_be_invited_by_email(
    client_for, employer, pa, pa_profile, page
):
    response = invite_by_email(client_for(employer), page, "PA@example.org ")

    assert ReliefPoolMember.objects.get().pa == pa
    assert "We have invited Jordan" in response.content.decode()


def test_the_invited_pa_is_emailed(
    client_for, employer, pa, pa_profile, page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite_by_email(client_for(employer), page, "pa@example.org")

    assert mailoutbox[0].to == ["pa@example.org"]
    assert "relief pool" in mailoutbox[0].body


@pytest.mark.parametrize(
    "why",
    ["nobody has that address", "the PA is hidden", "the person is not a PA"],
)
def test_anyone_not_invitable_gets_the_same_message_and_nothing_is_saved(
    client_for, employer, pa, representative, page, why
):
    if why == "nobody has that address":
        email = "nobody@example.org"
    elif why == "the PA is hidden":
        pa_profile_for(pa, visibility=PAProfile.Visibility.HIDDEN)
        email = pa.email
    else:
        email = representative.email

    response = invite_by_email(client_for(employer), page, email)

    body = response.content.decode()
    assert "There is a problem" in body
    assert 'id="id_email-error"' in body
    assert "We could not find a PA with that email address whom you have met" in body
    assert f'value="{email}"' in body
    assert not ReliefPoolMember.objects.exists()


def test_staff_cannot_put_a_hidden_pa_in_front_of_an_employer(client_for, helping_staff, pa, page):
    """Staff may see hidden PAs in their area; the employer may not, so no invitation."""
    pa_profile_for(pa, visibility=PAProfile.Visibility.HIDDEN)

    body = invite_by_email(client_for(helping_staff), page, pa.email).content.decode()

    assert "We could not find a PA" in body
    assert not ReliefPoolMember.objects.exists()


def test_a_badly_typed_email_address_is_explained(client_for, employer, page):
    body = invite_by_email(client_for(employer), page, "jordan at example").content.decode()

    assert "Enter an email address in the correct format" in body


def test_inviting_someone_twice_keeps_one_invitation(client_for, employer, pa, pa_profile, page):
    client = client_for(employer)
    invite_by_email(client, page, pa.email)

    body = invite_by_email(client, page, pa.email).content.decode()

    assert "already invited to, or in, the relief pool" in body
    assert ReliefPoolMember.objects.count() == 1


def test_removing_a_member_takes_them_out_of_the_pool(client_for, employer, pa, pa_profile, page):
    member = ReliefPoolMember.objects.create(employer=employer, pa=pa, status="active")

    response = client_for(employer).post(
        reverse("cover:pool_remove", args=[member.pk]), follow=True
    )

    member.refresh_from_db()
    assert member.status == ReliefPoolMember.Status.LEFT
    body = response.content.decode()
    assert "Jordan is no longer in the relief pool" in body
    assert "left the pool" in body


def test_removing_someone_already_gone_says_so(client_for, employer, pa, pa_profile, page):
    member = ReliefPoolMember.objects.create(employer=employer, pa=pa, status="left")

    response = client_for(employer).post(
        reverse("cover:pool_remove", args=[member.pk]), follow=True
    )

    assert "This person is not in the relief pool" in response.content.decode()


def test_the_pool_page_query_count_does_not_grow_with_members(
    client_for, employer, page, django_assert_max_num_queries
):
    client = client_for(employer)

    def members(count: int) -> None:
        for pa in make_pas(count, prefix=f"pool{count}-"):
            pa_profile_for(pa)
            ReliefPoolMember.objects.create(employer=employer, pa=pa, status="active")
            talker = make_pas(1, prefix=f"talker{count}-{pa.pk}-")[0]
            Conversation.objects.create(employer=employer, pa=talker)

    members(1)
    with django_assert_max_num_queries(100) as few:
        client.get(page)
    members(7)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page)

    assert response.content.decode().count("In the pool</strong>") == 8
