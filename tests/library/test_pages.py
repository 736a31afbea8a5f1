"""The library's pages: everyone reads; lists show the shared core and the viewer's own
council's local additions; site admins edit the core, council staff their own additions."""

import pytest
from django.test import Client

from pahub.core.models import AuditEvent
from pahub.library.models import Resource
from tests.factories import UserFactory

DRIVING = "driving-your-employer-in-your-own-car"


@pytest.fixture
def gateshead_employer(db):
    from pahub.accounts.models import Role

    return UserFactory(
        email="gateshead.employer@example.org",
        full_name="Grace Hall",
        postcode="NE8 1HH",
        roles=[Role.EMPLOYER],
    )


def edit_data(**overrides) -> dict:
    data = {
        "title": "Gateshead: DBS checks paid by the council",
        "summary": "Gateshead Council pays for the enhanced DBS check of a PA paid by a direct payment.",
        "kind": "guidance",
        "audience": ["employer", "pa"],
        "tags": "dbs, direct-payments",
        "body": "## Who pays\n\nThe council pays the DBS fee.",
        "sources": "Find out which DBS check is right (GOV.UK) https://www.gov.uk/find-out-dbs-check",
        "review_every_months": "12",
        "change_note": "First version",
        "action": "publish",
    }
    data.update(overrides)
    return data


# Reading


def test_anyone_can_search_the_library_signed_out(db):
    response = Client().get("/library/", {"q": "car insurance"})
    assert response.status_code == 200
    assert "Driving your employer in your own car" in response.text


def test_search_filters_by_kind_audience_and_tag(db, template_fixture):
    client = Client()
    templates = client.get("/library/", {"kind": "template"}).text
    assert "Reference request letter" in templates
    assert "Holiday and holiday pay" not in templates
    for_pas = client.get("/library/", {"audience": "pa"}).text
    assert "Driving your employer" in for_pas
    assert "Right to work checks" not in for_pas
    by_tag = client.get("/library/", {"tag": "holiday"}).text
    assert "Holiday and holiday pay for PAs" in by_tag
    assert "Right to work checks" not in by_tag


def test_bad_filters_are_explained_not_500(db):
    response = Client().get("/library/", {"kind": "poems", "tag": "no-such-topic", "q": "x" * 101})
    assert response.status_code == 200
    assert "Choose guidance or templates from the list" in response.text
    assert "Choose a topic from the list" in response.text
    assert "100 characters or fewer" in response.text


def test_a_nul_in_the_search_is_refused_politely(db):
    response = Client().get("/library/", {"q": "car\x00"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text


def test_local_additions_show_only_to_people_of_that_council(
    client_for, local_addition, gateshead_employer, employer, other_council_staff
):
    title = "Gateshead: DBS checks paid by the council"
    page = client_for(gateshead_employer).get("/library/").text
    assert title in page and "Local to Gateshead" in page
    assert title not in client_for(employer).get("/library/").text  # lives in Newcastle
    assert title not in Client().get("/library/").text
    assert title not in client_for(other_council_staff).get("/library/").text


def test_a_local_addition_is_readable_by_its_address(db, local_addition):
    response = Client().get(f"/library/{local_addition.slug}/")
    assert response.status_code == 200
    assert "Local to Gateshead" in response.text


def test_resource_page_shows_review_date_tags_sources_and_version(db):
    response = Client().get(f"/library/{DRIVING}/")
    assert response.status_code == 200
    page = response.text
    assert "Last reviewed" in page and "20 November 2026" in page
    assert "Car insurance" in page
    assert "https://www.gov.uk/vehicle-insurance" in page
    assert "Version" in page and f"/library/{DRIVING}/print/" in page


def test_a_template_is_shown_blank(db, template_fixture):
    page = Client().get("/library/sample-reference-letter/").text
    assert "[referee name]" in page and "{{" not in page


def test_print_view_and_versions(db, template_fixture):
    client = Client()
    assert "[employer name]" in client.get("/library/sample-reference-letter/print/").text
    versions = client.get("/library/sample-reference-letter/versions/")
    assert versions.status_code == 200 and "Version 1" in versions.text
    one = client.get("/library/sample-reference-letter/versions/1/")
    assert one.status_code == 200 and "[candidate name]" in one.text


def test_unknown_resource_and_version_are_404(db, template_fixture):
    client = Client()
    assert client.get("/library/no-such-thing/").status_code == 404
    assert client.get("/library/no-such-thing/print/").status_code == 404
    assert client.get("/library/sample-reference-letter/versions/9/").status_code == 404


def test_list_page_query_count_does_not_grow_with_resources(
    db, client_for, gateshead_employer, django_assert_max_num_queries
):
    client = client_for(gateshead_employer)
    client.get("/library/")  # warm caches (sessions, site)
    with django_assert_max_num_queries(16) as few:
        client.get("/library/")
    from pahub.library.services import publish_version
    from tests.library.conftest import content

    for number in range(15):
        publish_version(
            slug=f"extra-{number}",
            content=content(title=f"Extra {number}"),
            by=None,
            change_note="",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/library/")


# Managing


def test_signed_out_people_are_sent_to_sign_in(db, local_addition):
    client = Client()
    for url in ("/library/manage/", f"/library/manage/{local_addition.slug}/edit/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_pas_and_employers_may_not_manage(client_for, pa, employer, local_addition):
    for person in (pa, employer):
        client = client_for(person)
        assert client.get("/library/manage/").status_code == 403
        assert client.get(f"/library/manage/{local_addition.slug}/edit/").status_code == 403
        assert client.get(f"/library/manage/{DRIVING}/edit/").status_code == 403


def test_council_staff_edit_only_their_own_councils_additions(
    client_for, council_staff, other_council_staff, local_addition, gateshead
):
    own = client_for(council_staff)
    assert own.get("/library/manage/").status_code == 200
    assert own.get(f"/library/manage/{local_addition.slug}/edit/").status_code == 200
    assert own.get(f"/library/manage/{DRIVING}/edit/").status_code == 404
    other = client_for(other_council_staff)
    assert other.get(f"/library/manage/{local_addition.slug}/edit/").status_code == 404
    assert other.get(f"/library/manage/local/{gateshead.pk}/new/").status_code == 404
    assert other.post(f"/library/manage/local/{gateshead.pk}/new/", edit_data()).status_code == 404


def test_council_staff_preview_then_publish_a_local_addition(client_for, council_staff, gateshead):
    client = client_for(council_staff)
    url = f"/library/manage/local/{gateshead.pk}/new/"
    preview = client.post(url, edit_data(action="preview"))
    assert preview.status_code == 200
    assert "Preview" in preview.text and "Who pays" in preview.text
    assert not Resource.objects.filter(local_authority=gateshead).exists()
    response = client.post(url, edit_data())
    resource = Resource.objects.get(local_authority=gateshead)
    assert response.status_code == 302 and response["Location"] == f"/library/{resource.slug}/"
    assert resource.slug.startswith("gateshead-")
    assert resource.owner == council_staff
    assert AuditEvent.objects.filter(
        action="library.version_published", actor=council_staff
    ).exists()


def test_bad_input_keeps_what_was_typed_and_saves_nothing(client_for, council_staff, gateshead):
    response = client_for(council_staff).post(
        f"/library/manage/local/{gateshead.pk}/new/",
        edit_data(
            title="Kept title",
            audience=[],
            tags="Not A Tag",
            sources="no address here",
            review_every_months="forty",
            body="",
        ),
    )
    assert response.status_code == 200
    page = response.text
    assert "govuk-error-summary" in page
    for message in (
        "Tick at least one group it is written for",
        "Write topics as lower-case words joined by hyphens",
        "Line 1: give the title",
        "Enter the months as a whole number",
        "Write the text of the resource",
    ):
        assert message in page
    assert 'value="Kept title"' in page
    assert not Resource.objects.filter(local_authority=gateshead).exists()


def test_every_save_is_a_new_version_and_unchanged_saves_mark_reviewed(
    client_for, council_staff, local_addition
):
    client = client_for(council_staff)
    url = f"/library/manage/{local_addition.slug}/edit/"
    client.post(url, edit_data(body="## Who pays\n\nThe council pays.", change_note="Shorter"))
    local_addition.refresh_from_db()
    assert local_addition.current_version.number == 2
    client.post(url, edit_data(body="## Who pays\n\nThe council pays.", change_note="Checked"))
    local_addition.refresh_from_db()
    assert local_addition.current_version.number == 2
    assert local_addition.versions.count() == 2


def test_site_admin_edits_shared_guidance(client_for, admin):
    client = client_for(admin)
    assert client.get("/library/manage/").status_code == 200
    response = client.post(
        f"/library/manage/{DRIVING}/edit/",
        edit_data(
            title="Driving your employer in your own car",
            summary="Your car insurance must cover business use.",
            change_note="Shorter summary",
        ),
    )
    assert response.status_code == 302
    resource = Resource.objects.get(slug=DRIVING)
    assert resource.current_version.number == 2 and resource.current_version.author == admin


def test_staff_without_two_factor_are_sent_to_set_it_up(db, gateshead_council):
    from pahub.accounts.models import Membership
    from tests.factories import make_staff

    staff = make_staff(
        organisation=gateshead_council,
        role=Membership.StaffRole.ADMIN,
        two_factor=False,
        email="new.staff@gateshead.example.gov.uk",
    )
    client = Client()
    client.force_login(staff)
    response = client.get("/library/manage/")
    assert response.status_code == 302 and "totp" in response["Location"]


def test_staff_home_links_to_the_library_for_editors_only(client_for, council_staff, verifier):
    assert "/library/manage/" in client_for(council_staff).get("/staff/").text
    assert "/library/manage/" not in client_for(verifier).get("/staff/").text


def test_a_template_page_has_one_main_heading(db):
    page = Client().get("/library/contract-of-employment/").content.decode()
    assert page.count("<h1") == 1
    assert "Contract of employment</h2>" in page


def test_guidance_headings_start_at_h2_with_none_skipped(db):
    page = Client().get("/library/driving-your-employer-in-your-own-car/").content.decode()
    body = page.split('class="pahub-library-body"', 1)[1]
    assert body.index("<h2") < body.index("<h3") if "<h3" in body else "<h2" in body


def test_a_templates_tables_scroll_in_their_own_named_region(db):
    page = Client().get("/library/timesheet/").content.decode()
    assert 'class="app-table-scroll" role="region" aria-label="Table 1" tabindex="0"><table' in page
