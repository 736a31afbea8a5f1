"""The directory's cast: Newcastle Independent Living (`organisation`, whose staff are
`org_admin` and `verifier`) has a directory entry with an approved advice line in NE1;
Durham Direct Payments Support (`other_organisation`) has an entry with a pending service."""

from datetime import time

import pytest

from pahub.directory import services
from pahub.directory.models import Need, Service
from pahub.directory.queries import area_choices
from pahub.places.models import District


def make_entry(organisation=None, *, name="Newcastle Independent Living"):
    return services.entry_create(
        entry=services.EntryInput(
            name=name,
            description="A user-led organisation run by disabled people for disabled people.",
            website="https://newcastle-il.example.org",
            email="hello@newcastle-il.example.org",
            phone="0191 498 0101",
        ),
        by=None,
        managed_by=organisation,
    )


def make_service(entry, *, approved=True, **overrides):
    values = {
        "name": "Employing a PA advice line",
        "kind": Service.Kind.USER_LED,
        "description": "Advice on employing a Personal Assistant with a direct payment.",
        "needs": [Need.EMPLOYING_ADVICE, Need.DIRECT_PAYMENTS],
        "areas": list(area_choices().filter(name="Newcastle upon Tyne")),
        "website": "https://newcastle-il.example.org/advice",
        "email": "advice@newcastle-il.example.org",
        "phone": "0191 498 0102",
        "contact_name": "Priya Shah",
        "contact_title": "Advice worker",
        "accessibility": "Step-free entrance and a hearing loop.",
        "languages": ["English", "Polish"],
        "cost": Service.Cost.FREE,
        "eligibility": "Adults in Newcastle who employ, or want to employ, a PA.",
        "location": services.LocationInput(
            district=District.objects.get(outcode="NE1"),
            name="Independent Living Centre",
            address="1 Example Street",
            town="Newcastle upon Tyne",
            postcode="NE1 4ST",
        ),
        "hours": [(0, time(9), time(17)), (2, time(9), time(13))],
    }
    values.update(overrides)
    return services.service_create(
        organisation=entry, data=services.ServiceInput(**values), by=None, approved=approved
    )


@pytest.fixture
def entry(organisation):
    return make_entry(organisation)


@pytest.fixture
def approved_service(entry):
    return make_service(entry)


@pytest.fixture
def other_entry(other_organisation):
    return make_entry(other_organisation, name="Durham Direct Payments Support")


@pytest.fixture
def pending_service(other_entry):
    return make_service(
        other_entry,
        approved=False,
        name="Durham payroll service",
        kind=Service.Kind.PAYROLL,
        needs=[Need.PAYROLL],
        areas=list(area_choices().filter(name="County Durham")),
        location=services.LocationInput(district=District.objects.get(outcode="DH1")),
    )
