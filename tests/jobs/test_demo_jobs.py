"""The demo for `make run` shows the jobs side: profiles to match, jobs and an application."""

import pytest

from pahub.employers.models import EmployerProfile
from pahub.jobs.models import Application, Job
from pahub.register.models import PAProfile
from pahub.setup.demo import demo_data_create


@pytest.mark.django_db
def test_demo_gives_pas_profiles_employers_jobs_and_an_application():
    demo_data_create()

    profiles = PAProfile.objects.all()
    assert profiles.count() == 4
    assert all(profile.visibility == PAProfile.Visibility.ALL_EMPLOYERS for profile in profiles)
    assert all(profile.level >= 1 for profile in profiles)
    assert PAProfile.objects.get(user__email__startswith="pa.jordan").dbs_rank == 3
    assert EmployerProfile.objects.count() == 3
    assert Job.objects.filter(status=Job.Status.PUBLISHED).count() == 2
    assert Job.objects.filter(status=Job.Status.DRAFT).count() == 1
    application = Application.objects.get()
    assert application.conversation.messages.count() == 2


@pytest.mark.django_db
def test_running_the_demo_twice_adds_nothing_the_second_time():
    demo_data_create()
    counts = (PAProfile.objects.count(), Job.objects.count(), Application.objects.count())

    demo_data_create()

    assert (PAProfile.objects.count(), Job.objects.count(), Application.objects.count()) == counts
