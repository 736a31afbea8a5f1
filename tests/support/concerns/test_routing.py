"""A concern raised about something on PA Hub goes to the council of the area it concerns,
and records who it is about; anything the raiser cannot see is treated as no context."""

import pytest
from django.urls import reverse

from pahub.messaging.models import Message
from pahub.messaging.services import conversation_get_or_create, message_post
from pahub.support.models import Concern

NEW = reverse("concerns:new")
ANSWERS = {
    "who": "Jordan, and the person they support",
    "what_happened": "Something worrying happened.",
    "in_danger": "no",
    "may_contact": "no",
    "contact_details": "",
    "anonymous": "yes",
}


def raise_about(client, about: str, **answers):
    return client.post(NEW, {"about": about, **ANSWERS, **answers})


def test_a_concern_about_a_booking_goes_to_the_employers_council_and_is_about_the_pa(
    client_for, employer, pa, cover_booking, newcastle
):
    response = raise_about(client_for(employer), f"booking:{cover_booking.pk}")

    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.area == newcastle
    assert (concern.about_kind, concern.about_id) == ("booking", cover_booking.pk)
    assert concern.about_user == pa
    assert concern.raiser == employer


def test_a_pa_raising_about_their_booking_makes_it_about_the_employer(
    client_for, employer, pa, cover_booking
):
    raise_about(client_for(pa), f"booking:{cover_booking.pk}")

    assert Concern.objects.get().about_user == employer


def test_the_booking_goes_to_the_employers_profile_area_not_the_pas_home(
    client_for, employer, other_pa, durham
):
    from datetime import timedelta

    from django.utils import timezone

    from tests.cover.pa.conftest import booking_at
    from tests.factories import make_employer_profile

    make_employer_profile(employer, postcode="DH1 1AA")
    starts_at = timezone.now() + timedelta(days=1)
    booking = booking_at(employer, other_pa, starts_at, starts_at + timedelta(hours=2))

    raise_about(client_for(employer), f"booking:{booking.pk}")

    assert Concern.objects.get().area == durham


def test_a_concern_about_a_message_goes_to_the_employers_council_and_is_about_its_author(
    client_for, employer, employer_profile, pa, newcastle
):
    conversation = conversation_get_or_create(employer=employer, pa=pa, job=None)
    message = message_post(
        conversation=conversation,
        author=pa,
        author_role=Message.AuthorRole.PA,
        body="Hello there.",
    )

    raise_about(client_for(employer), f"message:{message.pk}")

    concern = Concern.objects.get()
    assert (concern.area, concern.about_user, concern.about_kind) == (newcastle, pa, "message")


def test_a_concern_about_a_profile_goes_to_the_pas_home_council(
    client_for, employer, pa, pa_profile, newcastle
):
    raise_about(client_for(employer), f"profile:{pa_profile.pk}")

    concern = Concern.objects.get()
    assert (concern.area, concern.about_user, concern.about_kind) == (newcastle, pa, "profile")


def test_a_concern_about_an_area_post_goes_to_the_zones_council(
    client_for, employer, pa, area_post, newcastle
):
    raise_about(client_for(employer), f"post:{area_post.pk}")

    concern = Concern.objects.get()
    assert (concern.area, concern.about_user, concern.about_kind) == (newcastle, pa, "post")


def test_a_post_in_a_zone_with_no_area_goes_to_the_authors_home_council(
    client_for, employer, other_pa, durham
):
    from pahub.community.models import Post, Thread, Zone

    zone = Zone.objects.create(
        kind=Zone.Kind.EMPLOYERS, slug="employers-test", name="Employers", description="."
    )
    thread = Thread.objects.create(zone=zone, title="Hi", author=other_pa)
    post = Post.objects.create(
        thread=thread, author=other_pa, author_name="Chris", body="Hi", body_html="<p>Hi</p>"
    )

    raise_about(client_for(employer), f"post:{post.pk}")

    assert Concern.objects.get().area == durham


@pytest.mark.parametrize("kind", ["booking", "profile", "message", "post"])
def test_something_the_raiser_cannot_see_gives_no_context_and_asks_for_the_area(
    client_for, outsider, kind, cover_booking, area_post
):
    hidden_id = {"booking": cover_booking.pk, "post": area_post.pk}.get(kind, 999)
    client = client_for(outsider)

    page = client.get(NEW, {"about": f"{kind}:{hidden_id}"})
    assert page.status_code == 200
    assert "What it is about" not in page.content.decode()
    assert 'name="area"' in page.content.decode()

    response = raise_about(client, f"{kind}:{hidden_id}")
    assert response.status_code == 200
    assert "Choose the council" in response.content.decode()
    assert not Concern.objects.exists()


def test_a_concern_about_a_hidden_profile_learns_nothing_and_has_no_person(
    client_for, outsider, pa_profile, durham
):
    from pahub.register.models import PAProfile

    pa_profile.visibility = PAProfile.Visibility.HIDDEN
    pa_profile.save(update_fields=["visibility"])

    raise_about(client_for(outsider), f"profile:{pa_profile.pk}", area=durham.pk)

    concern = Concern.objects.get()
    assert (concern.about_kind, concern.about_user, concern.area) == ("", None, durham)


@pytest.mark.parametrize("value", ["booking", "booking:", "booking:abc", "nothing:1", "post:-1"])
def test_malformed_context_is_no_context(client_for, employer, value):
    page = client_for(employer).get(NEW, {"about": value})

    assert page.status_code == 200
    assert 'name="area"' in page.content.decode()


def test_from_the_footer_the_area_is_asked_and_prefilled_with_the_raisers_council(
    client_for, employer, newcastle
):
    page = client_for(employer).get(NEW)

    assert f'<option value="{newcastle.pk}" selected>' in page.content.decode()


def test_from_the_footer_the_chosen_area_is_used(client_for, employer, durham):
    raise_about(client_for(employer), "", area=durham.pk)

    concern = Concern.objects.get()
    assert (concern.area, concern.about_user, concern.about_kind) == (durham, None, "")
