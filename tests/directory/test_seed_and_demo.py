"""`manage.py seed --services N` fills the directory at scale; the demo gives its
organisations entries with fictional contact details only."""

import io
import re

from django.core.management import call_command

from pahub.directory.demo import demo_extension
from pahub.directory.models import Organisation, Service
from pahub.directory.seeding import seed_directory

# Ofcom's numbers for drama: 0191 498 0000 to 0999 and 01632 960000 to 960999.
DRAMA_NUMBER = re.compile(r"^(0191 498 0\d{3}|01632 960\d{3})$")


def test_the_seed_makes_approved_services_with_needs_locations_and_hours(db):
    assert seed_directory(seed=7, count=23, batch_size=10) == 23

    services = Service.objects.filter(name__startswith="Seeded directory 7 ")
    assert services.count() == 23
    assert set(services.values_list("status", flat=True)) == {Service.Status.APPROVED}
    for service in services.prefetch_related("needs", "locations", "opening_hours"):
        assert service.needs.all()
        assert len(service.locations.all()) == 1
        assert len(service.opening_hours.all()) == 5
        assert DRAMA_NUMBER.match(service.phone)


def test_seeding_again_replaces_rather_than_adds(db):
    seed_directory(seed=7, count=10)
    seed_directory(seed=7, count=4)

    assert Service.objects.filter(name__startswith="Seeded directory 7 ").count() == 4


def test_the_seed_command_takes_services(db):
    out = io.StringIO()
    call_command("seed", "--pas=0", "--employers=0", "--services=12", "--seed=9", stdout=out)

    assert "Directory: 12 services" in out.getvalue()
    assert Service.objects.filter(name__startswith="Seeded directory 9 ").count() == 12


def test_the_demo_lists_its_organisations_once_with_fictional_numbers(db):
    demo_extension(people={})
    demo_extension(people={})

    assert Organisation.objects.filter(name="Tyne and Wear Independent Living Support").count() == 1
    phones = [phone for phone in Service.objects.values_list("phone", flat=True) if phone]
    assert phones
    assert all(DRAMA_NUMBER.match(phone) for phone in phones)
    national = Service.objects.filter(organisation__managed_by__isnull=True, phone="")
    assert {service.website for service in national} >= {
        "https://www.gov.uk/running-payroll",
        "https://www.gov.uk/employers-liability-insurance",
    }
    assert Service.objects.filter(status=Service.Status.PENDING).count() == 1
