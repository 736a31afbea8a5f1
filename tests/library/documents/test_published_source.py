"""What a person fills is the library's published version, not the file as first loaded."""

import dataclasses

from pahub.library.documents.sources import load_template, published_template
from pahub.library.models import Resource
from pahub.library.services import ResourceContent, Source, publish_version

SLUG = "timesheet"


def republish_with_body(body: str, by) -> None:
    resource = Resource.objects.get(slug=SLUG)
    version = resource.current_version
    content = ResourceContent(
        title=version.title,
        kind=resource.kind,
        summary=version.summary,
        body=body,
        audience=tuple(version.details["audience"]),
        tags=tuple(version.details["tags"]),
        sources=tuple(Source(**item) for item in version.details["sources"]),
    )
    publish_version(slug=SLUG, content=content, by=by, change_note="Add a line for mileage")


def test_the_published_template_is_the_file_until_someone_edits_it(db):
    from_file = load_template(SLUG)

    assert dataclasses.astuple(published_template(SLUG)) == dataclasses.astuple(from_file)


def test_an_edit_published_in_the_library_is_what_the_fill_page_shows(
    client_for, employer, hired_job, admin
):
    republish_with_body(
        load_template(SLUG).body + "\nMiles driven for {{ employer_name }}: ____\n", admin
    )

    response = client_for(employer).get(f"/library/{SLUG}/fill/{hired_job.pk}/")

    assert response.status_code == 200
    assert "Miles driven for" in response.text
