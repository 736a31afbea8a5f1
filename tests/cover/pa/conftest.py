"""The PA side of cover: Amira (employer, profile "Amira" in NE1) needs cover; Jordan (pa) is
alerted; Chris (other_pa) and Oscar (outsider) are PAs with no part in it."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from pahub.cover.models import Booking, CoverAlert, CoverRequest, CoverSlot
from pahub.cover.services import booking_confirm
from pahub.cover.times import span_from_local
from pahub.taxonomy.models import Skill
from tests.cover.conftest import make_request, offer
from tests.factories import district

ADDRESS = "12 Grey Street, Newcastle NE1 6AE"
PHONE = "0191 496 0000"


def alert(cover_request: CoverRequest, pa, *, from_pool: bool = False, **fields) -> CoverAlert:
    return CoverAlert.objects.create(
        request=cover_request, pa=pa, wave=0 if from_pool else 1, from_pool=from_pool, **fields
    )


def book(slot: CoverSlot, pa) -> Booking:
    """Alert the PA, take their offer and confirm it, as the employer would."""
    CoverAlert.objects.get_or_create(request=slot.request, pa=pa, defaults={"wave": 1})
    return booking_confirm(offer=offer(slot, pa), by=slot.request.employer)


def booking_at(employer, pa, starts_at: datetime, ends_at: datetime) -> Booking:
    """A booking at exact instants (in the past or across a clock change), made directly."""
    place = district(employer.postcode.split(" ")[0])
    cover_request = CoverRequest.objects.create(
        employer=employer,
        created_by=employer,
        hourly_pay=Decimal("14.00"),
        district=place,
        local_authority=place.local_authority,
        address=ADDRESS,
        status=CoverRequest.Status.COVERED,
    )
    slot = CoverSlot.objects.create(
        request=cover_request, starts_at=starts_at, ends_at=ends_at, status="booked"
    )
    return Booking.objects.create(
        slot=slot, pa=pa, employer=employer, starts_at=starts_at, ends_at=ends_at
    )


def local_booking(employer, pa, day: date, start: time, end: time) -> Booking:
    span = span_from_local(day, start, end)
    return booking_at(employer, pa, span.starts_at, span.ends_at)


@pytest.fixture
def needed(employer, employer_profile, tomorrow) -> CoverRequest:
    """Amira needs cover tomorrow 08:00 to 11:00 and 18:00 to 21:00, washing and dressing."""
    cover_request = make_request(
        employer,
        slots=[(tomorrow, time(8), time(11)), (tomorrow, time(18), time(21))],
        address=ADDRESS,
        contact_phone=PHONE,
        note="The key safe code is given once you are booked.",
        required_dbs="enhanced",
        required_dbs_rank=3,
    )
    cover_request.tasks.set(
        Skill.objects.filter(code__in=["personal_care.washing_bathing", "personal_care.dressing"])
    )
    return cover_request


@pytest.fixture
def alerted(needed, pa) -> CoverRequest:
    """Jordan has been told about Amira's request, as a nearby PA."""
    alert(needed, pa)
    return needed


@pytest.fixture
def first_slot(needed) -> CoverSlot:
    return needed.slots.order_by("starts_at").first()


@pytest.fixture
def booking(alerted, first_slot, pa) -> Booking:
    """Jordan is booked for the morning shift."""
    return book(first_slot, pa)


@pytest.fixture
def past_booking(employer, employer_profile, pa) -> Booking:
    """Jordan covered yesterday 08:00 to 11:00."""
    yesterday = timezone.localdate() - timedelta(days=1)
    return local_booking(employer, pa, yesterday, time(8), time(11))
