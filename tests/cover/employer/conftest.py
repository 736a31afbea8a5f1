"""People around Amira's cover: staff with and without her consent, staff of another area,
a representative she never granted, a PA with a profile she can see, and a ready request
with an offer waiting."""

from datetime import time, timedelta

import pytest

from pahub.accounts.models import Membership, Role, User
from pahub.cover.models import CoverOffer, CoverRequest, ReliefPoolMember
from pahub.register.models import PAProfile
from tests.cover.conftest import make_request
from tests.cover.employer.builders import book, pa_profile_for, worked
from tests.factories import OrganisationFactory, UserFactory, give_employer_consent, make_staff


@pytest.fixture
def helping_staff(verifier, organisation, employer, employer_profile) -> User:
    """Val, of Newcastle Independent Living, with Amira's recorded consent."""
    give_employer_consent(
        employer=employer,
        organisation=organisation,
        recorded_by=verifier,
        how_given="In person at the drop-in on 3 March.",
    )
    return verifier


@pytest.fixture
def staff_without_consent(db) -> User:
    """Staff of another Newcastle organisation, which Amira never agreed to."""
    carers = OrganisationFactory(name="Newcastle Carers Centre", areas=["Newcastle upon Tyne"])
    return make_staff(
        organisation=carers,
        role=Membership.StaffRole.MEMBER,
        email="carers.staff@example.org",
        full_name="Nina Newcastle",
    )


@pytest.fixture
def staff_elsewhere(other_organisation, employer, employer_profile) -> User:
    """Staff in County Durham. Even a consent recorded for their organisation does not let
    them act for Amira, who lives in Newcastle."""
    staff = make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.ADMIN,
        email="durham.staff@example.org",
        full_name="Dora Durham",
        postcode="DH1 1AA",
    )
    give_employer_consent(
        employer=employer,
        organisation=other_organisation,
        recorded_by=staff,
        how_given="Recorded by mistake in another area.",
    )
    return staff


@pytest.fixture
def unlinked_representative(db) -> User:
    """A representative, but not Amira's: she never granted them anything."""
    return UserFactory(
        email="someone.else@example.org", full_name="Rob Stranger", roles=[Role.REPRESENTATIVE]
    )


@pytest.fixture
def pa_profile(pa) -> PAProfile:
    """Jordan's profile, "Jordan", visible to any signed-in employer."""
    return pa_profile_for(pa)


@pytest.fixture
def amira_request(employer, employer_profile, tomorrow) -> CoverRequest:
    """Amira needs cover tomorrow 08:00 to 11:00, at her address."""
    return make_request(
        employer,
        slots=[(tomorrow, time(8), time(11))],
        address="12 Grey Street, Newcastle NE1 6AE",
        contact_phone="0191 000 0000",
    )


@pytest.fixture
def jordans_offer(amira_request, pa, pa_profile) -> CoverOffer:
    return CoverOffer.objects.create(
        slot=amira_request.slots.get(), pa=pa, message="I can be there by 07:45."
    )


@pytest.fixture
def world(employer, employer_profile, pa, other_pa, tomorrow):
    """Amira's request for two mornings: Jordan is booked for the first and has recorded his
    hours; Chris has offered for the second; Jordan is invited to her relief pool."""
    request = make_request(
        employer,
        slots=[(tomorrow, time(8), time(11)), (tomorrow + timedelta(days=1), time(8), time(11))],
        address="12 Grey Street, Newcastle NE1 6AE",
    )
    first, second = request.slots.all()
    pa_profile_for(pa)
    pa_profile_for(other_pa)
    booking = book(CoverOffer.objects.create(slot=first, pa=pa), by=employer)
    offer = CoverOffer.objects.create(slot=second, pa=other_pa)
    timesheet = worked(booking, note="All fine.")
    member = ReliefPoolMember.objects.create(employer=employer, pa=pa, invited_by=employer)
    return {
        "employer": employer,
        "request": request,
        "booking": booking,
        "offer": offer,
        "timesheet": timesheet,
        "member": member,
    }
