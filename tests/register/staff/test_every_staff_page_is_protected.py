"""Every register staff page, in one place: signed out, a PA, an employer, staff without
two-factor and staff of another area all get the answer they should."""

import pytest
from django.urls import reverse

from pahub.register.models import Evidence
from tests.register.verification.fixtures import add_evidence


@pytest.fixture
def pages(pa_profile):
    evidence = add_evidence(pa_profile, Evidence.Kind.IDENTITY)
    profile = [pa_profile.pk]
    return {
        "search": (reverse("register_staff:search"), "get"),
        "pa_create": (reverse("register_staff:pa_create"), "get"),
        "profile": (reverse("register_staff:profile", args=profile), "get"),
        "profile_print": (reverse("register_staff:profile_print", args=profile), "get"),
        "profile_edit": (reverse("register_staff:profile_edit", args=profile), "get"),
        "consent": (reverse("register_staff:consent", args=profile), "get"),
        "consent_withdraw": (
            reverse("register_staff:consent_withdraw", args=[pa_profile.pk, 1]),
            "post",
        ),
        "induction": (reverse("register_staff:induction", args=profile), "post"),
        "queue": (reverse("register_staff:queue"), "get"),
        "evidence": (reverse("register_staff:evidence", args=[evidence.pk]), "get"),
    }


PAGE_NAMES = [
    "search",
    "pa_create",
    "profile",
    "profile_print",
    "profile_edit",
    "consent",
    "consent_withdraw",
    "induction",
    "queue",
    "evidence",
]


def visit(client, pages, name):
    url, method = pages[name]
    return getattr(client, method)(url)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_signed_out_visitors_are_sent_to_sign_in(client, pages, name):
    response = visit(client, pages, name)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", PAGE_NAMES)
@pytest.mark.parametrize("person", ["pa", "employer"])
def test_pas_and_employers_are_refused(client_for, request, pages, name, person):
    response = visit(client_for(request.getfixturevalue(person)), pages, name)

    assert response.status_code == 403


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_staff_without_two_factor_must_set_it_up_first(
    client_for, verifier_without_two_factor, pages, name
):
    response = visit(client_for(verifier_without_two_factor), pages, name)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize(
    "name",
    [
        "profile",
        "profile_print",
        "profile_edit",
        "consent",
        "consent_withdraw",
        "induction",
        "evidence",
    ],
)
def test_staff_of_another_area_get_404_for_this_pa(client_for, durham_verifier, pages, name):
    response = visit(client_for(durham_verifier), pages, name)

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("search", 200),
        ("pa_create", 200),
        ("profile", 200),
        ("profile_print", 200),
        ("profile_edit", 404),  # no consent recorded yet
        ("consent", 200),
        ("queue", 403),
        ("evidence", 403),
        ("induction", 403),
    ],
)
def test_a_plain_member_may_search_and_help_but_not_verify(client_for, member, pages, name, status):
    assert visit(client_for(member), pages, name).status_code == status


@pytest.mark.parametrize(
    ("name", "status"),
    [("queue", 200), ("evidence", 200), ("profile", 200)],
)
def test_a_verifier_in_the_area_may_verify(client_for, verifier, pages, name, status):
    assert visit(client_for(verifier), pages, name).status_code == status
