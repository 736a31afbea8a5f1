"""Who counts as a current or past employer of a PA: someone who hired them through a job or
booked them for cover, and nobody else."""

from pahub.community.trust import permissions
from pahub.community.trust.relationships import employers_of, has_employed, pas_of
from pahub.cover.models import Booking
from pahub.jobs.models import Application
from tests.community.trust.conftest import book, hire


def test_an_employer_who_hired_the_pa_through_a_job_is_their_employer(employer, pa):
    application = hire(employer, pa)

    assert application.status == Application.Status.HIRED
    assert list(employers_of(pa)) == [employer]
    assert list(pas_of(employer)) == [pa]
    assert has_employed(employer_id=employer.pk, pa_id=pa.pk)


def test_a_past_hire_still_counts_after_the_job_ends(employer, pa):
    application = hire(employer, pa)
    application.job.status = "closed"
    application.job.hired_pa = None
    application.job.save(update_fields=["status", "hired_pa"])

    assert list(employers_of(pa)) == [employer]


def test_an_employer_who_booked_the_pa_for_cover_is_their_employer(second_employer, pa):
    book(second_employer, pa)

    assert list(employers_of(pa)) == [second_employer]
    assert list(pas_of(second_employer)) == [pa]


def test_a_cancelled_booking_does_not_count(second_employer, pa):
    book(second_employer, pa, status=Booking.Status.CANCELLED)

    assert list(employers_of(pa)) == []


def test_applying_without_being_hired_does_not_count(employer, pa, open_job):
    Application.objects.create(job=open_job, pa=pa, origin="applied", status="shortlisted")

    assert list(employers_of(pa)) == []
    assert not has_employed(employer_id=employer.pk, pa_id=pa.pk)


def test_neither_hired_nor_booked_is_no_relationship(employer, pa, other_pa):
    hire(employer, pa)

    assert list(employers_of(other_pa)) == []
    assert list(pas_of(employer)) == [pa]


def test_hired_and_booked_by_the_same_employer_lists_them_once(employer, pa):
    hire(employer, pa)
    book(employer, pa)

    assert list(employers_of(pa)) == [employer]


def test_the_representative_writes_for_the_employer_but_is_not_an_employer(
    employer, representative, pa
):
    hire(employer, pa)

    assert representative not in employers_of(pa)
    assert permissions.may_write_for(representative, employer)
    assert list(permissions.employers_written_for(representative)) == [employer]


def test_staff_acting_for_the_employer_do_not_write_endorsements(employer, verifier, pa):
    assert not permissions.may_write_for(verifier, employer)
    assert list(permissions.employers_written_for(verifier)) == []
