"""The learning zone's retention rules delete only the working-out: failed quiz attempts and
bookings for events long over. Passed attempts, completions and certificates stay."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.core import retention
from pahub.learning.models import Course, Event, EventBooking, QuizAttempt
from pahub.learning.versioning import ChoiceSpec, ModuleSpec, QuestionSpec, publish_module_version
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def a_module_version():
    course = Course.objects.create(slug="c", title="C", summary="S", audience="pa")
    spec = ModuleSpec(
        slug="m",
        title="M",
        minutes=5,
        body="# Page\n\nText.",
        questions=(
            QuestionSpec(
                text="Q?",
                choices=(ChoiceSpec("Yes", "Right", correct=True), ChoiceSpec("No", "Wrong")),
            ),
        ),
    )
    return publish_module_version(course, spec, order=1)


def test_failed_attempts_go_after_a_year_and_passed_ones_stay(pa):
    version = a_module_version()
    long_ago = timezone.now() - timedelta(days=400)
    common = {"user": pa, "module_version": version, "question_count": 1, "created_at": long_ago}
    failed = QuizAttempt.objects.create(correct_count=0, passed=False, **common)
    passed = QuizAttempt.objects.create(correct_count=1, passed=True, **common)
    recent = QuizAttempt.objects.create(
        user=pa, module_version=version, correct_count=0, question_count=1, passed=False
    )
    retention.apply_all()
    assert set(QuizAttempt.objects.values_list("pk", flat=True)) == {passed.pk, recent.pk}
    assert not QuizAttempt.objects.filter(pk=failed.pk).exists()


def test_bookings_go_two_years_after_the_event(pa):
    organisation = OrganisationFactory(kind="training_provider")

    def event(days_ago: int) -> Event:
        ends = timezone.now() - timedelta(days=days_ago)
        return Event.objects.create(
            organisation=organisation,
            title="Moving and handling",
            description="A morning course.",
            format=Event.Format.ONLINE,
            starts_at=ends - timedelta(hours=3),
            ends_at=ends,
        )

    old = EventBooking.objects.create(event=event(800), user=pa)
    kept = EventBooking.objects.create(event=event(100), user=pa)
    retention.apply_all()
    assert list(EventBooking.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not EventBooking.objects.filter(pk=old.pk).exists()
