"""Accounts fixtures: an employer and a PA who share a job, a conversation and shifts."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from pahub.accounts.models import User
from pahub.cover.models import Booking, CoverOffer, CoverRequest, CoverSlot, Timesheet
from pahub.jobs.models import Application, Job
from pahub.messaging.models import Conversation, Message
from pahub.register.models import PAProfile
from tests.factories import district, make_employer_profile, make_job


@dataclass
class Shared:
    job: Job
    application: Application
    conversation: Conversation
    past_booking: Booking
    timesheet: Timesheet
    future_booking: Booking
    open_request: CoverRequest
    pending_job: Job
    pending_application: Application


def _request(employer: User, starts, hours: int = 3, **fields) -> CoverRequest:
    place = district(employer.postcode.split(" ")[0])
    request = CoverRequest.objects.create(
        employer=employer,
        created_by=employer,
        hourly_pay="14.00",
        district=place,
        local_authority=place.local_authority,
        address="12 Grey Street, Newcastle NE1 4ST",
        contact_phone="0191 000 0000",
        note="Key safe code 1234",
        **fields,
    )
    CoverSlot.objects.create(
        request=request, starts_at=starts, ends_at=starts + timedelta(hours=hours)
    )
    return request


def _booking(request: CoverRequest, pa: User) -> Booking:
    slot = request.slots.get()
    offer = CoverOffer.objects.create(
        slot=slot, pa=pa, status=CoverOffer.Status.CONFIRMED, message="Happy to help"
    )
    slot.status = CoverSlot.Status.BOOKED
    slot.save(update_fields=["status"])
    request.status = CoverRequest.Status.COVERED
    request.save(update_fields=["status"])
    return Booking.objects.create(
        slot=slot,
        offer=offer,
        pa=pa,
        employer=request.employer,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        confirmed_by=request.employer,
    )


@pytest.fixture
def shared(employer, pa) -> Shared:
    make_employer_profile(
        employer, access_needs=["large_print"], access_needs_other="Please call after 10"
    )
    PAProfile.objects.create(user=pa, display_name="Jordan", about_me="I love walking.")
    job = make_job(employer, title="Morning PA", status=Job.Status.FILLED, hired_pa=pa)
    conversation = Conversation.objects.create(employer=employer, pa=pa, job=job)
    Message.objects.create(
        conversation=conversation, author=employer, author_role="employer", body="Welcome aboard!"
    )
    Message.objects.create(
        conversation=conversation, author=pa, author_role="pa", body="Thanks, see you Monday."
    )
    Message.objects.create(
        conversation=conversation, author=None, author_role="hub", body="Jordan applied."
    )
    application = Application.objects.create(
        job=job,
        pa=pa,
        origin="applied",
        status="hired",
        message="I live nearby.",
        conversation=conversation,
    )
    now = timezone.now()
    past = _request(employer, now - timedelta(days=2))
    past_booking = _booking(past, pa)
    timesheet = Timesheet.objects.create(
        booking=past_booking,
        started_at=past_booking.starts_at,
        ended_at=past_booking.ends_at,
        note="Went to the shops",
        status=Timesheet.Status.APPROVED,
        decided_by=employer,
        decided_at=now - timedelta(days=1),
    )
    future_booking = _booking(_request(employer, now + timedelta(days=3)), pa)
    open_request = _request(employer, now + timedelta(days=5))
    pending_job = make_job(employer, title="Weekend PA")
    pending_application = Application.objects.create(
        job=pending_job, pa=pa, origin="applied", status="applied", message="Pick me"
    )
    mail.outbox.clear()
    return Shared(
        job=job,
        application=application,
        conversation=conversation,
        past_booking=past_booking,
        timesheet=timesheet,
        future_booking=future_booking,
        open_request=open_request,
        pending_job=pending_job,
        pending_application=pending_application,
    )
