"""The cover API cast: Amira (employer, NE1, with her employer profile) needs cover tomorrow
08:00 to 11:00; Jordan (PA) was alerted from her relief pool; Sara represents Amira; Val is
staff in Newcastle with Amira's recorded consent; Dora is staff in County Durham whose
organisation was given a consent by mistake; Oscar is an outsider PA; Rob represents nobody."""

import json
from datetime import datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pahub.accounts.models import Membership, Role, User
from pahub.cover.models import Booking, CoverAlert, CoverOffer, CoverRequest
from pahub.cover.services import booking_confirm
from tests.cover.conftest import make_request
from tests.factories import OrganisationFactory, UserFactory, give_employer_consent, make_staff

ADDRESS = "12 Grey Street, Newcastle NE1 6AE"
PHONE = "07700 900123"


def post(client: Client, url: str, payload: dict | None = None):
    body = json.dumps(payload) if payload is not None else ""
    return client.post(url, data=body, content_type="application/json")


def alert(request: CoverRequest, pa: User, *, from_pool: bool = True) -> CoverAlert:
    return CoverAlert.objects.create(request=request, pa=pa, wave=0, from_pool=from_pool)


@pytest.fixture
def amira(employer_profile) -> User:
    return employer_profile.user


@pytest.fixture
def asked(amira, pa, tomorrow) -> CoverRequest:
    """Amira's request for tomorrow 08:00 to 11:00, with her address; Jordan was alerted."""
    request = make_request(
        amira, slots=[(tomorrow, time(8), time(11))], address=ADDRESS, contact_phone=PHONE
    )
    alert(request, pa)
    return request


@pytest.fixture
def jordans_offer(asked, pa) -> CoverOffer:
    return CoverOffer.objects.create(slot=asked.slots.get(), pa=pa, message="I can do it.")


@pytest.fixture
def booking(jordans_offer, amira) -> Booking:
    return booking_confirm(offer=jordans_offer, by=amira)


@pytest.fixture
def worked_booking(amira, pa) -> Booking:
    """Jordan covered Amira yesterday 08:00 to 11:00."""
    yesterday = timezone.localdate() - timedelta(days=1)
    request = make_request(amira, slots=[], address=ADDRESS)
    starts = datetime.combine(yesterday, time(8), tzinfo=timezone.get_current_timezone())
    slot = request.slots.create(starts_at=starts, ends_at=starts + timedelta(hours=3))
    alert(request, pa)
    return Booking.objects.create(
        slot=slot, pa=pa, employer=amira, starts_at=slot.starts_at, ends_at=slot.ends_at
    )


@pytest.fixture
def consenting_staff(organisation, amira) -> User:
    """Val's organisation serves Newcastle and Amira agreed it may act for her."""
    staff = make_staff(
        organisation=organisation,
        role=Membership.StaffRole.MEMBER,
        email="helper.staff@example.org",
        full_name="Val Helper",
    )
    give_employer_consent(
        employer=amira, organisation=organisation, recorded_by=staff, how_given="On the phone."
    )
    return staff


@pytest.fixture
def staff_without_consent(db) -> User:
    """Nina's organisation also serves Newcastle, but Amira never agreed it may act for her."""
    carers = OrganisationFactory(name="Newcastle Carers Centre", areas=["Newcastle upon Tyne"])
    return make_staff(
        organisation=carers,
        role=Membership.StaffRole.MEMBER,
        email="no.consent@example.org",
        full_name="Nina Newcastle",
    )


@pytest.fixture
def staff_elsewhere(other_organisation, amira) -> User:
    """Staff in County Durham: even a consent for their organisation does not reach Amira."""
    staff = make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.MEMBER,
        email="durham.staff@example.org",
        full_name="Dora Durham",
        postcode="DH1 1AA",
    )
    give_employer_consent(
        employer=amira, organisation=other_organisation, recorded_by=staff, how_given="Mistake."
    )
    return staff


@pytest.fixture
def unlinked_representative(db) -> User:
    return UserFactory(
        email="someone.else@example.org", full_name="Rob Stranger", roles=[Role.REPRESENTATIVE]
    )
