"""Completed courses on a PA's profile: the certificates the PA chose to show, with their
verification codes, on that PA's profile only; nothing when there are none."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pahub.learning.models import Certificate
from pahub.register.models import PAProfile
from pahub.register.profile.sections import (
    profile_sections,
    register_profile_section,
    unregister_profile_section,
)
from pahub.register.services import profile_get_or_create
from tests.learning.suggestions.making import make_course

HEADING = "Courses completed on PA Hub"
CHOOSE = 'href="/learning/certificates/"'


@pytest.fixture
def profile(pa) -> PAProfile:
    """Jordan's profile, visible to any signed-in employer."""
    profile = profile_get_or_create(user=pa)
    profile.visibility = PAProfile.Visibility.ALL_EMPLOYERS
    profile.save(update_fields=["visibility"])
    return profile


@pytest.fixture
def induction(db):
    return make_course()


@pytest.fixture
def employer_course(db):
    return make_course(
        "becoming-an-employer", "Becoming an employer", modules=(("hiring", "Hiring"),)
    )


def certificate(user, course, code: str, *, shown: bool = True, version: int = 1) -> Certificate:
    return Certificate.objects.create(
        user=user,
        course=course,
        course_version=version,
        code=code,
        name=user.full_name,
        issued_at=timezone.make_aware(datetime(2026, 3, 4, 10, 0)),
        show_on_profile=shown,
    )


def detail(profile: PAProfile) -> str:
    return f"/register/pas/{profile.pk}/"


def test_an_employer_sees_the_certificates_the_pa_chose_to_show(
    client_for, employer, profile, induction, employer_course
):
    certificate(profile.user, induction, "K7QX4MZP", version=2)
    certificate(profile.user, employer_course, "HIDDEN22", shown=False)

    html = client_for(employer).get(detail(profile)).content.decode()

    assert HEADING in html
    assert "Induction for Personal Assistants" in html
    assert "Version 2, completed on 4 March 2026" in html
    assert "K7QX4MZP" in html
    assert 'href="/learning/verify/?code=K7QX4MZP"' in html
    assert "HIDDEN22" not in html and "Becoming an employer" not in html
    assert CHOOSE not in html


def test_nothing_is_shown_when_the_pa_shows_no_certificates(
    client_for, employer, profile, induction
):
    certificate(profile.user, induction, "HIDDEN22", shown=False)
    html = client_for(employer).get(detail(profile)).content.decode()
    assert HEADING not in html and "HIDDEN22" not in html


def test_nothing_is_shown_when_the_pa_has_no_certificates(client_for, employer, profile):
    assert HEADING not in client_for(employer).get(detail(profile)).content.decode()


def test_another_pas_certificates_are_not_on_this_profile(
    client_for, employer, profile, other_pa, induction
):
    certificate(other_pa, induction, "CHRIS333")
    html = client_for(employer).get(detail(profile)).content.decode()
    assert "CHRIS333" not in html and HEADING not in html


def test_the_pa_sees_all_they_show_a_count_of_what_they_hide_and_where_to_choose(
    client_for, profile, induction, employer_course
):
    certificate(profile.user, induction, "K7QX4MZP")
    certificate(profile.user, employer_course, "HIDDEN22", shown=False)

    html = client_for(profile.user).get("/register/profile/").content.decode()

    assert HEADING in html
    assert "K7QX4MZP" in html
    assert "HIDDEN22" not in html
    assert "You hide 1 certificate from your profile." in html
    assert CHOOSE in html


def test_the_pa_who_hides_every_certificate_is_told_and_can_choose(client_for, profile, induction):
    certificate(profile.user, induction, "HIDDEN22", shown=False)
    html = client_for(profile.user).get("/register/profile/").content.decode()
    assert "Employers do not see any of your courses." in html
    assert CHOOSE in html


def test_the_pa_with_no_certificates_sees_no_section(client_for, profile):
    html = client_for(profile.user).get("/register/profile/").content.decode()
    assert HEADING not in html and CHOOSE not in html


def test_the_pas_own_profile_page_has_the_note(client_for, profile, induction):
    certificate(profile.user, induction, "K7QX4MZP")
    html = client_for(profile.user).get(detail(profile)).content.decode()
    assert "K7QX4MZP" in html and CHOOSE in html


def test_the_preview_shows_what_employers_see(client_for, profile, induction, employer_course):
    certificate(profile.user, induction, "K7QX4MZP")
    certificate(profile.user, employer_course, "HIDDEN22", shown=False)
    html = client_for(profile.user).get("/register/profile/preview/").content.decode()
    assert "K7QX4MZP" in html
    assert "HIDDEN22" not in html and CHOOSE not in html


@pytest.mark.parametrize("viewer", ["employer", "pa"])
def test_the_profile_page_reads_the_same_number_of_queries_however_many_certificates(
    client_for, request, profile, django_assert_max_num_queries, viewer
):
    client = client_for(request.getfixturevalue(viewer))
    certificate(profile.user, make_course(), "FIRST222")
    with CaptureQueriesContext(connection) as one:
        client.get(detail(profile))
    for n in range(6):
        course = make_course(f"course-{n}", f"Course {n}", modules=((f"m{n}", f"Module {n}"),))
        certificate(profile.user, course, f"CODE{n}XYZ")
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get(detail(profile)).content.decode()
    assert "CODE5XYZ" in html


def test_the_overview_reads_the_same_number_of_queries_however_many_certificates(
    client_for, profile, django_assert_max_num_queries
):
    client = client_for(profile.user)
    certificate(profile.user, make_course(), "FIRST222")
    with CaptureQueriesContext(connection) as one:
        client.get("/register/profile/")
    for n in range(6):
        course = make_course(f"course-{n}", f"Course {n}", modules=((f"m{n}", f"Module {n}"),))
        certificate(profile.user, course, f"CODE{n}XYZ", shown=n % 2 == 0)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/register/profile/")


# The register's registry itself


def test_a_section_that_has_nothing_to_show_adds_nothing(profile):
    register_profile_section("test.empty", lambda profile, viewer: None)
    try:
        names = [section.name for section in profile_sections(profile, None)]
    finally:
        unregister_profile_section("test.empty")
    assert "test.empty" not in names


def test_a_provider_is_told_the_profile_and_the_viewer(profile, employer):
    seen = []

    def provider(given_profile, viewer):
        seen.append((given_profile, viewer))
        return "some/template.html", {"x": 1}

    register_profile_section("test.seen", provider)
    try:
        sections = profile_sections(profile, employer)
    finally:
        unregister_profile_section("test.seen")
    assert seen == [(profile, employer)]
    assert [(s.template, s.context) for s in sections if s.name == "test.seen"] == [
        ("some/template.html", {"x": 1})
    ]


@pytest.fixture(autouse=True)
def _own_courses_only(without_repository_courses) -> None:
    """Only the courses these tests make."""
