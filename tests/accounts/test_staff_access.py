"""Who reaches the staff pages: staff with two-factor, each only for their own organisation."""

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from pahub.accounts.models import ApiKey, Membership
from pahub.accounts.services import api_key_create
from tests.factories import UserFactory, make_staff


@pytest.fixture
def api_key(organisation, org_admin) -> ApiKey:
    key, _ = api_key_create(organisation=organisation, name="Case system", by=org_admin)
    return key


@pytest.fixture
def verifier_membership(verifier) -> Membership:
    return verifier.memberships.get()


@pytest.fixture
def staff_urls(organisation, verifier_membership, api_key) -> dict[str, tuple[str, str]]:
    """Every staff page, with the method that uses it."""
    org = organisation.pk
    return {
        "home": ("get", reverse("staff:home")),
        "organisation": ("get", reverse("staff:organisation", args=[org])),
        "invite": ("get", reverse("staff:invite", args=[org])),
        "member_remove": (
            "post",
            reverse("staff:member_remove", args=[org, verifier_membership.pk]),
        ),
        "api_key_new": ("get", reverse("staff:api_key_new", args=[org])),
        "api_key_created": ("get", reverse("staff:api_key_created", args=[org, api_key.pk])),
        "api_key_revoke": ("post", reverse("staff:api_key_revoke", args=[org, api_key.pk])),
        "record_grant": ("get", reverse("staff:record_grant")),
        "audit_log": ("get", reverse("staff:audit_log")),
    }


ALL_PAGES = [
    "home",
    "organisation",
    "invite",
    "member_remove",
    "api_key_new",
    "api_key_created",
    "api_key_revoke",
    "record_grant",
    "audit_log",
]
ORGANISATION_ADMIN_PAGES = [
    "invite",
    "member_remove",
    "api_key_new",
    "api_key_created",
    "api_key_revoke",
]
REDIRECTING_PAGES = ["member_remove", "api_key_created", "api_key_revoke"]


def visit(client, staff_urls, page):
    method, url = staff_urls[page]
    return getattr(client, method)(url)


@pytest.mark.parametrize("page", ALL_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client, staff_urls, page):
    response = visit(client, staff_urls, page)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("person", ["pa", "employer", "representative"])
def test_people_who_are_not_staff_get_403(client_for, request, staff_urls, page, person):
    response = visit(client_for(request.getfixturevalue(person)), staff_urls, page)

    assert response.status_code == 403


def test_refusal_page_is_styled_and_says_who_the_page_is_for(client_for, pa):
    response = client_for(pa).get(reverse("staff:home"))

    assert response.status_code == 403
    assert "govuk-footer" in response.content.decode()


@pytest.mark.parametrize("page", ALL_PAGES)
def test_django_staff_flag_without_two_factor_is_sent_to_set_it_up(client_for, staff_urls, page):
    flagged = UserFactory(is_staff=True)

    response = visit(client_for(flagged), staff_urls, page)

    assert response.status_code == 302
    assert (
        response.url == f"{reverse('mfa_activate_totp')}?{urlencode({'next': staff_urls[page][1]})}"
    )


@pytest.mark.parametrize("page", ALL_PAGES)
def test_staff_without_two_factor_are_sent_to_set_it_up(client_for, organisation, staff_urls, page):
    newcomer = make_staff(
        organisation=organisation, role=Membership.StaffRole.ADMIN, two_factor=False
    )

    response = visit(client_for(newcomer), staff_urls, page)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("page", ["home", "organisation", "record_grant"])
def test_verifier_can_use_the_pages_for_all_staff(client_for, verifier, staff_urls, page):
    response = visit(client_for(verifier), staff_urls, page)

    assert response.status_code == 200


@pytest.mark.parametrize("page", ORGANISATION_ADMIN_PAGES)
def test_verifier_gets_404_on_the_organisation_admins_pages(client_for, verifier, staff_urls, page):
    response = visit(client_for(verifier), staff_urls, page)

    assert response.status_code == 404


def test_verifier_sees_no_api_keys_or_invitations_on_their_organisation_page(
    client_for, verifier, organisation, api_key
):
    response = client_for(verifier).get(reverse("staff:organisation", args=[organisation.pk]))

    assert response.context["is_admin"] is False
    assert "api_keys" not in response.context
    assert "Case system" not in response.content.decode()


@pytest.mark.parametrize("page", ["organisation", *ORGANISATION_ADMIN_PAGES])
def test_admin_of_another_organisation_gets_404(client_for, other_organisation, staff_urls, page):
    durham_admin = make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.ADMIN,
        email="durham.admin@example.org",
    )

    response = visit(client_for(durham_admin), staff_urls, page)

    assert response.status_code == 404


def test_staff_home_lists_only_the_persons_own_organisations(
    client_for, verifier, organisation, other_organisation
):
    response = client_for(verifier).get(reverse("staff:home"))

    assert [organisation for organisation, _ in response.context["rows"]] == [organisation]
    assert "Durham Direct Payments Support" not in response.content.decode()


@pytest.mark.parametrize("page", ["home", "organisation", "invite", "api_key_new", "record_grant"])
def test_org_admin_can_open_every_page_for_their_organisation(
    client_for, org_admin, staff_urls, page
):
    response = visit(client_for(org_admin), staff_urls, page)

    assert response.status_code == 200


def test_org_admin_sees_keys_and_open_invitations(client_for, org_admin, organisation, api_key):
    response = client_for(org_admin).get(reverse("staff:organisation", args=[organisation.pk]))

    assert response.context["is_admin"] is True
    assert list(response.context["api_keys"]) == [api_key]
    assert "Case system" in response.content.decode()


@pytest.mark.parametrize("person", ["org_admin", "verifier"])
def test_audit_log_is_403_for_organisation_staff(client_for, request, person):
    response = client_for(request.getfixturevalue(person)).get(reverse("staff:audit_log"))

    assert response.status_code == 403


@pytest.mark.parametrize("page", ALL_PAGES)
def test_site_admin_can_use_every_staff_page(client_for, admin, staff_urls, page):
    response = visit(client_for(admin), staff_urls, page)

    # Changes redirect back; a key's page redirects once the key has been shown.
    assert response.status_code == (302 if page in REDIRECTING_PAGES else 200)


@pytest.mark.parametrize("page", ["member_remove", "api_key_revoke"])
def test_changes_need_a_post(client_for, org_admin, staff_urls, page):
    response = client_for(org_admin).get(staff_urls[page][1])

    assert response.status_code == 405
