"""Completions and certificates are countable by council area and date, for insights: one
grouped query, counts only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.learning.models import Certificate, Course, ModuleCompletion
from pahub.learning.queries import certificates_by_area, completions_by_area
from pahub.learning.versioning import ChoiceSpec, ModuleSpec, QuestionSpec, publish_module_version
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def a_course(slug: str = "area-course") -> tuple[Course, object]:
    course = Course.objects.create(slug=slug, title="Area course", summary="S", audience="pa")
    version = publish_module_version(
        course,
        ModuleSpec(
            slug="m",
            title="M",
            minutes=5,
            body="# Page\n\nText.",
            questions=(
                QuestionSpec(
                    text="Q?",
                    choices=(ChoiceSpec("Yes", "Right", correct=True), ChoiceSpec("No", "No")),
                ),
            ),
        ),
        order=1,
    )
    return course, version


def test_completions_are_counted_per_council_area_within_the_dates(
    django_assert_num_queries,
):
    _, version = a_course()
    newcastle = [
        UserFactory(email=f"n{i}@example.org", postcode="NE1 4ST", roles=[Role.PA])
        for i in range(3)
    ]
    durham = UserFactory(email="d@example.org", postcode="DH1 3LE", roles=[Role.PA])
    today = timezone.localdate()
    for person in [*newcastle, durham]:
        ModuleCompletion.objects.create(user=person, module_version=version, module=version.module)
    long_ago = UserFactory(email="old@example.org", postcode="NE1 4ST", roles=[Role.PA])
    ModuleCompletion.objects.create(
        user=long_ago,
        module_version=version,
        module=version.module,
        completed_at=timezone.now() - timedelta(days=400),
    )
    with django_assert_num_queries(1):
        counts = completions_by_area(since=today - timedelta(days=30), until=today)
    assert [(row.area, row.count) for row in counts] == [
        ("Newcastle upon Tyne", 3),
        ("County Durham", 1),
    ]
    assert completions_by_area(since=today, until=today, course_slug="another") == []


def test_certificates_are_counted_per_area_and_course():
    course, _ = a_course()
    person = UserFactory(email="c@example.org", postcode="NE1 4ST", roles=[Role.PA])
    Certificate.objects.create(
        user=person, course=course, course_version=1, code="AREA2345", name="C"
    )
    today = timezone.localdate()
    [row] = certificates_by_area(since=today, until=today, course_slug=course.slug)
    assert (row.area, row.count) == ("Newcastle upon Tyne", 1)
