"""/matches/job/<id>/: a job's ranked PAs with reasons, for the job's employer side only."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.matching.presenters import optional_url
from tests.factories import (
    UserFactory,
    give_employer_consent,
    make_employer_profile,
    make_job,
    make_staff,
)
from tests.matching.conftest import make_pa

pytestmark = pytest.mark.django_db


def url(job) -> str:
    return reverse("job_matches:for_job", kwargs={"job_id": job.pk})


# Who may look


def test_a_visitor_is_sent_to_sign_in(client, open_job):
    response = client.get(url(open_job))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_employer_sees_the_page(client_for, employer, open_job, jordan):
    assert client_for(employer).get(url(open_job)).status_code == 200


def test_a_representative_with_a_grant_sees_the_page(client_for, representative, open_job):
    assert client_for(representative).get(url(open_job)).status_code == 200


def test_a_representative_of_someone_else_gets_404(client_for, representative, open_job):
    other = UserFactory(roles=["employer"], postcode="NE2 1AA")
    make_employer_profile(other)
    others_job = make_job(other)

    assert client_for(representative).get(url(others_job)).status_code == 404


@pytest.mark.parametrize("person", ["outsider", "pa", "other_pa"])
def test_anyone_else_gets_404(client_for, request, open_job, person):
    assert client_for(request.getfixturevalue(person)).get(url(open_job)).status_code == 404


def test_an_unknown_job_is_404(client_for, employer, open_job):
    assert (
        client_for(employer).get(url(open_job).replace(str(open_job.pk), "999999")).status_code
        == 404
    )


def test_staff_in_the_jobs_area_see_it_and_the_view_is_recorded(client_for, org_admin, open_job):
    response = client_for(org_admin).get(url(open_job))

    assert response.status_code == 200
    assert AuditEvent.objects.filter(
        actor=org_admin, action="record.viewed", target_type="jobs.job", target_id=str(open_job.pk)
    ).exists()


def test_the_employers_own_view_is_not_recorded(client_for, employer, open_job):
    client_for(employer).get(url(open_job))

    assert not AuditEvent.objects.filter(action="record.viewed").exists()


def test_staff_elsewhere_get_404(client_for, other_organisation, open_job):
    durham_staff = make_staff(organisation=other_organisation, email="durham@example.org")

    assert client_for(durham_staff).get(url(open_job)).status_code == 404


def test_staff_acting_for_the_employer_with_consent_see_it(
    client_for, organisation, employer, open_job
):
    helper = make_staff(organisation=organisation, email="helper@example.org")
    give_employer_consent(
        employer=employer, organisation=organisation, recorded_by=helper, how_given="By phone"
    )

    assert client_for(helper).get(url(open_job)).status_code == 200


def test_staff_without_two_factor_are_sent_to_set_it_up(client_for, organisation, open_job):
    staff = make_staff(organisation=organisation, email="no2fa@example.org", two_factor=False)

    response = client_for(staff).get(url(open_job))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


# What it shows


def test_each_pa_shows_name_district_miles_level_score_reasons_and_a_profile_link(
    client_for, employer, open_job, jordan
):
    page = client_for(employer).get(url(open_job)).content.decode()

    assert "Jordan" in page
    assert "NE3" in page
    assert "miles away" in page
    assert "Level 2" in page
    assert "Strong match:" in page and "out of 100" in page
    assert "Free for all 15 hours" in page
    assert reverse("register:profile_detail", kwargs={"profile_id": jordan.pk}) in page
    assert "How the score of" in page


def test_a_pa_with_gaps_shows_what_is_missing(client_for, employer, open_job):
    make_pa(name="Mondays", availability=["monday_early"], skills=("personal_care.dressing",))

    page = client_for(employer).get(url(open_job)).content.decode()

    assert "Free for 3 of the 15 hours" in page
    assert "Not free on Tuesday, Wednesday, Thursday and Friday early mornings" in page
    assert "Has not listed washing / bathing / showering" in page


def test_the_page_never_shows_a_pas_full_name_postcode_email_or_phone(
    client_for, employer, open_job, jordan
):
    jordan.user.phone = "07700 900123"
    jordan.user.save(update_fields=["phone"])

    page = client_for(employer).get(url(open_job)).content.decode()

    assert "Jordan Reed" not in page
    assert "Reed" not in page
    assert "NE3 1AA" not in page
    assert "pa@example.org" not in page
    assert "07700 900123" not in page


def test_hidden_and_paused_pas_are_not_listed(client_for, employer, open_job, jordan):
    make_pa(name="Hidden Harriet", visibility="hidden")
    make_pa(name="Paused Pat", is_paused=True)

    page = client_for(employer).get(url(open_job)).content.decode()

    assert "Hidden Harriet" not in page
    assert "Paused Pat" not in page


def test_the_invite_button_posts_the_profile_to_the_jobs_invite_page_when_it_exists(
    client_for, employer, open_job, jordan
):
    page = client_for(employer).get(url(open_job)).content.decode()

    invite = optional_url("jobs:invite", job_id=open_job.pk)
    if invite:
        assert f'action="{invite}"' in page
        assert f'name="pa_profile" value="{jordan.pk}"' in page
    else:
        assert "Invite to apply" not in page


def test_a_draft_job_says_pas_cannot_see_it_yet_and_offers_no_invitation(
    client_for, employer, draft_job, jordan
):
    page = client_for(employer).get(url(draft_job)).content.decode()

    assert "so PAs cannot see it yet" in page
    assert "Invite to apply" not in page
    assert "Jordan" in page


def test_no_matches_says_what_to_try(client_for, employer, open_job):
    page = client_for(employer).get(url(open_job)).content.decode()

    assert "No PAs match this job yet" in page


def test_the_query_count_does_not_grow_with_the_pas_listed(
    client_for, employer, open_job, django_assert_max_num_queries
):
    client = client_for(employer)
    for number in range(3):
        make_pa(name=f"First {number}", interests=("Gardening",))
    with django_assert_max_num_queries(40) as few:
        client.get(url(open_job))
    for number in range(25):
        make_pa(name=f"More {number}", interests=("Football",), level=number % 5)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(open_job))

    assert response.content.decode().count("pahub-match ") == 28
