"""Helpers for import tests: a register file made in the test, and a run taken through it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pahub.core.imports import services
from pahub.core.imports.models import ImportRun

HEADER = "Name,Email,Postcode,Phone,Rate"


def register_csv(rows: list[str], header: str = HEADER) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "register.csv", ("\n".join([header, *rows]) + "\n").encode(), content_type="text/csv"
    )


def good_rows(count: int, start: int = 0) -> list[str]:
    return [
        f"PA Number{n},pa{n}@example.org,NE{1 + n % 6} {n % 9}AB,0191 000 {n:04d},12.50"
        for n in range(start, start + count)
    ]


MAPPING = {
    "full_name": "Name",
    "email": "Email",
    "postcode": "Postcode",
    "phone": "Phone",
    "hourly_rate": "Rate",
}


@pytest.fixture
def checked(organisation, verifier):
    """checked(rows) uploads and dry-runs a register file; returns the run."""

    def check(rows: list[str], header: str = HEADER) -> ImportRun:
        run = services.import_upload(
            organisation=organisation, by=verifier, kind="pas", uploaded=register_csv(rows, header)
        )
        return services.import_check_start(run=run, by=verifier, mapping=MAPPING)

    return check


@pytest.fixture
def imported(checked, verifier, django_capture_on_commit_callbacks):
    """imported(rows) takes a register file through the dry run and the import."""

    def run_it(rows: list[str]) -> ImportRun:
        run = checked(rows)
        with django_capture_on_commit_callbacks(execute=True):
            return services.import_confirm(run=run, by=verifier)

    return run_it
