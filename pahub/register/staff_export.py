"""The register as a spreadsheet for staff: the PAs of their areas, as CSV or XLSX.

Scoped exactly as the staff register search is (`permissions.visible_profiles_for_staff`,
narrowed by the same filters), with only what staff see there and on a PA's staff page: the
postcode district, never the postcode or address, no contact details, and nothing from the
equality questionnaire. Every export is recorded in the audit log, since it is personal data.

Rows are read a thousand at a time in a fixed number of queries per thousand, so an export
of 200,000 PAs never holds them all in memory. Spreadsheets run a cell that starts with =, +,
- or @ as a formula, so such a cell (a name someone typed) gets a leading apostrophe.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import IO

from django.db.models import Prefetch
from django.utils import timezone
from openpyxl import Workbook

from pahub.accounts.models import User
from pahub.core import audit
from pahub.register.availability import keys_from_mask
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.register.permissions import visible_profiles_for_staff
from pahub.register.search import RegisterFilters, search_profiles, with_listing_data

FORMATS = ("csv", "xlsx")
CHUNK = 1000
HEADER = (
    "Profile number",
    "Full name",
    "Shown to employers as",
    "Postcode district",
    "Local authority",
    "Level",
    "Status",
    "Skills",
    "Languages",
    "Free at",
    "Will travel (miles)",
    "Has a driving licence",
    "Has their own car",
    "Offers driving",
    "Work wanted",
    "On the register since",
    "Last active",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Numbers as they are; text a spreadsheet shows as typed and never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def status_of(profile: PAProfile) -> str:
    if profile.is_paused:
        return "Paused"
    if profile.visibility == PAProfile.Visibility.HIDDEN:
        return "Hidden from employers"
    return "Looking for work"


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def export_row(profile: PAProfile) -> tuple:
    user = profile.user
    return tuple(
        safe_cell(value)
        for value in (
            profile.pk,
            user.full_name,
            profile.display_name,
            user.district_id,
            user.local_authority.name if user.local_authority else "",
            LEVEL_NAMES[profile.level],
            status_of(profile),
            "; ".join(skill.name for skill in profile.skills.all()),
            "; ".join(
                f"{entry.language.name} ({entry.get_level_display().lower()})"
                for entry in profile.languages.all()
            ),
            " ".join(keys_from_mask(profile.availability)),
            profile.travel_miles,
            yes_no(profile.has_driving_licence),
            yes_no(profile.has_own_car),
            yes_no(profile.offers_driving),
            profile.get_work_wanted_display(),
            timezone.localdate(profile.created_at).isoformat(),
            timezone.localdate(profile.last_active_at).isoformat(),
        )
    )


def profile_ids_for_export(staff: User, filters: RegisterFilters) -> list[int]:
    """The ids of the PAs the staff member's register search shows for these filters, in
    its order (by name)."""
    profiles = search_profiles(visible_profiles_for_staff(staff), filters)
    return list(profiles.values_list("pk", flat=True))


def rows_for(ids: list[int]) -> Iterator[tuple]:
    """The export's rows in the ids' order, a chunk at a time (four queries a chunk)."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        profiles = with_listing_data(PAProfile.objects.filter(pk__in=chunk)).prefetch_related(
            Prefetch("languages", queryset=ProfileLanguage.objects.select_related("language"))
        )
        by_id = {profile.pk: profile for profile in profiles}
        for pk in chunk:
            if pk in by_id:
                yield export_row(by_id[pk])


def register_export(staff: User, filters: RegisterFilters, file_format: str) -> Iterator[tuple]:
    """The header and rows of an export, after noting it in the audit log (who, how many
    PAs, which filters)."""
    if file_format not in FORMATS:
        raise ValueError(f"Unknown export format {file_format}.")
    ids = profile_ids_for_export(staff, filters)
    audit.record(
        staff,
        "register.exported",
        format=file_format,
        rows=len(ids),
        filters={key: value for key, value in asdict(filters).items() if value},
    )
    return _with_header(rows_for(ids))


def _with_header(rows: Iterator[tuple]) -> Iterator[tuple]:
    yield HEADER
    yield from rows


class _Echo:
    """A file-like object whose `write` hands back the line, for a streamed CSV."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[tuple]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow(row)


def xlsx_file(rows: Iterable[tuple]) -> IO[bytes]:
    """A workbook written row by row (openpyxl's write-only mode), in a temporary file that
    stays in memory while small and spills to disk when large."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("PA register")
    for row in rows:
        sheet.append(row)
    # Closed by the FileResponse that sends it.
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    workbook.save(spool)
    spool.seek(0)
    return spool
