"""Jobs' retention rules: ended jobs and drafts go (with their applications), ended
applications go, and nothing younger, still open or still talked about."""

from datetime import timedelta

from django.utils import timezone

from pahub.core.retention import apply_rule, registry
from pahub.jobs.models import Application, Job
from pahub.messaging.models import Conversation
from tests.factories import make_job


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def ended(job: Job, *, status: str, days: int) -> Job:
    Job.objects.filter(pk=job.pk).update(status=status, closed_at=days_ago(days))
    return job


def run(name: str) -> int:
    return apply_rule(registry.get(name))


def test_jobs_closed_or_filled_over_two_years_ago_go_with_their_applications(employer_profile, pa):
    employer = employer_profile.user
    old_closed = ended(make_job(employer), status=Job.Status.CLOSED, days=731)
    old_filled = ended(make_job(employer), status=Job.Status.FILLED, days=800)
    Application.objects.create(job=old_filled, pa=pa, origin="applied", status="hired")
    young = ended(make_job(employer), status=Job.Status.CLOSED, days=729)
    still_open = make_job(employer)
    Job.objects.filter(pk=still_open.pk).update(updated_at=days_ago(1000))

    assert run("jobs.ended_jobs") == 2

    assert set(Job.objects.values_list("pk", flat=True)) == {young.pk, still_open.pk}
    assert not Application.objects.exists()
    assert not Job.objects.filter(pk__in=[old_closed.pk, old_filled.pk]).exists()


def test_an_ended_job_is_kept_while_a_conversation_about_it_is_kept(employer_profile, pa):
    job = ended(make_job(employer_profile.user), status=Job.Status.CLOSED, days=1000)
    Conversation.objects.create(employer=employer_profile.user, pa=pa, job=job)

    assert run("jobs.ended_jobs") == 0
    assert Job.objects.filter(pk=job.pk).exists()


def test_drafts_untouched_for_a_year_go_and_newer_drafts_stay(employer_profile):
    employer = employer_profile.user
    old = make_job(employer, status=Job.Status.DRAFT, published_at=None)
    new = make_job(employer, status=Job.Status.DRAFT, published_at=None)
    Job.objects.filter(pk=old.pk).update(updated_at=days_ago(366))
    Job.objects.filter(pk=new.pk).update(updated_at=days_ago(364))

    assert run("jobs.draft_jobs") == 1
    assert list(Job.objects.values_list("pk", flat=True)) == [new.pk]


def test_applications_that_ended_over_a_year_ago_go_and_live_ones_stay(
    employer_profile, pa, other_pa, outsider
):
    job = make_job(employer_profile.user)
    declined = Application.objects.create(job=job, pa=pa, origin="applied", status="declined")
    withdrawn = Application.objects.create(
        job=job, pa=other_pa, origin="applied", status="withdrawn"
    )
    shortlisted = Application.objects.create(
        job=job, pa=outsider, origin="applied", status="shortlisted"
    )
    second = make_job(employer_profile.user)
    recent = Application.objects.create(job=second, pa=pa, origin="applied", status="declined")
    Application.objects.filter(pk__in=[declined.pk, withdrawn.pk, shortlisted.pk]).update(
        updated_at=days_ago(366)
    )
    Application.objects.filter(pk=recent.pk).update(updated_at=days_ago(364))

    assert run("jobs.ended_applications") == 2
    assert set(Application.objects.values_list("pk", flat=True)) == {shortlisted.pk, recent.pk}
