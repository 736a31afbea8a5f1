"""`<time datetime>` and `tel:` values are valid HTML, and every template writes them with
the one filter for each."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pahub.core.templatetags.html_values import html_datetime, tel_href

TEMPLATES = sorted(Path(__file__).resolve().parents[2].joinpath("pahub").rglob("*.html"))
# A valid global date and time string, to the second (HTML standard, 2.3.5.7).
GLOBAL_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2026, 7, 1, 8, 5, 9, 123456, tzinfo=UTC), "2026-07-01T09:05:09+01:00"),
        (datetime(2026, 12, 1, 8, 5, 9, 999999, tzinfo=UTC), "2026-12-01T08:05:09+00:00"),
        (date(2026, 3, 29), "2026-03-29"),
        (None, ""),
    ],
)
def test_html_datetime_is_london_time_to_the_second(value, expected):
    assert html_datetime(value) == expected


def test_html_datetime_of_now_is_a_valid_global_date_and_time():
    assert GLOBAL_DATETIME.fullmatch(html_datetime(datetime.now(UTC)))


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("0191 498 0000", "tel:01914980000"),
        ("+44 (0)191 498-0000", "tel:+4401914980000"),
        ("07700 900 123 ", "tel:07700900123"),
        ("", "tel:"),
    ],
)
def test_tel_href_keeps_only_what_is_dialled(phone, href):
    assert tel_href(phone) == href


def test_every_template_writes_times_and_phone_links_with_the_filters():
    wrong = []
    for path in TEMPLATES:
        text = path.read_text()
        for line in text.splitlines():
            if "datetime=" in line and "|html_datetime" not in line:
                wrong.append(f"{path.name}: {line.strip()}")
            if "tel:" in line and "|tel_href" not in line:
                wrong.append(f"{path.name}: {line.strip()}")
    assert wrong == []
