"""Reading a PA's self-assessment and learning plan, and what the plan is made from.

Everything here is scoped to one person: there is no way to read someone else's plan or
ratings through these functions.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from pahub.learning.models import Audience, Event, Module, ModuleCompletion, PlanItem, SelfRating
from pahub.learning.plans.planning import (
    PA_TOPICS,
    EventOption,
    ModuleOption,
    SkillOption,
)
from pahub.places.queries import districts_within
from pahub.taxonomy.models import Skill, SkillCategory

# Events in a place are suggested when they are within this many miles of the PA's district.
EVENT_MILES = 25
TOPICS_GROUP = "topics"


@dataclass(frozen=True)
class RatingItem:
    """One line of the self-assessment: a topic or a skill, with the PA's answer."""

    field_name: str  # the form field and API key: "topic__<key>" or "skill__<id>"
    label: str
    hint: str
    rating: str  # "" when not answered yet


@dataclass
class RatingGroup:
    """One page of the self-assessment: the topics, or one category of skills."""

    slug: str
    title: str
    items: list[RatingItem] = field(default_factory=list)

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.rating)

    @property
    def is_complete(self) -> bool:
        return self.answered == len(self.items)


def active_skills() -> QuerySet[Skill]:
    return Skill.objects.filter(is_active=True, category__isnull=False).select_related("category")


def ratings_of(user) -> tuple[dict[str, str], dict[int, str]]:
    """The PA's answers so far: by topic key, and by skill id."""
    topics: dict[str, str] = {}
    skills: dict[int, str] = {}
    for topic, skill_id, rating in SelfRating.objects.filter(user=user).values_list(
        "topic", "skill_id", "rating"
    ):
        if skill_id is None:
            topics[topic] = rating
        else:
            skills[skill_id] = rating
    return topics, skills


def has_answered(user) -> bool:
    """The PA has saved an answer. A skill filled in from their profile is only our guess, so
    a PA with nothing saved has not started, even though those pages show answers."""
    return SelfRating.objects.filter(user=user).exists()


def profile_skill_ids(user) -> set[int]:
    """Skills the PA listed on their register profile: a good first guess at "can do"."""
    return set(Skill.objects.filter(profiles__user=user).values_list("pk", flat=True))


def rating_groups(user) -> list[RatingGroup]:
    """Every page of the self-assessment in order, with the PA's answers. A skill the PA
    listed on their profile and has not rated yet reads as "can do"."""
    topic_ratings, skill_ratings = ratings_of(user)
    listed = profile_skill_ids(user)
    groups = [
        RatingGroup(
            slug=TOPICS_GROUP,
            title="Working as a PA",
            items=[
                RatingItem(
                    field_name=f"topic__{topic.value}",
                    label=topic.label,
                    hint="",
                    rating=topic_ratings.get(topic.value, ""),
                )
                for topic in PA_TOPICS
            ],
        )
    ]
    by_category: dict[int, RatingGroup] = {}
    categories = SkillCategory.objects.order_by("position", "name")
    for category in categories:
        by_category[category.pk] = RatingGroup(slug=f"skills-{category.pk}", title=category.name)
    for skill in active_skills():
        rating = skill_ratings.get(skill.pk, "")
        if not rating and skill.pk in listed:
            rating = SelfRating.Rating.CAN_DO
        by_category[skill.category_id].items.append(
            RatingItem(
                field_name=f"skill__{skill.pk}",
                label=skill.name,
                hint=skill.description,
                rating=rating,
            )
        )
    groups += [group for group in by_category.values() if group.items]
    return groups


def skill_options() -> list[SkillOption]:
    return [SkillOption(id=skill.pk, code=skill.code, name=skill.name) for skill in active_skills()]


def module_options() -> list[ModuleOption]:
    """Modules of published courses for PAs, not retired, in course order."""
    modules = (
        Module.objects.filter(
            retired_at__isnull=True,
            current_version__isnull=False,
            course__published_at__isnull=False,
            course__audience__in=[Audience.PA, Audience.ANYONE],
        )
        .select_related("current_version")
        .order_by("course__order", "course__title", "order", "pk")
    )
    return [
        ModuleOption(
            id=module.pk,
            title=module.current_version.title,
            topics=frozenset(module.current_version.topics or []),
        )
        for module in modules
    ]


def completed_module_ids(user) -> set[int]:
    return set(ModuleCompletion.objects.filter(user=user).values_list("module_id", flat=True))


def upcoming_events_near(user, *, now: datetime | None = None) -> QuerySet[Event]:
    """Published events still to come, for PAs: online ones, and ones in a place within
    `EVENT_MILES` of the PA's postcode district."""
    now = now or timezone.now()
    near = Q(format=Event.Format.ONLINE)
    if user.district_id is not None:
        outcodes = [district.pk for district in districts_within(user.district, EVENT_MILES)]
        near |= Q(format=Event.Format.IN_PERSON, district_id__in=outcodes)
    return Event.objects.filter(
        near,
        published_at__isnull=False,
        cancelled_at__isnull=True,
        starts_at__gt=now,
        audience__in=[Audience.PA, Audience.ANYONE],
    ).order_by("starts_at", "pk")


def event_options(user, *, now: datetime | None = None) -> list[EventOption]:
    return [
        EventOption(
            id=event.pk,
            title=event.title,
            topics=frozenset(event.topics or []),
            starts_at=event.starts_at,
        )
        for event in upcoming_events_near(user, now=now)
    ]


def plan_items_of(user) -> QuerySet[PlanItem]:
    """The PA's plan in order, with what each step shows, in one query. `module_completed_at`
    is when the PA first completed the step's module (any version): such a step is done."""
    first_completion = (
        ModuleCompletion.objects.filter(user=user, module=OuterRef("module_id"))
        .values("module")
        .annotate(first=Min("completed_at"))
        .values("first")
    )
    return (
        PlanItem.objects.filter(user=user)
        .select_related(
            "module__current_version",
            "module__course",
            "event__organisation",
            "event__district",
            "skill",
        )
        .annotate(module_completed_at=Subquery(first_completion))
        .order_by("order", "pk")
    )


def step_title(item: PlanItem) -> str:
    """What a step is called, whatever kind it is."""
    if item.module_id and item.module.current_version_id:
        return item.module.current_version.title
    if item.event_id:
        return item.event.title
    return item.title


def step_done_at(item: PlanItem) -> datetime | None:
    """Ticked by the PA, or done by completing the module."""
    return item.done_at or getattr(item, "module_completed_at", None)
