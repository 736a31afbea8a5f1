"""A PA's staff page, /staff/register/pas/<id>/, and its printable view."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import Evidence
from pahub.register.services import profile_recompute_level
from tests.register.verification.fixtures import make_level_two, today, verified


def profile_url(profile) -> str:
    return reverse("register_staff:profile", args=[profile.pk])


def print_url(profile) -> str:
    return reverse("register_staff:profile_print", args=[profile.pk])


@pytest.mark.parametrize("url", [profile_url, print_url])
def test_anonymous_visitors_are_sent_to_sign_in(client, pa_profile, url):
    response = client.get(url(pa_profile))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [profile_url, print_url])
def test_employers_are_refused_even_when_the_profile_is_visible_to_them(
    client_for, employer, pa_profile, url
):
    response = client_for(employer).get(url(pa_profile))

    assert response.status_code == 403


@pytest.mark.parametrize("url", [profile_url, print_url])
def test_staff_without_two_factor_are_sent_to_set_it_up(
    client_for, verifier_without_two_factor, pa_profile, url
):
    response = client_for(verifier_without_two_factor).get(url(pa_profile))

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("url", [profile_url, print_url])
def test_staff_of_another_area_get_404(client_for, durham_verifier, pa_profile, url):
    response = client_for(durham_verifier).get(url(pa_profile))

    assert response.status_code == 404


def test_staff_of_another_area_get_404_even_if_they_are_also_an_employer(
    client_for, durham_verifier, pa_profile
):
    from pahub.accounts.models import Role, UserRole

    UserRole.objects.create(user=durham_verifier, role=Role.EMPLOYER)

    response = client_for(durham_verifier).get(profile_url(pa_profile))

    assert response.status_code == 404


def test_staff_in_the_area_see_a_hidden_profile_and_the_view_is_audited(
    client_for, member, pa_profile
):
    pa_profile.visibility = "hidden"
    pa_profile.save()

    response = client_for(member).get(profile_url(pa_profile))

    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
    event = AuditEvent.objects.get(action="record.viewed")
    assert event.actor == member
    assert event.target_id == str(pa_profile.pk)


def test_the_page_shows_the_badge_with_what_was_verified_and_what_is_next(
    client_for, verifier, pa_profile, code_version, organisation
):
    make_level_two(pa_profile, code_version, organisation)
    profile_recompute_level(profile=pa_profile)

    html = client_for(verifier).get(profile_url(pa_profile)).content.decode()

    assert "Level 2" in html
    assert "verified by Newcastle Independent Living" in html
    assert "Induction course completed on" in html
    assert "Still needed for Level 3:" in html
    assert "Have a qualification checked" in html
    assert "Have 2 references checked (0 so far)" in html


def test_verifiers_get_links_into_the_verification_page_and_members_do_not(
    client_for, verifier, member, dbs_evidence, pa_profile
):
    link = reverse("register_staff:evidence", args=[dbs_evidence.pk])

    assert link in client_for(verifier).get(profile_url(pa_profile)).content.decode()
    assert link not in client_for(member).get(profile_url(pa_profile)).content.decode()


def test_the_induction_form_is_shown_to_verifiers_only(client_for, verifier, member, pa_profile):
    action = reverse("register_staff:induction", args=[pa_profile.pk])

    assert action in client_for(verifier).get(profile_url(pa_profile)).content.decode()
    assert action not in client_for(member).get(profile_url(pa_profile)).content.decode()


def test_the_printable_view_has_the_district_but_not_the_postcode_or_navigation(
    client_for, member, pa_profile, organisation
):
    verified(pa_profile, Evidence.Kind.DBS, organisation, expires_on=today() + timedelta(days=90))

    response = client_for(member).get(print_url(pa_profile))

    html = response.content.decode()
    assert response.status_code == 200
    assert "NE3" in html
    assert pa_profile.user.postcode not in html
    assert pa_profile.user.email not in html
    assert "govuk-header" not in html
    assert "govuk-service-navigation" not in html
    assert "<script" not in html
    assert html.count("<h1") == 1
    assert "DBS certificate" in html
    assert AuditEvent.objects.filter(action="record.viewed", actor=member).exists()


def test_script_in_about_me_is_shown_as_text(client_for, member, pa_profile):
    pa_profile.about_me = "<script>alert('x')</script>"
    pa_profile.save()

    html = client_for(member).get(print_url(pa_profile)).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
