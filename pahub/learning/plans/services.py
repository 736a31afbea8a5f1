"""Changing a PA's self-assessment and learning plan: one function per action, each one
transaction. Pages, the API and commands call these; none of them saves a rating or a step
themselves."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from pahub.core.forms import FieldInputError
from pahub.learning.models import ModuleCompletion, PlanItem, SelfRating
from pahub.learning.plans import queries
from pahub.learning.plans.planning import PA_TOPICS, PlannedStep, plan_from_ratings

RATINGS = frozenset(SelfRating.Rating.values)
PA_TOPIC_KEYS = frozenset(topic.value for topic in PA_TOPICS)
MAX_STEPS = 200
TITLE_LIMIT = 200
NOTE_LIMIT = 2000


@transaction.atomic
def self_assessment_save(
    *, user, topic_ratings: Mapping[str, str], skill_ratings: Mapping[int, str]
) -> int:
    """Save some answers of the self-assessment (others are kept). Returns how many were
    saved. An unknown topic, skill or rating is refused as a whole, naming the answer."""
    for topic, rating in topic_ratings.items():
        if topic not in PA_TOPIC_KEYS:
            raise FieldInputError(f"topic__{topic}", f"There is no topic called {topic}")
        if rating not in RATINGS:
            raise FieldInputError(f"topic__{topic}", "Choose can do, want to learn or not for me")
    known_skills = set(
        queries.active_skills().filter(pk__in=list(skill_ratings)).values_list("pk", flat=True)
    )
    for skill_id, rating in skill_ratings.items():
        if skill_id not in known_skills:
            raise FieldInputError(f"skill__{skill_id}", "There is no such skill")
        if rating not in RATINGS:
            raise FieldInputError(
                f"skill__{skill_id}", "Choose can do, want to learn or not for me"
            )
    saved = 0
    for topic, rating in topic_ratings.items():
        SelfRating.objects.update_or_create(user=user, topic=topic, defaults={"rating": rating})
        saved += 1
    for skill_id, rating in skill_ratings.items():
        SelfRating.objects.update_or_create(
            user=user, skill_id=skill_id, topic="", defaults={"rating": rating}
        )
        saved += 1
    return saved


def is_own_step(item: PlanItem) -> bool:
    """A step the PA wrote themself, rather than one the plan made."""
    return not (item.topic or item.skill_id or item.module_id or item.event_id)


def step_key(item: PlanItem) -> tuple:
    return PlannedStep(
        topic=item.topic, skill_id=item.skill_id, module_id=item.module_id, event_id=item.event_id
    ).key


def renumber(items: Sequence[PlanItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.order = position
    PlanItem.objects.bulk_update(items, ["order"])


def lock_plan(user) -> list[PlanItem]:
    """The PA's steps in order, locked, so two changes at once cannot tangle the order."""
    return list(PlanItem.objects.select_for_update().filter(user=user).order_by("order", "pk"))


@transaction.atomic
def plan_generate(*, user, now: datetime | None = None) -> list[PlanItem]:
    """Make (or make again) the PA's plan from their self-assessment.

    Regenerating keeps what the PA did: their own steps, every ticked step, and the note on
    any step the new plan still suggests. Steps for modules they have since completed are
    ticked with the completion's date. Steps the new plan no longer suggests, and that were
    not done, are removed. Order: the new plan's steps, then the PA's own, then steps done
    that the plan no longer suggests.
    """
    now = now or timezone.now()
    existing = lock_plan(user)
    topic_ratings, skill_ratings = queries.ratings_of(user)
    completed = queries.completed_module_ids(user)
    planned = plan_from_ratings(
        topic_ratings=topic_ratings,
        skill_ratings=skill_ratings,
        skills=queries.skill_options(),
        modules=queries.module_options(),
        completed_module_ids=completed,
        events=queries.event_options(user, now=now),
    )[:MAX_STEPS]
    own = [item for item in existing if is_own_step(item)]
    made_before = {step_key(item): item for item in existing if not is_own_step(item)}
    completion_dates = dict(
        ModuleCompletion.objects.filter(user=user, module_id__in=completed)
        .order_by("-completed_at")
        .values_list("module_id", "completed_at")
    )
    ordered: list[PlanItem] = []
    for step in planned:
        item = made_before.pop(step.key, None)
        if item is None:
            item = PlanItem.objects.create(
                user=user,
                order=len(existing) + len(ordered) + 1,
                topic=step.topic,
                skill_id=step.skill_id,
                module_id=step.module_id,
                event_id=step.event_id,
                title=step.title if step.module_id is None and step.event_id is None else "",
                created_at=now,
            )
        ordered.append(item)
    ordered += own
    for item in made_before.values():
        if item.module_id in completion_dates and item.done_at is None:
            item.done_at = completion_dates[item.module_id]
            item.save(update_fields=["done_at"])
        if item.done_at is not None:
            ordered.append(item)
        else:
            item.delete()
    renumber(ordered)
    return ordered


def check_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise FieldInputError("title", "Enter what you want to do")
    if len(title) > TITLE_LIMIT:
        raise FieldInputError("title", f"Your step must be {TITLE_LIMIT} characters or fewer")
    return title


def check_note(note: str) -> str:
    note = note.strip()
    if len(note) > NOTE_LIMIT:
        raise FieldInputError("note", f"Your note must be {NOTE_LIMIT:,} characters or fewer")
    return note


@transaction.atomic
def plan_step_add(*, user, title: str, note: str = "") -> PlanItem:
    """Add a step in the PA's own words at the end of their plan."""
    title = check_title(title)
    note = check_note(note)
    existing = lock_plan(user)
    if len(existing) >= MAX_STEPS:
        raise FieldInputError("title", f"A plan can have {MAX_STEPS} steps at most")
    return PlanItem.objects.create(user=user, order=len(existing) + 1, title=title, note=note)


@transaction.atomic
def plan_step_remove(*, item: PlanItem) -> None:
    user = item.user_id
    item.delete()
    renumber(lock_plan(user))


@transaction.atomic
def plan_step_move(*, item: PlanItem, direction: str) -> None:
    """Move a step one place up or down; at either end it stays where it is."""
    if direction not in ("up", "down"):
        raise FieldInputError("direction", "Move a step up or down")
    items = lock_plan(item.user_id)
    position = next(index for index, each in enumerate(items) if each.pk == item.pk)
    target = position - 1 if direction == "up" else position + 1
    if 0 <= target < len(items):
        items[position], items[target] = items[target], items[position]
    renumber(items)


@transaction.atomic
def plan_step_tick(*, item: PlanItem, done: bool, now: datetime | None = None) -> PlanItem:
    """Tick a step off, or untick it."""
    item.done_at = (item.done_at or now or timezone.now()) if done else None
    item.save(update_fields=["done_at"])
    return item


@transaction.atomic
def plan_step_note(*, item: PlanItem, note: str) -> PlanItem:
    item.note = check_note(note)
    item.save(update_fields=["note"])
    return item


@dataclass(frozen=True)
class StepInput:
    """One step as the API sends it: an existing step by id, or a new one by title."""

    id: int | None
    title: str = ""
    note: str | None = None
    done: bool | None = None


@transaction.atomic
def plan_replace(*, user, steps: Sequence[StepInput], now: datetime | None = None) -> None:
    """Make the PA's plan exactly these steps, in this order: existing steps by id (ticked,
    noted), new steps by title; steps left out are removed."""
    now = now or timezone.now()
    if len(steps) > MAX_STEPS:
        raise FieldInputError("steps", f"A plan can have {MAX_STEPS} steps at most")
    existing = {item.pk: item for item in lock_plan(user)}
    seen: set[int] = set()
    ordered: list[PlanItem] = []
    for index, step in enumerate(steps):
        if step.id is None:
            item = PlanItem(user=user, order=index + 1, title=check_title(step.title))
        else:
            item = existing.get(step.id)
            if item is None or step.id in seen:
                raise FieldInputError(f"steps.{index}.id", "There is no such step in your plan")
            seen.add(step.id)
        if step.note is not None:
            item.note = check_note(step.note)
        if step.done is not None:
            item.done_at = (item.done_at or now) if step.done else None
        ordered.append(item)
    PlanItem.objects.filter(user=user).exclude(pk__in=seen).delete()
    for item in ordered:
        if item.pk is None:
            item.save()
        else:
            item.save(update_fields=["note", "done_at"])
    renumber(ordered)
