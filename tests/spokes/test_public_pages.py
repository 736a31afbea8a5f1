"""/areas/ and /areas/<slug>/: anyone may read them, signed in or not."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pahub.directory.models import Service
from pahub.directory.queries import area_choices
from pahub.spokes import services
from tests.directory.conftest import make_entry, make_service

DETAIL = reverse("spokes:detail", args=["newcastle-upon-tyne"])


def test_the_list_shows_every_spoke_by_region_to_someone_signed_out(client, db):
    response = client.get(reverse("spokes:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "North East" in html
    assert 'href="/areas/newcastle-upon-tyne/"' in html
    assert 'href="/areas/county-durham/"' in html
    assert "Your area" not in html


def test_the_list_marks_the_signed_in_persons_own_area(client_for, pa):
    html = client_for(pa).get(reverse("spokes:list")).content.decode()
    assert "Your area" in html


def test_find_your_area_sends_a_postcode_district_to_its_spoke(client, db):
    response = client.get(reverse("spokes:list"), {"postcode": "ne6 5qa"})
    assert response.status_code == 302
    assert response.url == "/areas/newcastle-upon-tyne/"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a postcode or postcode district, like NE6"),
        ("not a postcode", "Enter a"),
        ("ZZ99", "Enter a postcode, like NE1 4ST, or a postcode district, like NE1"),
        ("LS1", "where PA Hub does not have a local page yet"),
        ("NE1\x00", "Remove the hidden control characters"),
    ],
)
def test_find_your_area_explains_a_postcode_it_cannot_use_and_keeps_it(client, db, typed, message):
    response = client.get(reverse("spokes:list"), {"postcode": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    assert 'id="postcode-error"' in html or 'id="id_postcode-error"' in html


def test_an_unknown_council_is_not_found(client, db):
    assert client.get(reverse("spokes:detail", args=["nowhere"])).status_code == 404


def test_a_council_without_a_spoke_is_not_found(client, db):
    assert client.get(reverse("spokes:detail", args=["leeds"])).status_code == 404


def test_a_spoke_with_nothing_published_still_says_who_to_call_in_danger(client, db):
    response = client.get(DETAIL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "call 999" in html
    assert "https://www.gov.uk/report-safeguarding-issue" in html
    assert "has not added its direct payment team yet" in html


def test_the_published_spoke_shows_the_team_and_contacts_with_phone_links(client, published_spoke):
    html = client.get(DETAIL).content.decode()
    assert "Direct Payments Team" in html
    assert 'href="tel:01914980123"' in html
    assert "Monday to Friday, 9am to 5pm" in html
    assert "Carers&#x27; Centre" in html
    assert 'href="tel:01914980999"' in html
    assert "Newcastle City Council helps people" in html


def test_the_public_page_never_shows_the_draft(client, published_spoke, newcastle, council_staff):
    services.spoke_draft_update(
        local_authority=newcastle,
        by=council_staff,
        values=services.ContentInput(team_name="A team not yet published"),
    )
    html = client.get(DETAIL).content.decode()
    assert "A team not yet published" not in html
    assert "Direct Payments Team" in html


def test_the_councils_safeguarding_line_is_shown_when_set(client, newcastle):
    newcastle.safeguarding_phone = "0191 498 0789"
    newcastle.safeguarding_hours = "Monday to Friday, 8am to 5pm"
    newcastle.save(update_fields=["safeguarding_phone", "safeguarding_hours"])
    html = client.get(DETAIL).content.decode()
    assert 'href="tel:01914980789"' in html
    assert "call 999" in html


def test_support_and_user_led_organisations_serving_the_area_are_listed_with_hours(
    client, organisation
):
    agency = make_entry(organisation, name="Tyneside Independent Living")
    make_service(agency, kind=Service.Kind.SUPPORT_AGENCY, name="Direct payment advice")
    ulo = make_entry(None, name="Newcastle Disabled People's Forum")
    make_service(ulo, kind=Service.Kind.USER_LED, name="Peer support", phone="0191 498 0333")
    elsewhere = make_entry(None, name="Durham Support")
    make_service(
        elsewhere,
        kind=Service.Kind.SUPPORT_AGENCY,
        name="Durham advice",
        areas=list(area_choices().filter(name="County Durham")),
    )
    html = client.get(DETAIL).content.decode()
    assert "Tyneside Independent Living" in html
    assert "Newcastle Disabled People&#x27;s Forum" in html
    assert 'href="tel:01914980333"' in html
    assert "Monday: 9:00 a.m. to 5:00 p.m." in html
    assert "Durham Support" not in html


def test_only_published_news_is_shown(client, news_item, newcastle, council_staff):
    services.news_item_add(
        local_authority=newcastle,
        by=council_staff,
        values=services.NewsInput(
            title="A draft item", body="Not ready.", date=news_item.date, is_published=False
        ),
    )
    html = client.get(DETAIL).content.decode()
    assert "PA employers&#x27; coffee morning" in html
    assert "A draft item" not in html


def test_vacancies_and_cover_are_numbers_only(client, open_job):
    html = client.get(DETAIL).content.decode()
    assert "1 PA job open for applications" in html
    assert open_job.title not in html
    assert "0 employers looking for cover" in html


def test_the_peer_zone_is_linked_only_for_someone_who_may_see_it(client, client_for, pa, outsider):
    zone_link = 'href="/community/newcastle-upon-tyne/"'
    assert zone_link in client_for(pa).get(DETAIL).content.decode()
    assert zone_link not in client_for(outsider).get(DETAIL).content.decode()
    assert zone_link not in client.get(DETAIL).content.decode()


def test_a_signed_in_person_sees_your_area_on_their_own_spoke_only(client_for, pa, outsider):
    assert "Your area" in client_for(pa).get(DETAIL).content.decode()
    assert "Your area" not in client_for(outsider).get(DETAIL).content.decode()


def test_the_edit_link_shows_only_for_the_councils_staff(
    client_for, council_staff, other_council_staff, employer
):
    edit = reverse("spokes:manage", args=["newcastle-upon-tyne"])
    assert edit in client_for(council_staff).get(DETAIL).content.decode()
    assert edit not in client_for(other_council_staff).get(DETAIL).content.decode()
    assert edit not in client_for(employer).get(DETAIL).content.decode()


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_spoke_page_query_count_does_not_grow_with_what_it_lists(
    client_for, pa, published_spoke, newcastle, council_staff, organisation
):
    client = client_for(pa)
    make_service(make_entry(organisation), kind=Service.Kind.SUPPORT_AGENCY)
    queries_for(client, DETAIL)  # warm up: session, content types
    few = queries_for(client, DETAIL)
    for n in range(5):
        services.news_item_add(
            local_authority=newcastle,
            by=council_staff,
            values=services.NewsInput(
                title=f"News {n}", body="Body.", date=timezone.localdate(), is_published=True
            ),
        )
        entry = make_entry(None, name=f"Support organisation {n}")
        make_service(entry, kind=Service.Kind.SUPPORT_AGENCY, name=f"Advice {n}")
        services.spoke_contact_add(
            local_authority=newcastle,
            by=council_staff,
            values=services.ContactInput(name=f"Contact {n}", phone="0191 498 0000"),
        )
    services.spoke_publish(local_authority=newcastle, by=council_staff)
    many = queries_for(client, DETAIL)
    assert many == few
    # The header and navigation take about ten of these; local rules and library additions one each.
    assert few <= 27


def test_the_page_lists_upcoming_courses_in_the_area(client, db):
    from pahub.learning.models import Event
    from tests.factories import OrganisationFactory, district

    provider = OrganisationFactory(name="North East PA Training", areas=["Gateshead"])
    starts = timezone.now() + timedelta(days=7)
    Event.objects.create(
        organisation=provider,
        title="Moving and handling for PAs",
        description="A day's course.",
        format=Event.Format.IN_PERSON,
        district=district("NE1"),
        venue="Civic Centre",
        starts_at=starts,
        ends_at=starts + timedelta(hours=6),
        published_at=timezone.now(),
    )
    html = timezone.now() and client.get(DETAIL).content.decode()
    assert "Moving and handling for PAs" in html
    assert "Civic Centre, NE1" in html
