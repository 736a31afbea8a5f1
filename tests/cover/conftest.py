"""Cover fixtures: an employer's request with slots, and PAs who can offer."""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from pahub.accounts.models import Role
from pahub.cover.models import CoverOffer, CoverRequest, CoverSlot
from pahub.cover.times import span_from_local
from tests.factories import UserFactory, district


def make_request(employer, *, slots: list[tuple[date, time, time]], **fields) -> CoverRequest:
    place = district(employer.postcode.split(" ")[0])
    request = CoverRequest.objects.create(
        employer=employer,
        created_by=employer,
        hourly_pay=Decimal("14.00"),
        district=place,
        local_authority=place.local_authority,
        **fields,
    )
    for day, start, end in slots:
        span = span_from_local(day, start, end)
        CoverSlot.objects.create(request=request, starts_at=span.starts_at, ends_at=span.ends_at)
    return request


def make_pas(count: int, *, prefix: str = "cover.pa"):
    return [
        UserFactory(email=f"{prefix}{n}@example.org", postcode="NE3 1AA", roles=[Role.PA])
        for n in range(count)
    ]


def offer(slot: CoverSlot, pa) -> CoverOffer:
    return CoverOffer.objects.create(slot=slot, pa=pa)


def starting_soon(booking):
    """Move a booking (and its slot) to start in two hours, so that cancelling it is late
    whatever time of day the suite runs (tomorrow 08:00 is more than a day away before 08:00)."""
    from django.utils import timezone

    from pahub.cover.models import Booking

    length = booking.ends_at - booking.starts_at
    starts = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    Booking.objects.filter(pk=booking.pk).update(starts_at=starts, ends_at=starts + length)
    CoverSlot.objects.filter(pk=booking.slot_id).update(starts_at=starts, ends_at=starts + length)
    booking.refresh_from_db()
    return booking


@pytest.fixture
def tomorrow() -> date:
    from django.utils import timezone

    return timezone.localdate() + timedelta(days=1)


@pytest.fixture
def cover_request(employer, tomorrow) -> CoverRequest:
    """Amira needs cover tomorrow 08:00 to 11:00."""
    return make_request(employer, slots=[(tomorrow, time(8), time(11))])
