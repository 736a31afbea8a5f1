"""Fixtures shared by the verification, staff and levels tests (imported by their conftests).

The cast from tests/conftest.py: `pa` (Newcastle, NE3) with `pa_profile`, `other_pa` (County
Durham, DH1), `verifier` and `org_admin` of `organisation` (Newcastle), and here: a plain
`member` of the same organisation, a `durham_verifier` of `other_organisation`, and staff
without two-factor.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Membership, User
from pahub.register.availability import mask_from_keys
from pahub.register.models import (
    CodeSignature,
    Evidence,
    InductionCompletion,
    PAProfile,
    ProfileLanguage,
    ReferenceRequest,
    hash_token,
)
from pahub.taxonomy.models import Language
from tests.factories import make_staff

CERTIFICATE_NUMBER = "001234567890"


def today():
    return timezone.localdate()


def add_evidence(profile: PAProfile, kind: str, **fields) -> Evidence:
    if kind == Evidence.Kind.DBS:
        fields.setdefault("dbs_type", Evidence.DbsType.ENHANCED_ADULTS_BARRED)
        fields.setdefault("dbs_certificate_number", CERTIFICATE_NUMBER)
        fields.setdefault("dbs_issue_date", today() - timedelta(days=200))
    return Evidence.objects.create(profile=profile, kind=kind, **fields)


def add_reference(profile: PAProfile, *, answered: bool = True, **fields) -> Evidence:
    evidence = add_evidence(profile, Evidence.Kind.REFERENCE, **fields)
    ReferenceRequest.objects.create(
        evidence=evidence,
        referee_name="Rita Referee",
        referee_email=f"referee{evidence.pk}@example.org",
        relationship=ReferenceRequest.Relationship.EMPLOYER,
        token_hash=hash_token(f"token-{evidence.pk}"),
        expires_at=timezone.now() + timedelta(days=14),
        answered_at=timezone.now() if answered else None,
        known_for="3 years",
        capacity="Jordan supported my mother with personal care.",
        reliable="yes",
        would_recommend="yes",
        comments="Always on time.",
    )
    return evidence


def verified(profile: PAProfile, kind: str, organisation=None, **fields) -> Evidence:
    fields.setdefault("verified_at", timezone.now())
    return add_evidence(
        profile,
        kind,
        status=Evidence.Status.VERIFIED,
        verified_by_organisation=organisation,
        **fields,
    )


def complete_profile(user: User, skill, **fields) -> PAProfile:
    fields.setdefault("display_name", user.full_name.split(" ")[0])
    fields.setdefault("about_me", "I like helping people live the way they choose.")
    fields.setdefault("availability", mask_from_keys(["monday_morning", "friday_evening"]))
    fields.setdefault("visibility", PAProfile.Visibility.ALL_EMPLOYERS)
    profile = PAProfile.objects.create(user=user, **fields)
    profile.skills.add(skill)
    return profile


def make_entry_level(profile: PAProfile, code_version) -> PAProfile:
    add_evidence(profile, Evidence.Kind.IDENTITY)
    CodeSignature.objects.get_or_create(user=profile.user, version=code_version)
    return profile


def make_level_two(profile: PAProfile, code_version, organisation=None) -> PAProfile:
    make_entry_level(profile, code_version)
    verified(
        profile,
        Evidence.Kind.DBS,
        organisation,
        expires_on=today() + timedelta(days=400),
    )
    InductionCompletion.objects.get_or_create(
        user=profile.user, defaults={"completed_on": today() - timedelta(days=30)}
    )
    return profile


def speaks(profile: PAProfile, code: str, name: str) -> None:
    language, _ = Language.objects.get_or_create(code=code, defaults={"name": name})
    ProfileLanguage.objects.create(
        profile=profile, language=language, level=ProfileLanguage.Level.FLUENT
    )


@pytest.fixture
def member(db, organisation) -> User:
    return make_staff(
        organisation=organisation,
        role=Membership.StaffRole.MEMBER,
        email="member@example.org",
        full_name="Mo Member",
    )


@pytest.fixture
def durham_verifier(db, other_organisation) -> User:
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.VERIFIER,
        email="durham.verifier@example.org",
        full_name="Dee Durham",
    )


@pytest.fixture
def verifier_without_two_factor(db, organisation) -> User:
    return make_staff(
        organisation=organisation,
        role=Membership.StaffRole.VERIFIER,
        two_factor=False,
        email="new.verifier@example.org",
        full_name="Nell New",
    )


@pytest.fixture
def durham_profile(db, other_pa, skill) -> PAProfile:
    return complete_profile(other_pa, skill, display_name="Chris")


@pytest.fixture
def dbs_evidence(pa_profile) -> Evidence:
    return add_evidence(pa_profile, Evidence.Kind.DBS)


@pytest.fixture
def update_service_dbs(pa_profile) -> Evidence:
    return add_evidence(
        pa_profile,
        Evidence.Kind.DBS,
        dbs_on_update_service=True,
        dbs_status_check_consent=True,
        dbs_issue_date=today() - timedelta(days=365 * 4),
    )


@pytest.fixture
def identity_evidence(pa_profile) -> Evidence:
    return add_evidence(pa_profile, Evidence.Kind.IDENTITY)
