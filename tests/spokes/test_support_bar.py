"""The header's "Need help?" bar names the person's own local support, in one query at most."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pahub.directory.models import Service
from pahub.spokes.context_processors import local_support
from tests.directory.conftest import make_entry, make_service
from tests.factories import UserFactory

HOME = reverse("spokes:list")


def bar_of(html: str) -> str:
    start = html.index('aria-label="Get help"')
    return html[start : html.index("</aside>", start)]


def support_for(user) -> tuple[dict, int]:
    request = RequestFactory().get("/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        context = local_support(request)
    return context, len(queries)


def test_signed_out_visitors_see_pa_hubs_own_number(client, db, settings):
    bar = bar_of(client.get(HOME).content.decode())
    assert settings.PAHUB_SUPPORT["phone"] in bar
    assert "Your local support" not in bar


def test_a_person_sees_the_support_organisation_serving_their_area(client_for, pa, organisation):
    entry = make_entry(organisation, name="Tyneside Independent Living")
    make_service(entry, kind=Service.Kind.SUPPORT_AGENCY, phone="0191 498 0456")
    bar = bar_of(client_for(pa).get(HOME).content.decode())
    assert "Your local support is Tyneside Independent Living" in bar
    assert 'href="tel:01914980456"' in bar
    assert 'href="/areas/newcastle-upon-tyne/"' in bar


def test_without_a_support_organisation_the_councils_published_team_is_named(
    client_for, pa, published_spoke
):
    bar = bar_of(client_for(pa).get(HOME).content.decode())
    assert "Your local support is Direct Payments Team" in bar
    assert 'href="tel:01914980123"' in bar


def test_a_person_in_an_area_with_nobody_yet_gets_pa_hubs_number_and_their_spoke(
    client_for, outsider, settings
):
    bar = bar_of(client_for(outsider).get(HOME).content.decode())
    assert settings.PAHUB_SUPPORT["phone"] in bar
    assert 'href="/areas/darlington/"' in bar


def test_someone_else_in_another_area_does_not_see_newcastles_organisation(
    client_for, outsider, organisation
):
    make_service(make_entry(organisation), kind=Service.Kind.SUPPORT_AGENCY)
    bar = bar_of(client_for(outsider).get(HOME).content.decode())
    assert "Newcastle Independent Living" not in bar


def test_a_person_with_no_area_gets_pa_hubs_number(client_for, db, settings):
    person = UserFactory(email="no.area@example.org")
    person.district, person.local_authority = None, None
    person.save(update_fields=["district", "local_authority"])
    bar = bar_of(client_for(person).get(HOME).content.decode())
    assert settings.PAHUB_SUPPORT["phone"] in bar
    assert "/areas/" not in bar.replace('href="/areas/"', "")


@pytest.mark.parametrize("with_support", [True, False])
def test_the_bar_costs_one_query_for_a_person_with_an_area(
    pa, organisation, published_spoke, with_support
):
    if with_support:
        make_service(make_entry(organisation), kind=Service.Kind.SUPPORT_AGENCY)
    context, queries = support_for(pa)
    assert context["local_support"] is not None
    assert queries == 1


def test_the_bar_costs_no_query_for_someone_signed_out(db):
    from django.contrib.auth.models import AnonymousUser

    context, queries = support_for(AnonymousUser())
    assert context == {"local_support": None}
    assert queries == 0


def test_the_bar_costs_no_query_for_someone_with_no_area(db):
    person = UserFactory(email="nowhere@example.org", postcode="NE1 4ST")
    person.local_authority = None
    context, queries = support_for(person)
    assert context == {"local_support": None}
    assert queries == 0


def test_the_bar_shows_a_change_at_once_though_its_query_is_built_once(
    client_for, pa, organisation
):
    client = client_for(pa)
    assert "Your local support is" not in bar_of(client.get(HOME).content.decode())
    entry = make_entry(organisation, name="Tyneside Independent Living")
    service = make_service(entry, kind=Service.Kind.SUPPORT_AGENCY, phone="0191 498 0456")

    assert "0191 498 0456" in bar_of(client.get(HOME).content.decode())

    Service.objects.filter(pk=service.pk).update(phone="0191 498 0789")
    bar = bar_of(client.get(HOME).content.decode())
    assert "0191 498 0789" in bar
    assert "0191 498 0456" not in bar
