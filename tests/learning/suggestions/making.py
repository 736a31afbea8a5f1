"""Courses, modules, hired PAs and cover bookings for the suggestion and profile tests, made
through the one publishing service (`pahub.learning.versioning.publish_module_version`)."""

from datetime import timedelta

from django.utils import timezone

from pahub.cover.models import Booking
from pahub.learning.models import Course, Module
from pahub.learning.versioning import ChoiceSpec, ModuleSpec, QuestionSpec, publish_module_version
from tests.cover.conftest import make_request
from tests.factories import make_job

QUIZ = (
    QuestionSpec(
        text="Who employs a Personal Assistant?",
        choices=(
            ChoiceSpec(
                text="The person they support", feedback="Right: you work for them.", correct=True
            ),
            ChoiceSpec(text="PA Hub", feedback="No: PA Hub never employs anyone."),
        ),
    ),
)


def make_course(
    slug: str = "induction",
    title: str = "Induction for Personal Assistants",
    *,
    modules: tuple[tuple[str, str], ...] = (("what-to-expect", "What to expect as a PA"),),
    published: bool = True,
    audience: str = "pa",
    order: int = 0,
) -> Course:
    course = Course.objects.create(
        slug=slug,
        title=title,
        summary=f"{title}, in plain English.",
        audience=audience,
        order=order,
    )
    for place, (module_slug, module_title) in enumerate(modules, start=1):
        publish_module_version(
            course,
            ModuleSpec(
                slug=module_slug,
                title=module_title,
                minutes=10,
                body=f"# {module_title}\n\nWhat you need to know.",
                questions=QUIZ,
            ),
            order=place,
        )
    if published:
        course.published_at = timezone.now()
        course.save(update_fields=["published_at"])
    return course


def module(course: Course, slug: str) -> Module:
    return Module.objects.select_related("course", "current_version").get(course=course, slug=slug)


def hire(employer, pa, **fields):
    """A filled job of the employer's with `pa` hired for it."""
    return make_job(employer, **({"status": "filled", "hired_pa": pa} | fields))


def book_cover(employer, pa, *, days_ago: int = 10, status: str = "confirmed") -> Booking:
    """A cover booking of `pa` for the employer that started `days_ago` days ago."""
    request = make_request(employer, slots=[])
    starts = timezone.now() - timedelta(days=days_ago)
    slot = request.slots.create(starts_at=starts, ends_at=starts + timedelta(hours=3))
    return Booking.objects.create(
        slot=slot,
        pa=pa,
        employer=employer,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        status=status,
    )
