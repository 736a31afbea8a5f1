"""A job's page shows what the job costs, from the calculator (registered by costs' app)."""

from django.urls import reverse

from pahub.jobs.sections import job_sections


def test_the_employers_job_page_shows_the_jobs_cost(client_for, employer, open_job):
    content = client_for(employer).get(reverse("employer:job", args=[open_job.pk])).content.decode()

    # 15 hours at £13.50 = £202.50; holiday 202.50 x 5.6 / 52 = 21.8077; pay 224.3077;
    # NI 15% of 128.3077 = 19.2462; pension 3% of 104.3077 = 3.1292. Total 246.6831 a week.
    assert "What this job costs you" in content
    assert "£202.50" in content
    assert "£246.68" in content
    assert reverse("costs:calculator") in content


def test_a_job_without_pay_shows_no_cost(employer, draft_job):
    draft_job.hourly_pay = None
    draft_job.save(update_fields=["hourly_pay"])

    # Other apps' sections (the library's documents) may still show; the cost does not.
    assert "cost" not in [section.name for section in job_sections(draft_job, employer)]
