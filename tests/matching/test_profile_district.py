"""A PA's district is copied onto their profile (`PAProfile.district`), where matching reads
it without joining their user; the copy must follow the user wherever they move."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F

from pahub.accounts.seeding import seed_users
from pahub.accounts.services import user_update_details
from pahub.jobs.matches.queries import matches_for_job
from pahub.register.models import PAProfile

from .conftest import make_pa

pytestmark = pytest.mark.django_db


def test_a_new_profile_copies_its_users_district():
    profile = make_pa(postcode="NE3 1AA")

    profile.refresh_from_db()
    assert profile.district_id == "NE3"


def test_moving_on_the_account_details_page_moves_the_profile_too():
    profile = make_pa(postcode="NE3 1AA")
    user = profile.user

    user_update_details(
        user=user, by=user, full_name=user.full_name, known_as="", phone="", postcode="DH1 1AA"
    )

    assert PAProfile.objects.get(pk=profile.pk).district_id == "DH1"


def test_saving_a_user_without_their_district_leaves_the_profile_alone(
    django_assert_num_queries,
):
    profile = make_pa(postcode="NE3 1AA")

    with django_assert_num_queries(1):
        profile.user.save(update_fields=["known_as"])

    assert PAProfile.objects.get(pk=profile.pk).district_id == "NE3"


def test_a_pa_who_moves_out_of_reach_is_no_longer_a_match(employer, open_job):
    profile = make_pa(postcode="NE3 1AA", name="Mover")
    assert profile.pk in [
        result.profile.pk for result in matches_for_job(open_job, viewer=employer)
    ]

    user = profile.user
    user_update_details(
        user=user, by=user, full_name=user.full_name, known_as="", phone="", postcode="TR1 1AA"
    )

    assert profile.pk not in [
        result.profile.pk for result in matches_for_job(open_job, viewer=employer)
    ]


def test_seeded_profiles_carry_their_users_districts():
    call_command("seed", "--pas", "200", "--employers", "0", "--seed", "15", stdout=StringIO())

    profiles = PAProfile.objects.filter(user__in=seed_users(15))
    assert profiles.count() == 200
    assert profiles.filter(district__isnull=False).exists()
    assert not profiles.exclude(district_id=F("user__district_id")).exists()
    assert not profiles.filter(district__isnull=True, user__district__isnull=False).exists()
