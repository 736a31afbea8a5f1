"""The loader and versioning: every file checked before anything is saved; a new version only
when content changes; every change through publish_version, audited."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from pahub.core.models import AuditEvent
from pahub.library.loading import CONTENT_DIR, LibraryContentError, library_load, read_library
from pahub.library.models import Resource, ResourceVersion
from pahub.library.services import LibraryError, add_months, publish_version
from tests.library.conftest import TEST_CONTENT, content

GUIDANCE_SLUGS = {
    "driving-your-employer-in-your-own-car",
    "holiday-and-holiday-pay",
    "employers-liability-insurance",
    "paying-your-pa",
    "dbs-checks-for-personal-employees",
    "right-to-work-checks",
    "lone-working-and-keeping-safe",
    "ending-employment-fairly",
}


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, target)
    return target


def test_the_repositorys_guidance_is_loaded_on_migrate(db):
    loaded = set(Resource.objects.filter(kind="guidance").values_list("slug", flat=True))
    assert loaded >= GUIDANCE_SLUGS


# Skills for Care publishes the employer's toolkit the induction checklist follows.
AUTHORITIES = (
    "https://www.gov.uk/",
    "https://www.hse.gov.uk/",
    "https://www.skillsforcare.org.uk/",
)


def test_every_repository_file_is_valid_and_names_gov_uk_or_hse_sources():
    for resource_file in read_library(CONTENT_DIR):
        urls = [source.url for source in resource_file.content.sources]
        assert all(url.startswith(AUTHORITIES) for url in urls), resource_file.path
        assert any(url.startswith(AUTHORITIES[:2]) for url in urls), resource_file.path


def test_loading_twice_makes_no_new_version(db, tmp_path):
    folder = copy_content(tmp_path)
    first = library_load(folder)
    versions = ResourceVersion.objects.count()
    second = library_load(folder)
    assert ResourceVersion.objects.count() == versions
    assert all(not result.changed for result in second)
    assert {r.slug for r in first} == {r.slug for r in second}


def test_a_changed_file_becomes_a_new_version(db, tmp_path):
    folder = copy_content(tmp_path)
    library_load(folder)
    path = folder / "templates" / "sample-reference-letter.md"
    path.write_text(path.read_text().replace("Yours sincerely", "With thanks"))
    library_load(folder)
    resource = Resource.objects.get(slug="sample-reference-letter")
    assert resource.current_version.number == 2
    assert "With thanks" in resource.body
    assert resource.versions.count() == 2


def test_one_broken_file_saves_nothing(db, tmp_path):
    folder = copy_content(tmp_path)
    (folder / "guidance").mkdir(exist_ok=True)
    (folder / "guidance" / "broken.md").write_text("---\ntitle: No kind\n---\nText\n")
    Resource.objects.filter(slug="sample-reference-letter").delete()
    with pytest.raises(LibraryContentError, match=r"broken\.md"):
        library_load(folder)
    assert not Resource.objects.filter(slug="sample-reference-letter").exists()


@pytest.mark.parametrize(
    ("front_matter", "problem"),
    [
        (
            "title: T\nkind: template\nsummary: S\naudience: [pa]\nlast_reviewed: 2026-01-01",
            "a file in this folder has kind 'guidance'",
        ),
        ("title: T\nkind: guidance\nsummary: S\naudience: [pa]", "'last_reviewed' must be a date"),
        (
            "title: T\nkind: guidance\nsummary: S\naudience: [cats]\nlast_reviewed: 2026-01-01",
            "Unknown audience",
        ),
        (
            "title: T\nkind: guidance\nsummary: S\naudience: [pa]\nlast_reviewed: 2026-01-01\nowner: me",
            "unknown keys",
        ),
        (
            "title: T\nkind: guidance\nsummary: S\naudience: [pa]\nlast_reviewed: 2026-01-01\nsources: [{title: A, url: 'http://x'}]",
            "https://",
        ),
        ("title: [", "not valid YAML"),
    ],
)
def test_bad_front_matter_is_named(db, tmp_path, front_matter, problem):
    folder = tmp_path / "content"
    (folder / "guidance").mkdir(parents=True)
    (folder / "guidance" / "bad-page.md").write_text(f"---\n{front_matter}\n---\nBody text.\n")
    with pytest.raises(LibraryContentError, match=r"bad-page\.md") as raised:
        library_load(folder)
    assert problem in str(raised.value)


def test_load_library_command_reports_each_resource(db, tmp_path, capsys):
    call_command("load_library", "--dir", str(copy_content(tmp_path)))
    assert "sample-reference-letter: version 1" in capsys.readouterr().out


def test_an_edit_on_the_pages_survives_loading_the_unchanged_file(db, tmp_path, admin):
    folder = copy_content(tmp_path)
    library_load(folder)
    publish_version(
        slug="sample-reference-letter",
        content=content(title="Reference request letter", kind="template", summary="Edited."),
        by=admin,
        change_note="Shorter summary",
    )
    library_load(folder)
    assert Resource.objects.get(slug="sample-reference-letter").summary == "Edited."


def test_publishing_unchanged_content_only_marks_it_reviewed(local_addition, council_staff):
    published = publish_version(
        slug=local_addition.slug,
        content=content(),
        by=council_staff,
        change_note="Checked",
        local_authority=local_addition.local_authority,
    )
    assert published.version is None
    assert local_addition.versions.count() == 1
    assert AuditEvent.objects.filter(action="library.reviewed").exists()


def test_every_version_is_audited_with_its_author(local_addition, council_staff):
    publish_version(
        slug=local_addition.slug,
        content=content(body="New text."),
        by=council_staff,
        change_note="New text",
        local_authority=local_addition.local_authority,
    )
    latest = local_addition.versions.order_by("-number").first()
    assert (latest.number, latest.author, latest.change_note) == (2, council_staff, "New text")
    assert (
        AuditEvent.objects.filter(action="library.version_published", actor=council_staff).count()
        == 2
    )


def test_invalid_content_saves_nothing(db):
    with pytest.raises(LibraryError, match="Say who the resource is for"):
        publish_version(slug="nothing", content=content(audience=()), by=None, change_note="")
    assert not Resource.objects.filter(slug="nothing").exists()


def test_another_councils_slug_cannot_be_taken_over(local_addition, durham):
    with pytest.raises(LibraryError, match="Another council"):
        publish_version(
            slug=local_addition.slug,
            content=content(),
            by=None,
            change_note="",
            local_authority=durham,
        )


def test_review_is_due_months_after_the_last_review():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 20), 12) == date(2027, 11, 20)


def test_a_file_may_not_take_a_library_pages_address(db, tmp_path):
    folder = copy_content(tmp_path)
    source = folder / "templates" / "sample-reference-letter.md"
    source.rename(folder / "templates" / "manage.md")
    with pytest.raises(LibraryContentError, match="address of a library page"):
        library_load(folder)
