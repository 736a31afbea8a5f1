"""Evidence fixtures: private storage in a temporary folder, a PA's items, and staff elsewhere."""

from datetime import date

import pytest
from django.core.files.storage import FileSystemStorage

from pahub.accounts.models import Membership, Role, User
from pahub.register.evidence.services import evidence_add
from pahub.register.models import Evidence, PAProfile
from pahub.register.services import profile_get_or_create
from pahub.register.uploads import check_upload
from tests.factories import UserFactory, make_staff
from tests.register.evidence.files import png_bytes, upload


@pytest.fixture(autouse=True)
def private_media(tmp_path, monkeypatch) -> FileSystemStorage:
    """Each test writes evidence documents to its own folder, removed afterwards."""
    storage = FileSystemStorage(location=tmp_path / "private-media")
    monkeypatch.setattr(Evidence._meta.get_field("document"), "storage", storage)
    return storage


@pytest.fixture
def employer_only(db) -> User:
    """An employer who is not also a PA."""
    return UserFactory(
        email="just.employer@example.org", full_name="Edna Employer", roles=[Role.EMPLOYER]
    )


@pytest.fixture
def far_verifier(db, other_organisation) -> User:
    """A verifier whose organisation serves County Durham, not the PA's Newcastle."""
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.VERIFIER,
        email="far.verifier@example.org",
        full_name="Fay Faraway",
    )


@pytest.fixture
def qualification(pa_profile) -> Evidence:
    """A qualification with an uploaded certificate, waiting to be checked."""
    return evidence_add(
        profile=pa_profile,
        kind=Evidence.Kind.QUALIFICATION,
        by=pa_profile.user,
        details={
            "title": "Level 2 Diploma in Care",
            "awarding_body": "City & Guilds",
            "achieved_on": date(2023, 6, 14),
        },
        document=check_upload(upload("my certificate.png", png_bytes(), "image/png")),
    )


@pytest.fixture
def other_pa_profile(other_pa) -> PAProfile:
    return profile_get_or_create(user=other_pa)
