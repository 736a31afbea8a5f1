"""People around Amira's jobs, shared by tests/employers and tests/jobs (builder, api_manage)
(each conftest imports them): staff with and without her consent, staff of another area,
a representative she never granted, and a PA."""

import pytest

from pahub.accounts.models import Membership, Role, User
from pahub.employers.services import help_consent_record
from tests.factories import OrganisationFactory, UserFactory, give_employer_consent, make_staff


@pytest.fixture
def helping_staff(verifier, organisation, employer) -> User:
    """Val, of Newcastle Independent Living, with Amira's recorded consent."""
    help_consent_record(
        employer=employer,
        organisation=organisation,
        by=verifier,
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
def staff_elsewhere(other_organisation, employer) -> User:
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
        email="someone.else@example.org",
        full_name="Rob Stranger",
        roles=[Role.REPRESENTATIVE],
    )
