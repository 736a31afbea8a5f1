"""The daily digest: one email per person, only new results, none when nothing is new, and
a signed link that turns alerts off without signing in."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pahub.core.tasks import run_periodic_job
from pahub.jobs.models import SavedSearch
from pahub.jobs.saved_searches.services import (
    run_digests,
    saved_search_create,
    searches_for_token,
    unsubscribe_token,
)
from pahub.register.models import PAProfile
from tests.factories import make_job
from tests.jobs.public.fixtures import make_profile

TOMORROW = timedelta(days=1, minutes=1)


@pytest.fixture
def job_search(pa, open_job) -> SavedSearch:
    """Jordan's search for jobs within 10 miles of NE1; Amira's open job already seen."""
    return saved_search_create(user=pa, kind="jobs", query={"where": ["NE1"]}, name="Near home")


@pytest.fixture
def talent_search(employer, employer_profile, pa_profile) -> SavedSearch:
    """Amira's search for PAs within 10 miles of NE1; Jordan already seen."""
    return saved_search_create(
        user=employer,
        kind="talent",
        query={"outcode": ["NE1"], "miles": ["10"]},
        employer=employer,
        name="PAs near me",
    )


def digest(mailoutbox, run_commits, *, now=None):
    with run_commits():
        run = run_digests(now=now or timezone.now() + TOMORROW)
    return run, list(mailoutbox)


def test_nothing_new_sends_nothing(job_search, mailoutbox, run_commits):
    run, emails = digest(mailoutbox, run_commits)

    assert emails == []
    assert (run.people_checked, run.emails_sent) == (1, 0)


def test_only_new_jobs_are_sent(job_search, employer_profile, mailoutbox, run_commits):
    new = make_job(employer_profile.user, title="Evening PA, new this week")

    _, [email] = digest(mailoutbox, run_commits)

    assert email.to == ["pa@example.org"]
    assert "1 new result for your saved search" in email.subject
    assert "Evening PA, new this week" in email.body
    assert f"/jobs/{new.pk}/" in email.body
    assert "Morning PA for a busy mum" not in email.body
    job_search.refresh_from_db()
    assert new.pk in job_search.seen_ids


def test_a_result_is_sent_once(job_search, employer_profile, mailoutbox, run_commits):
    make_job(employer_profile.user, title="Evening PA")
    digest(mailoutbox, run_commits)

    run, emails = digest(mailoutbox, run_commits, now=timezone.now() + 2 * TOMORROW)

    assert len(emails) == 1
    assert run.emails_sent == 0


def test_one_email_a_day_however_often_the_task_runs(
    job_search, employer_profile, mailoutbox, run_commits
):
    make_job(employer_profile.user, title="Evening PA")
    digest(mailoutbox, run_commits)
    make_job(employer_profile.user, title="Lunchtime PA")

    run, emails = digest(
        mailoutbox, run_commits, now=timezone.now() + TOMORROW + timedelta(hours=3)
    )

    assert len(emails) == 1
    assert run.skipped_recent == 1


def test_one_email_per_person_covers_all_their_searches(
    pa, job_search, employer_profile, mailoutbox, run_commits
):
    saved_search_create(user=pa, kind="jobs", query={"min_pay": ["13"]}, name="Good pay")
    make_job(employer_profile.user, title="Evening PA", hourly_pay="14.00")

    _, [email] = digest(mailoutbox, run_commits)

    assert "2 new results for your saved searches" in email.subject
    assert "“Near home”: 1 new" in email.body
    assert "“Good pay”: 1 new" in email.body


def test_searches_with_alerts_off_are_not_sent(
    job_search, employer_profile, mailoutbox, run_commits
):
    SavedSearch.objects.filter(pk=job_search.pk).update(alerts_enabled=False)
    make_job(employer_profile.user, title="Evening PA")

    _, emails = digest(mailoutbox, run_commits)

    assert emails == []


def test_the_email_has_links_to_stop_alerts_and_the_mail_header_for_one_click(
    pa, job_search, employer_profile, mailoutbox, run_commits
):
    make_job(employer_profile.user, title="Evening PA")

    _, [email] = digest(mailoutbox, run_commits)

    # The tokens are read back rather than made again: each is signed with the second it
    # was made in, and the test's own could fall in the next.
    prefix = reverse("jobs:saved_search_unsubscribe", args=["TOKEN"]).split("TOKEN")[0]
    pattern = re.escape(prefix) + r"([^/\s>]+)/"
    links = [searches_for_token(token) for token in re.findall(pattern, email.body)]
    assert {(link.user, tuple(link.searches), link.all_searches) for link in links} == {
        (pa, (job_search,), False),
        (pa, (job_search,), True),
    }
    [header_token] = re.findall(pattern, email.extra_headers["List-Unsubscribe"])
    assert searches_for_token(header_token).all_searches
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


# Talent searches


def test_new_pas_are_sent_with_display_name_and_district_only(
    talent_search, mailoutbox, run_commits
):
    from pahub.accounts.models import Role
    from tests.factories import UserFactory

    newcomer = UserFactory(
        roles=[Role.PA],
        full_name="Sam Newton",
        email="sam@example.org",
        postcode="NE2 4AA",
        phone="07700 900123",
    )
    make_profile(newcomer, display_name="Sam", travel_miles=20)

    _, [email] = digest(mailoutbox, run_commits)

    assert email.to == ["employer@example.org"]
    assert "- Sam (NE2)" in email.body
    assert "Jordan" not in email.body
    for detail in ("Newton", "sam@example.org", "NE2 4AA", "07700"):
        assert detail not in email.body


def test_a_pa_who_hides_their_profile_is_not_sent(talent_search, mailoutbox, run_commits):
    from pahub.accounts.models import Role
    from tests.factories import UserFactory

    newcomer = UserFactory(roles=[Role.PA], postcode="NE2 4AA")
    profile = make_profile(newcomer, display_name="Sam", travel_miles=20)
    PAProfile.objects.filter(pk=profile.pk).update(visibility=PAProfile.Visibility.HIDDEN)

    _, emails = digest(mailoutbox, run_commits)

    assert emails == []


def test_a_representative_whose_grant_ended_gets_nothing(
    representative, employer, employer_profile, pa_profile, mailoutbox, run_commits
):
    from pahub.accounts.models import Representation, Role
    from tests.factories import UserFactory

    saved_search_create(
        user=representative,
        kind="talent",
        query={"outcode": ["NE1"]},
        employer=employer,
    )
    Representation.objects.filter(representative=representative).update(
        status=Representation.Status.REVOKED
    )
    make_profile(UserFactory(roles=[Role.PA], postcode="NE2 4AA"), display_name="Sam")

    _, emails = digest(mailoutbox, run_commits)

    assert emails == []


# The signed link


def test_the_link_shows_one_button_and_changes_nothing_on_its_own(client, pa, job_search):
    response = client.get(
        reverse("jobs:saved_search_unsubscribe", args=[unsubscribe_token(pa, job_search)])
    )

    assert response.status_code == 200
    assert "Stop the daily emails about “Near home”?" in response.content.decode()
    job_search.refresh_from_db()
    assert job_search.alerts_enabled


def test_pressing_the_button_turns_that_searchs_alerts_off_without_signing_in(
    client, pa, job_search
):
    other = saved_search_create(user=pa, kind="jobs", query={"kind": ["cover"]})

    response = client.post(
        reverse("jobs:saved_search_unsubscribe", args=[unsubscribe_token(pa, job_search)])
    )

    assert response.status_code == 200
    assert "Email alerts turned off" in response.content.decode()
    job_search.refresh_from_db()
    other.refresh_from_db()
    assert not job_search.alerts_enabled
    assert other.alerts_enabled


def test_a_mail_programs_one_click_post_turns_every_alert_off(pa, job_search):
    from django.test import Client

    other = saved_search_create(user=pa, kind="jobs", query={"kind": ["cover"]})
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        reverse("jobs:saved_search_unsubscribe", args=[unsubscribe_token(pa)]),
        {"List-Unsubscribe": "One-Click"},
    )

    assert response.status_code == 200
    assert not SavedSearch.objects.filter(alerts_enabled=True).exists()
    assert other.pk


def test_a_forged_link_is_not_found(client, pa, job_search):
    token = unsubscribe_token(pa, job_search)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    assert client.post(reverse("jobs:saved_search_unsubscribe", args=[forged])).status_code == 404
    job_search.refresh_from_db()
    assert job_search.alerts_enabled


# Running it


def test_the_task_runs_the_digest(job_search, employer_profile, mailoutbox, run_commits):
    make_job(employer_profile.user, title="Evening PA")
    SavedSearch.objects.update(last_alerted_at=None)

    with run_commits():
        result = run_periodic_job.enqueue("send_saved_search_digests")

    assert result.return_value["emails_sent"] == 1
    assert len(mailoutbox) == 1


def test_the_command_runs_it_or_queues_it(job_search, employer_profile, mailoutbox, run_commits):
    make_job(employer_profile.user, title="Evening PA")
    out = io.StringIO()

    with run_commits():
        call_command("run_periodic", "send_saved_search_digests", stdout=out)
    call_command("run_periodic", "send_saved_search_digests", "--enqueue", stdout=out)

    assert "1 digest sent, 1 new result" in out.getvalue()
    assert "Queued as task" in out.getvalue()
    assert len(mailoutbox) == 1
