"""The one library search, on whichever database runs the tests: PostgreSQL full-text
(weighted title > summary > body) or the SQLite fallback. Run both:

    .venv/bin/pytest -q tests/library/test_search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/library_db .venv/bin/pytest -q tests/library/test_search.py
"""

import pytest
from django.db import connection

from pahub.library.queries import LibraryFilters, local_resources, search_resources, uses_full_text
from pahub.library.services import publish_version
from tests.library.conftest import content


def slugs(text: str, **filters) -> list[str]:
    found = search_resources(LibraryFilters(text=text, **filters), council_id=None)
    return list(found.values_list("slug", flat=True))


@pytest.fixture
def ranked(db):
    """Three pages with 'mileage' in the title, the summary or only the body."""
    for slug, title, summary, body in [
        ("in-body", "Travel at work", "Getting about.", "Paying mileage for trips."),
        ("in-summary", "Expenses", "How mileage is paid.", "Keep receipts."),
        ("in-title", "Mileage rates", "Rates per mile.", "Agree them in writing."),
    ]:
        publish_version(
            slug=slug,
            content=content(title=title, summary=summary, body=body, tags=()),
            by=None,
            change_note="",
        )


def test_the_search_uses_full_text_on_postgresql_only(db):
    assert uses_full_text() == (connection.vendor == "postgresql")


def test_car_insurance_finds_the_driving_guidance_first(db):
    assert slugs("car insurance")[0] == "driving-your-employer-in-your-own-car"


def test_title_matches_rank_above_summary_and_body(ranked):
    found = slugs("mileage", kind="guidance")
    ours = [slug for slug in found if slug in {"in-title", "in-summary", "in-body"}]
    if uses_full_text():
        assert ours == ["in-title", "in-summary", "in-body"]
    else:
        # The fallback ranks title, summary or tags above the body, then by title.
        assert ours[-1] == "in-body" and set(ours) == {"in-title", "in-summary", "in-body"}


def test_tags_are_searched(db):
    assert "right-to-work-checks" in slugs("right-to-work")


def test_no_match_finds_nothing(db):
    assert slugs("xylophone") == []


def test_odd_input_is_only_words(db):
    # Quotes, operators and punctuation are not query syntax errors on either database.
    for text in ['"car', "car & | ! (insurance", "-", "':*"]:
        slugs(text)


def test_filters_combine_with_words(db):
    found = slugs("insurance", audience="pa")
    assert found[0] == "driving-your-employer-in-your-own-car"
    assert "employers-liability-insurance" not in found  # written for employers and staff


def test_local_additions_are_found_only_for_their_council(local_addition, gateshead):
    found = search_resources(LibraryFilters(text="DBS"), council_id=gateshead.pk)
    assert local_addition.slug in found.values_list("slug", flat=True)
    assert local_addition.slug not in slugs("DBS")


def test_local_resources_for_the_spoke_page(local_addition, gateshead, durham):
    assert [r.slug for r in local_resources(gateshead.pk)] == [local_addition.slug]
    assert local_resources(durham.pk) == []
    assert local_resources(gateshead.pk, limit=0) == []
