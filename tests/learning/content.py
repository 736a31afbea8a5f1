"""Learning content for the plan and CPD tests: a course with modules, completions, events."""

from datetime import timedelta

from django.utils import timezone

from pahub.accounts.models import Organisation
from pahub.learning.models import Audience, Course, Event, Module, ModuleCompletion, ModuleVersion
from tests.factories import OrganisationFactory, district


def make_course(slug: str = "induction", **fields) -> Course:
    return Course.objects.create(
        slug=slug,
        title=fields.pop("title", "Induction for Personal Assistants"),
        summary="The basics of working as a PA.",
        audience=fields.pop("audience", Audience.PA),
        published_at=fields.pop("published_at", timezone.now()),
        **fields,
    )


def make_module(course: Course, slug: str, title: str, topics: list[str], order: int = 0) -> Module:
    module = Module.objects.create(course=course, slug=slug, order=order)
    version = ModuleVersion.objects.create(
        module=module,
        number=1,
        title=title,
        summary=f"What {title.lower()} means for a PA.",
        minutes=10,
        body="# Page\n\nText.",
        topics=topics,
        content_hash=slug,
    )
    module.current_version = version
    module.save(update_fields=["current_version"])
    return module


def complete(user, module: Module, *, days_ago: int = 1) -> ModuleCompletion:
    return ModuleCompletion.objects.create(
        user=user,
        module=module,
        module_version=module.current_version,
        completed_at=timezone.now() - timedelta(days=days_ago),
    )


def make_event(
    title: str, topics: list[str], *, outcode: str | None = None, days: int = 10, **fields
) -> Event:
    organisation = fields.pop("organisation", None) or OrganisationFactory(
        kind=Organisation.Kind.TRAINING_PROVIDER
    )
    starts = timezone.now() + timedelta(days=days)
    return Event.objects.create(
        organisation=organisation,
        title=title,
        description="A course.",
        topics=topics,
        format=Event.Format.IN_PERSON if outcode else Event.Format.ONLINE,
        district=district(outcode) if outcode else None,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        published_at=fields.pop("published_at", timezone.now()),
        **fields,
    )
