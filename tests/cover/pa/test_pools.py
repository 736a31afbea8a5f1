"""Relief pool invitations: a PA joins or says no, sees the pools they are in, and leaves."""

from django.urls import reverse

from pahub.cover.models import ReliefPoolMember
from tests.factories import UserFactory, make_employer_profile


def invite(employer, pa, **fields) -> ReliefPoolMember:
    return ReliefPoolMember.objects.create(employer=employer, pa=pa, invited_by=employer, **fields)


def test_an_invitation_is_listed_with_the_employers_name_and_district(
    client_for, pa, employer, employer_profile
):
    invite(employer, pa)

    content = client_for(pa).get(reverse("cover:pools")).content.decode()

    assert "Amira in NE1" in content
    assert "Join Amira’s relief pool" in content
    assert "You are not in anyone’s relief pool yet." in content


def test_joining_puts_the_pa_in_the_pool(client_for, pa, employer, employer_profile):
    member = invite(employer, pa)

    response = client_for(pa).post(
        reverse("cover:pool_answer", args=[member.pk]), {"answer": "yes"}, follow=True
    )

    member.refresh_from_db()
    assert member.status == "active"
    content = response.content.decode()
    assert "You are in Amira’s relief pool." in content
    assert "You have no invitations to answer." in content


def test_saying_no_declines_the_invitation(client_for, pa, employer, employer_profile):
    member = invite(employer, pa)

    client_for(pa).post(reverse("cover:pool_answer", args=[member.pk]), {"answer": "no"})

    member.refresh_from_db()
    assert member.status == "declined"


def test_an_answer_that_is_neither_yes_nor_no_is_refused_on_the_page(
    client_for, pa, employer, employer_profile
):
    member = invite(employer, pa)

    response = client_for(pa).post(
        reverse("cover:pool_answer", args=[member.pk]), {"answer": "maybe"}
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose whether to join the relief pool" in content
    assert f'href="#member-{member.pk}"' in content
    member.refresh_from_db()
    assert member.status == "invited"


def test_answering_an_invitation_twice_says_it_was_already_answered(
    client_for, pa, employer, employer_profile
):
    member = invite(employer, pa, status="active")

    response = client_for(pa).post(reverse("cover:pool_answer", args=[member.pk]), {"answer": "no"})

    assert response.status_code == 400
    assert "This invitation has already been answered." in response.content.decode()
    member.refresh_from_db()
    assert member.status == "active"


def test_leaving_asks_first_then_takes_the_pa_out_of_the_pool(
    client_for, pa, employer, employer_profile
):
    member = invite(employer, pa, status="active")
    client = client_for(pa)

    page = client.get(reverse("cover:pool_leave", args=[member.pk])).content.decode()
    assert "Leave Amira’s relief pool?" in page
    member.refresh_from_db()
    assert member.status == "active"

    response = client.post(reverse("cover:pool_leave", args=[member.pk]), follow=True)

    member.refresh_from_db()
    assert member.status == "left"
    assert "You have left Amira’s relief pool." in response.content.decode()


def test_leaving_a_pool_already_left_is_refused_on_the_page(
    client_for, pa, employer, employer_profile
):
    member = invite(employer, pa, status="left")

    response = client_for(pa).post(reverse("cover:pool_leave", args=[member.pk]))

    assert response.status_code == 400
    assert "This person is not in the relief pool." in response.content.decode()


def test_the_pools_page_takes_the_same_queries_however_many_pools(
    client_for, pa, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count: int, start: int) -> None:
        for number in range(start, start + count):
            employer = UserFactory(email=f"pool.employer{number}@example.org", roles=["employer"])
            make_employer_profile(employer, display_name=f"Employer {number}")
            invite(employer, pa, status="active" if number % 2 else "invited")

    client = client_for(pa)
    add(2, 0)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cover:pools"))
    add(6, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        content = client.get(reverse("cover:pools")).content.decode()
    assert content.count("Employer ") >= 8
