"""Public pages: everyone can read them, and every page carries the footer notices."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from pahub.core.views import server_error

PUBLIC_PAGES = [
    "core:home",
    "core:becoming_a_pa",
    "core:accessibility",
    "core:privacy",
    "core:privacy_retention",
    "core:cookies",
    "core:contact",
    "core:licence",
]


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_anonymous_visitor_can_read_every_public_page(client, db, page):
    response = client.get(reverse(page))

    assert response.status_code == 200


@pytest.mark.parametrize("page", PUBLIC_PAGES)
@pytest.mark.parametrize("person", ["pa", "employer", "verifier", "admin"])
def test_signed_in_people_can_read_every_public_page(client_for, request, page, person):
    client = client_for(request.getfixturevalue(person))

    response = client.get(reverse(page))

    assert response.status_code == 200


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_footer_credits_the_postcode_data_under_the_open_government_licence(client, db, page):
    response = client.get(reverse(page))

    content = response.content.decode()
    assert "Ordnance Survey data" in content
    assert "Open Government Licence" in content
    assert "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" in content


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_footer_links_to_the_mit_licence(client, db, page):
    response = client.get(reverse(page))

    content = response.content.decode()
    assert f'href="{reverse("core:licence")}"' in content
    assert "MIT licence" in content


def test_signed_out_navigation_offers_sign_in_and_create_an_account(client, db):
    response = client.get(reverse("core:home"))

    assert f'href="{reverse("account_login")}"' in response.content.decode()
    assert f'href="{reverse("account_signup")}"' in response.content.decode()


def test_staff_area_link_is_shown_to_staff_but_not_to_a_pa(client_for, pa, verifier):
    staff_link = f'href="{reverse("staff:home")}"'

    assert staff_link in client_for(verifier).get(reverse("core:home")).content.decode()
    assert staff_link not in client_for(pa).get(reverse("core:home")).content.decode()


def test_unknown_address_gets_the_styled_page_not_found(client, db):
    assert settings.DEBUG is False

    response = client.get("/no-such-page-here/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    assert "govuk-footer" in content  # the site's own layout, not Django's bare page


def test_server_error_page_renders_with_support_details(db):
    request = RequestFactory().get("/")

    response = server_error(request)

    assert response.status_code == 500
    assert settings.PAHUB_SUPPORT["phone"] in response.content.decode()
