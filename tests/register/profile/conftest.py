"""Profile builder fixtures: photos kept in a temporary folder, images made in memory."""

import pytest
from django.core.files.storage import FileSystemStorage

from pahub.register.models import PAProfile
from pahub.register.services import profile_get_or_create


@pytest.fixture(autouse=True)
def photo_storage(tmp_path, monkeypatch) -> FileSystemStorage:
    """Each test's photos go to its own folder, never the shared test media folder."""
    storage = FileSystemStorage(location=tmp_path / "private-media", base_url=None)
    monkeypatch.setattr(PAProfile._meta.get_field("photo"), "storage", storage)
    return storage


@pytest.fixture
def new_profile(pa) -> PAProfile:
    """A PA who has just started: a profile with nothing answered."""
    return profile_get_or_create(user=pa)
