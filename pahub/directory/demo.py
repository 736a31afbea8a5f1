"""The demo's directory: entries for the demo's organisations, with their fictional contact
details (example.org addresses and Ofcom's drama numbers, which ring nobody), and a few real
national services with only their public GOV.UK or own website addresses, never a phone
number we have not checked.

Made through the directory's services, once: if the demo's first entry exists, nothing is
added again.
"""

from datetime import time

from django.utils import timezone

from pahub.accounts.models import Organisation as AccountOrganisation
from pahub.accounts.models import User
from pahub.directory.models import Need, Organisation, Service
from pahub.directory.queries import area_choices
from pahub.directory.services import (
    EntryInput,
    LocationInput,
    ServiceInput,
    entry_base_standard_record,
    entry_create,
    service_create,
)
from pahub.places.models import District

# The demo's organisations (pahub/setup/demo.py names them; setup is above this app).
COUNCIL = "Newcastle City Council"
SUPPORT_AGENCY = "Tyne and Wear Independent Living Support"
USER_LED = "Durham Disabled People's Network"
TRAINING = "North East PA Training Partnership"

WEEKDAYS_NINE_TO_FIVE = [(day, time(9), time(17)) for day in range(5)]


def areas(*names: str) -> list:
    return list(area_choices().filter(name__in=names))


def district(outcode: str) -> District:
    return District.objects.get(outcode=outcode)


def demo_extension(*, people: dict[str, User]) -> None:
    if Organisation.objects.filter(name=SUPPORT_AGENCY).exists():
        return
    by_name = {
        organisation.name: organisation
        for organisation in AccountOrganisation.objects.filter(
            name__in=[COUNCIL, SUPPORT_AGENCY, USER_LED, TRAINING]
        )
    }
    admin = next((user for user in people.values() if user.is_superuser), None)

    agency = entry_create(
        entry=EntryInput(
            name=SUPPORT_AGENCY,
            description=(
                "An independent living support organisation for Tyneside and Sunderland. We "
                "help disabled and older people use a direct payment to employ their own PAs."
            ),
            website="https://twils.example.org",
            email="hello@twils.example.org",
            phone="0191 498 0456",
        ),
        by=None,
        managed_by=by_name.get(SUPPORT_AGENCY),
    )
    service_create(
        organisation=agency,
        by=None,
        approved=True,
        data=ServiceInput(
            name="Employing a PA: advice and support",
            kind=Service.Kind.SUPPORT_AGENCY,
            description=(
                "Advice on every step of employing a PA: writing the job, interviews, "
                "contracts, holiday, sickness and what to do when things go wrong."
            ),
            needs=[Need.EMPLOYING_ADVICE, Need.DIRECT_PAYMENTS, Need.RECRUITMENT],
            areas=areas(
                "Newcastle upon Tyne", "North Tyneside", "South Tyneside", "Gateshead", "Sunderland"
            ),
            website="https://twils.example.org/employing-a-pa",
            email="hello@twils.example.org",
            phone="0191 498 0456",
            contact_name="Advice team",
            accessibility="Step-free entrance, hearing loop at reception, accessible toilet.",
            languages=["English", "Urdu", "British Sign Language (book ahead)"],
            cost=Service.Cost.FREE,
            eligibility="Adults in Tyneside and Sunderland who get, or are asking for, a direct payment.",
            location=LocationInput(
                district=district("NE1"),
                name="Independent Living Centre",
                address="12 Example Street",
                town="Newcastle upon Tyne",
                postcode="NE1 4ST",
            ),
            hours=WEEKDAYS_NINE_TO_FIVE,
        ),
    )
    service_create(
        organisation=agency,
        by=None,
        approved=True,
        data=ServiceInput(
            name="Payroll for PA employers",
            kind=Service.Kind.PAYROLL,
            description=(
                "We run your PAs' payroll: payslips, tax and National Insurance, pension "
                "enrolment and your returns to HMRC."
            ),
            needs=[Need.PAYROLL],
            areas=areas("Newcastle upon Tyne", "Gateshead", "North Tyneside"),
            email="payroll@twils.example.org",
            phone="0191 498 0457",
            cost=Service.Cost.DEPENDS,
            cost_description="Free if your direct payment includes payroll; otherwise £12 a month.",
            hours=[(day, time(10), time(16)) for day in range(4)],
        ),
    )
    if admin is not None:
        entry_base_standard_record(
            organisation=agency, meets=True, checked_on=timezone.localdate(), by=admin
        )

    network = entry_create(
        entry=EntryInput(
            name=USER_LED,
            description="A user-led organisation: run by disabled people, for disabled people in County Durham.",
            website="https://durham-dpn.example.org",
            email="info@durham-dpn.example.org",
            phone="01632 960214",
        ),
        by=None,
        managed_by=by_name.get(USER_LED),
    )
    service_create(
        organisation=network,
        by=None,
        approved=True,
        data=ServiceInput(
            name="PA employers' peer support group",
            kind=Service.Kind.USER_LED,
            description=(
                "Meet other people who employ their own PAs, once a month, with tea. Share "
                "what works, from rotas to finding cover."
            ),
            needs=[Need.PEER_SUPPORT, Need.EMPLOYING_ADVICE],
            areas=areas("County Durham", "Darlington"),
            email="info@durham-dpn.example.org",
            phone="01632 960214",
            accessibility="Ground floor room with step-free access. Tell us what else you need.",
            languages=["English"],
            cost=Service.Cost.FREE,
            location=LocationInput(
                district=district("DH1"),
                name="Community Hall",
                address="3 Example Road",
                town="Durham",
                postcode="DH1 1AA",
            ),
            hours=[(2, time(13), time(15, 30))],
        ),
    )

    council = entry_create(
        entry=EntryInput(
            name=COUNCIL,
            description="Newcastle's council: direct payments and free computer help in its libraries.",
            website="https://newcastle-council.example.org/direct-payments",
            email="direct.payments@newcastle-council.example.org",
            phone="0191 498 0123",
        ),
        by=None,
        managed_by=by_name.get(COUNCIL),
    )
    service_create(
        organisation=council,
        by=None,
        approved=True,
        data=ServiceInput(
            name="Free computer help at the library",
            kind=Service.Kind.COMPUTER_HELP,
            description=(
                "Free computers and someone to help you use them: email, online forms, "
                "and finding PA jobs or PAs on PA Hub."
            ),
            needs=[Need.DIGITAL_HELP, Need.WORK_AND_BENEFITS],
            areas=areas("Newcastle upon Tyne"),
            phone="0191 498 0124",
            accessibility="Step-free, with an adjustable desk and screen reader software.",
            cost=Service.Cost.FREE,
            location=LocationInput(
                district=district("NE1"),
                name="City Library",
                address="1 Example Square",
                town="Newcastle upon Tyne",
                postcode="NE1 8AX",
            ),
            hours=[(day, time(10), time(16)) for day in range(6)],
        ),
    )

    training = entry_create(
        entry=EntryInput(
            name=TRAINING,
            description="Training for PAs and the people who employ them, across the North East.",
            website="https://ne-pa-training.example.org",
            email="courses@ne-pa-training.example.org",
            phone="01632 960587",
        ),
        by=None,
        managed_by=by_name.get(TRAINING),
    )
    # Waits for hub staff, so the review page has something to show in the demo.
    service_create(
        organisation=training,
        by=None,
        data=ServiceInput(
            name="Induction training for new PAs",
            kind=Service.Kind.TRAINING,
            description="The Care Certificate's standards over four mornings, for new PAs.",
            needs=[Need.TRAINING],
            areas=[],
            email="courses@ne-pa-training.example.org",
            cost=Service.Cost.FREE,
        ),
    )

    national_services(admin)


def national_services(by: User | None) -> None:
    """Real national services, with only their public website addresses."""
    for organisation, description, service in (
        (
            "HM Revenue and Customs",
            "The UK's tax authority.",
            ServiceInput(
                name="Running payroll as an employer (GOV.UK)",
                kind=Service.Kind.PAYROLL,
                description=(
                    "GOV.UK's guide to running payroll yourself, including HMRC's free "
                    "payroll software for employers with fewer than 10 employees."
                ),
                needs=[Need.PAYROLL],
                areas=[],
                website="https://www.gov.uk/running-payroll",
                cost=Service.Cost.FREE,
            ),
        ),
        (
            "GOV.UK",
            "The UK government's website.",
            ServiceInput(
                name="Employers' liability insurance (GOV.UK)",
                kind=Service.Kind.INSURANCE,
                description=(
                    "GOV.UK's guide to employers' liability insurance: when you need it and "
                    "what it must cover. Most people who employ a PA need it."
                ),
                needs=[Need.INSURANCE],
                areas=[],
                website="https://www.gov.uk/employers-liability-insurance",
                cost=Service.Cost.FREE,
            ),
        ),
        (
            "Skills for Care",
            "The workforce development body for adult social care in England.",
            ServiceInput(
                name="Skills for Care: help for individual employers and PAs",
                kind=Service.Kind.TRAINING,
                description=(
                    "Guidance for people who employ their own care and support, and their "
                    "PAs, including funding for PAs' training."
                ),
                needs=[Need.TRAINING, Need.EMPLOYING_ADVICE],
                areas=[],
                website="https://www.skillsforcare.org.uk",
                cost=Service.Cost.FREE,
            ),
        ),
        (
            "Shared Lives Plus",
            "The UK network for Shared Lives and Homeshare.",
            ServiceInput(
                name="Shared Lives Plus: find out about Shared Lives",
                kind=Service.Kind.SHARED_LIVES,
                description=(
                    "Shared Lives carers share their home and family life with an adult "
                    "who needs support. Find out how it works and how to find a local scheme."
                ),
                needs=[Need.SHARED_LIVES, Need.CARE_AND_SUPPORT],
                areas=[],
                website="https://sharedlivesplus.org.uk",
                cost=Service.Cost.FREE,
            ),
        ),
    ):
        entry = entry_create(entry=EntryInput(name=organisation, description=description), by=by)
        service_create(organisation=entry, data=service, by=by, approved=True)
