"""Importing a council's job list: draft jobs for employers who agreed that the organisation
may act for them; every other row refused with the reason."""

from django.core.files.uploadedfile import SimpleUploadedFile

from pahub.core.imports import services
from pahub.core.imports.models import ImportRun
from pahub.jobs.models import Job
from tests.factories import UserFactory, give_employer_consent, make_employer_profile

MAPPING = {
    "title": "Title",
    "employer_email": "Employer",
    "description": "About",
    "hourly_pay": "Pay",
}


def job_list(rows: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "jobs.csv", ("\n".join(["Title,Employer,About,Pay", *rows]) + "\n").encode()
    )


def import_jobs(organisation, staff, rows: list[str], *, confirm: bool = True) -> ImportRun:
    run = services.import_upload(
        organisation=organisation, by=staff, kind="jobs", uploaded=job_list(rows)
    )
    run = services.import_check_start(run=run, by=staff, mapping=MAPPING)
    return services.import_confirm(run=run, by=staff) if confirm else run


def outcomes(run: ImportRun) -> dict[int, tuple[str, str]]:
    return {r.row_number: (r.outcome, r.reason) for r in run.rows.all()}


def test_jobs_are_drafted_only_for_employers_who_agreed(organisation, verifier, employer):
    make_employer_profile(employer)
    give_employer_consent(employer=employer, organisation=organisation, how_given="By phone.")
    stranger = UserFactory(email="stranger@example.org", postcode="NE2 1AA", roles=["employer"])
    make_employer_profile(stranger)

    dry = import_jobs(
        organisation,
        verifier,
        [
            "Morning PA,employer@example.org,Help getting up,13.50",
            "Evening PA,stranger@example.org,,",
            "Night PA,nobody@example.org,,",
            ",employer@example.org,,",
            "Weekend PA,employer@example.org,,plenty",
        ],
        confirm=False,
    )
    assert Job.objects.count() == 0
    assert outcomes(dry) == {
        2: ("created", "New draft job for the employer to check"),
        3: (
            "refused",
            "stranger@example.org has not agreed that Newcastle Independent Living may act for "
            "them",
        ),
        4: ("refused", "No employer on PA Hub has the email address nobody@example.org"),
        5: ("refused", "Job title is missing"),
        6: ("refused", "Hourly pay 'plenty' is not an amount in pounds"),
    }

    run = services.import_confirm(run=dry, by=verifier)

    assert (run.status, run.created, run.refused) == (ImportRun.Status.DONE, 1, 4)
    job = Job.objects.get()
    assert (job.employer, job.status, job.title) == (employer, Job.Status.DRAFT, "Morning PA")
    assert (job.description, str(job.hourly_pay)) == ("Help getting up", "13.50")
    assert job.posted_by_organisation == organisation


def test_a_job_list_imported_twice_changes_nothing_and_a_change_updates_the_draft(
    organisation, verifier, employer
):
    make_employer_profile(employer)
    give_employer_consent(employer=employer, organisation=organisation, how_given="By phone.")
    import_jobs(organisation, verifier, ["Morning PA,employer@example.org,Help,13.50"])

    again = import_jobs(organisation, verifier, ["Morning PA,employer@example.org,Help,13.50"])
    changed = import_jobs(organisation, verifier, ["Morning PA,employer@example.org,Help,14.00"])

    assert (again.duplicate, again.created) == (1, 0)
    assert outcomes(changed)[2] == ("updated", "Changed: hourly pay")
    assert Job.objects.count() == 1
    assert str(Job.objects.get().hourly_pay) == "14.00"


def test_a_pay_below_the_minimum_wage_is_refused_by_the_job_rules(organisation, verifier, employer):
    make_employer_profile(employer)
    give_employer_consent(employer=employer, organisation=organisation, how_given="By phone.")

    run = import_jobs(organisation, verifier, ["Morning PA,employer@example.org,,2.00"])

    assert run.refused == 1 and Job.objects.count() == 0
    assert outcomes(run)[2][0] == "refused"
