"""Messaging fixtures: Amira (employer) and Jordan (PA) talking about Amira's job.

Amira's side: Amira herself, Sara (representative, active grant), and Olu, an admin at
Newcastle Independent Living, once Amira has given that organisation recorded consent to
act for her (`help_consent`). Mo, at the council's team, moderates reports in Newcastle;
Dee, at the County Durham organisation, moderates elsewhere.
"""

import pytest

from pahub.accounts.models import Membership, OrganisationConsent, Representation, Role, User
from pahub.messaging.models import Conversation, Message
from pahub.messaging.services import conversation_get_or_create, message_post
from pahub.register.models import PAProfile
from tests.factories import OrganisationFactory, UserFactory, give_employer_consent, make_staff


@pytest.fixture
def pa_profile(db, pa) -> PAProfile:
    """Jordan's profile, visible to any signed-in employer."""
    return PAProfile.objects.create(
        user=pa,
        display_name="Jordan",
        about_me="I have cared for my grandad for five years.",
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
    )


@pytest.fixture
def help_consent(employer_profile, organisation, org_admin) -> OrganisationConsent:
    return give_employer_consent(
        employer=employer_profile.user,
        organisation=organisation,
        recorded_by=org_admin,
        how_given="Amira agreed on the phone on 3 November.",
    )


@pytest.fixture
def helping_staff(help_consent, org_admin) -> User:
    """Olu, staff at Newcastle Independent Living, acting for Amira with her consent."""
    return org_admin


@pytest.fixture
def moderator(db) -> User:
    """Mo: staff of the council's team, which serves Amira's area; no consent to act for her."""
    council = OrganisationFactory(
        name="Newcastle Direct Payments Team",
        kind="local_authority",
        verifies_evidence=False,
        areas=["Newcastle upon Tyne"],
    )
    return make_staff(
        organisation=council,
        role=Membership.StaffRole.MEMBER,
        email="mo@newcastle.example.org",
        full_name="Mo Moderator",
    )


@pytest.fixture
def durham_staff(db, other_organisation) -> User:
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.ADMIN,
        email="dee@durham.example.org",
        full_name="Dee Durham",
    )


@pytest.fixture
def ungranted_representative(db, employer) -> User:
    """Asked to represent Amira, but she has not granted it."""
    user = UserFactory(
        email="asked@example.org", full_name="Ravi Asked", roles=[Role.REPRESENTATIVE]
    )
    Representation.objects.create(employer=employer, representative=user, relationship="son")
    return user


@pytest.fixture
def conversation(employer_profile, pa_profile, open_job) -> Conversation:
    """Amira and Jordan, about Amira's job: Jordan wrote, then Amira answered."""
    conversation = conversation_get_or_create(
        employer=employer_profile.user, pa=pa_profile.user, job=open_job
    )
    message_post(
        conversation=conversation,
        author=pa_profile.user,
        author_role=Message.AuthorRole.PA,
        body="Hello, I would love to hear more about the job.",
    )
    message_post(
        conversation=conversation,
        author=employer_profile.user,
        author_role=Message.AuthorRole.EMPLOYER,
        body="Thanks Jordan. Are you free on Tuesday mornings?",
    )
    return conversation


@pytest.fixture
def pa_message(conversation) -> Message:
    return conversation.messages.get(author_role=Message.AuthorRole.PA)


@pytest.fixture
def employer_message(conversation) -> Message:
    return conversation.messages.get(author_role=Message.AuthorRole.EMPLOYER)
