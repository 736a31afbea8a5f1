"""CPD fixtures: evidence files go to a temporary folder for each test."""

import pytest
from django.core.files.storage import FileSystemStorage

from pahub.learning.models import CPDEntry
from pahub.register.models import Evidence


@pytest.fixture(autouse=True)
def private_media(tmp_path, monkeypatch) -> FileSystemStorage:
    storage = FileSystemStorage(location=tmp_path / "private-media")
    monkeypatch.setattr(CPDEntry._meta.get_field("evidence_file"), "storage", storage)
    monkeypatch.setattr(Evidence._meta.get_field("document"), "storage", storage)
    return storage


@pytest.fixture(autouse=True)
def _own_courses_only(without_repository_courses) -> None:
    """Only the courses these tests make."""
