"""Endorsements on a PA's profile: the words, "<first name>, <district>" and the month, for
everyone who may see the profile; only the ones the PA chose to show; never a score."""

import pytest
from django.urls import reverse

from pahub.register.models import PAProfile
from tests.community.trust.conftest import written


def detail_url(profile: PAProfile) -> str:
    return reverse("register:profile_detail", kwargs={"profile_id": profile.pk})


def test_an_employer_who_may_see_the_profile_sees_a_shown_endorsement(
    client_for, pa, employer, hired, pa_profile
):
    endorsement = written(pa, employer, shown=True, text="Jordan made mornings calm.")

    response = client_for(employer).get(detail_url(pa_profile))

    assert response.status_code == 200
    assert "Endorsements" in response.text
    assert "Jordan made mornings calm." in response.text
    assert "Amira, NE1" in response.text
    assert endorsement.written_at.strftime("%B %Y") in response.text
    for score_word in ("star", "rating", "/5", "score"):
        assert score_word not in response.text.split('id="endorsements"')[1].split("</ul>")[0]


def test_a_hidden_endorsement_is_not_on_the_profile(client_for, pa, employer, hired, pa_profile):
    written(pa, employer, shown=False, text="Jordan made mornings calm.")

    response = client_for(employer).get(detail_url(pa_profile))

    assert "Jordan made mornings calm." not in response.text
    assert 'id="endorsements"' not in response.text


def test_someone_who_may_not_see_the_profile_sees_nothing(
    client_for, pa, employer, hired, pa_profile, other_pa
):
    written(pa, employer, shown=True, text="Jordan made mornings calm.")
    pa_profile.visibility = PAProfile.Visibility.HIDDEN
    pa_profile.save(update_fields=["visibility"])

    # Another PA may not see an employers-only profile, and nobody may see a hidden one.
    assert client_for(other_pa).get(detail_url(pa_profile)).status_code == 404
    assert client_for(employer).get(detail_url(pa_profile)).status_code == 404


def test_logged_out_people_see_no_profile(client, pa, employer, hired, pa_profile):
    written(pa, employer, shown=True)

    assert client.get(detail_url(pa_profile)).status_code == 302


def test_staff_of_the_area_see_shown_endorsements_like_any_allowed_viewer(
    client_for, pa, employer, hired, pa_profile, verifier
):
    written(pa, employer, shown=True, text="Jordan made mornings calm.")

    assert "Jordan made mornings calm." in client_for(verifier).get(detail_url(pa_profile)).text


def test_the_pa_sees_how_many_they_hide_and_where_to_choose(
    client_for, pa, employer, hired, pa_profile, second_employer
):
    written(pa, employer, shown=True, text="Jordan made mornings calm.")
    written(pa, second_employer, shown=False, text="Hidden words.")

    response = client_for(pa).get(reverse("register:profile"))

    assert "Jordan made mornings calm." in response.text
    assert "Hidden words." not in response.text
    assert "You hide 1 endorsement." in response.text
    assert reverse("community:endorsements") in response.text


def test_the_preview_shows_what_employers_see(client_for, pa, employer, hired, pa_profile):
    written(pa, employer, shown=True, text="Jordan made mornings calm.")
    written(pa, employer, shown=False, text="Hidden words.")

    response = client_for(pa).get(reverse("register:profile_preview"))

    assert "Jordan made mornings calm." in response.text
    assert "Hidden words." not in response.text


@pytest.mark.parametrize("count", [1, 6])
def test_the_profile_reads_endorsements_in_one_query(
    client_for, pa, employer, hired, pa_profile, count, django_assert_max_num_queries
):
    from pahub.community.trust.profile_section import endorsements_section

    for _ in range(count):
        written(pa, employer, shown=True)
    with django_assert_max_num_queries(1):
        section = endorsements_section(pa_profile, employer)
    assert len(section[1]["endorsements"]) == count
