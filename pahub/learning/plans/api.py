"""API: my self-assessment and my learning plan, under /api/v1/learning/. PAs only (403 for
anyone else), own data only. Session authentication; writes need the CSRF token in
`X-CSRFToken`. Bad input is 400 naming the field (`core.api_errors`)."""

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from pahub.core.api_errors import ErrorOut, InputError
from pahub.core.forms import FieldInputError
from pahub.core.schemas import InputSchema, RecordId
from pahub.learning.plans import queries, services
from pahub.learning.plans.permissions import check_pa
from pahub.learning.plans.planning import PA_TOPICS

router = Router(tags=["learning"])

Rating = Literal["can_do", "want_to_learn", "not_for_me"]


class TopicRatingOut(Schema):
    key: str
    label: str
    rating: str | None


class SkillRatingOut(Schema):
    code: str
    name: str
    category: str
    rating: str | None


class SelfAssessmentOut(Schema):
    topics: list[TopicRatingOut]
    skills: list[SkillRatingOut]


class SelfAssessmentIn(InputSchema):
    """Answers to save; others are kept."""

    topics: dict[str, Rating] = Field(default_factory=dict, description="Topic key to rating")
    skills: dict[str, Rating] = Field(
        default_factory=dict, description="Skill code (from /taxonomy/skills) to rating"
    )


class PlanStepOut(Schema):
    id: int
    order: int
    kind: str = Field(description="module, event, gap (nothing covers it yet) or own")
    title: str
    topic: str
    skill: str | None = Field(description="The skill's code, for a step from a skill gap")
    module_id: int | None
    event_id: int | None
    note: str
    done: bool
    done_at: datetime | None


class PlanOut(Schema):
    steps: list[PlanStepOut]


class PlanStepIn(InputSchema):
    multiline_fields = frozenset({"note"})

    id: RecordId | None = Field(None, description="An existing step; leave out to add one")
    title: Annotated[str, Field(max_length=200)] = Field(
        "", description="A new step in your own words"
    )
    note: Annotated[str, Field(max_length=2000)] | None = None
    done: bool | None = None


class PlanIn(InputSchema):
    steps: list[PlanStepIn] = Field(
        description="Your whole plan in order. Steps left out are removed."
    )


def self_assessment_out(user) -> SelfAssessmentOut:
    topic_ratings, skill_ratings = queries.ratings_of(user)
    return SelfAssessmentOut(
        topics=[
            TopicRatingOut(
                key=topic.value, label=topic.label, rating=topic_ratings.get(topic.value)
            )
            for topic in PA_TOPICS
        ],
        skills=[
            SkillRatingOut(
                code=skill.code,
                name=skill.name,
                category=skill.category.name,
                rating=skill_ratings.get(skill.pk),
            )
            for skill in queries.active_skills()
        ],
    )


def step_kind(item) -> str:
    if item.module_id:
        return "module"
    if item.event_id:
        return "event"
    if services.is_own_step(item):
        return "own"
    return "gap"


def plan_out(user) -> PlanOut:
    steps = []
    for item in queries.plan_items_of(user):
        done_at = queries.step_done_at(item)
        steps.append(
            PlanStepOut(
                id=item.pk,
                order=item.order,
                kind=step_kind(item),
                title=queries.step_title(item),
                topic=item.topic,
                skill=item.skill.code if item.skill_id else None,
                module_id=item.module_id,
                event_id=item.event_id,
                note=item.note,
                done=done_at is not None,
                done_at=done_at,
            )
        )
    return PlanOut(steps=steps)


@router.get(
    "/learning/self-assessment",
    response={200: SelfAssessmentOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Your self-assessment: each topic and skill, with your rating (or null)",
)
def self_assessment_get(request: HttpRequest):
    check_pa(request.auth)
    return Status(200, self_assessment_out(request.auth))


@router.put(
    "/learning/self-assessment",
    response={200: SelfAssessmentOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Save some of your ratings (others are kept)",
)
def self_assessment_put(request: HttpRequest, payload: SelfAssessmentIn):
    check_pa(request.auth)
    codes = {skill.code: skill.pk for skill in queries.active_skills()}
    unknown = [code for code in payload.skills if code not in codes]
    if unknown:
        raise InputError(f"skills.{unknown[0]}", "There is no such skill")
    try:
        services.self_assessment_save(
            user=request.auth,
            topic_ratings=payload.topics,
            skill_ratings={codes[code]: rating for code, rating in payload.skills.items()},
        )
    except FieldInputError as error:
        kind, _, key = error.field.partition("__")
        raise InputError(f"{kind}s.{key}", error.message) from None
    return Status(200, self_assessment_out(request.auth))


@router.get(
    "/learning/plan",
    response={200: PlanOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Your learning plan, in order",
)
def plan_get(request: HttpRequest):
    check_pa(request.auth)
    return Status(200, plan_out(request.auth))


@router.put(
    "/learning/plan",
    response={200: PlanOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Replace your plan: reorder, tick, note, add (no id) and remove (leave out) steps",
)
def plan_put(request: HttpRequest, payload: PlanIn):
    check_pa(request.auth)
    steps = [
        services.StepInput(id=step.id, title=step.title, note=step.note, done=step.done)
        for step in payload.steps
    ]
    try:
        services.plan_replace(user=request.auth, steps=steps)
    except FieldInputError as error:
        field = error.field
        if field == "title":
            field = "steps"
        raise InputError(field, error.message) from None
    return Status(200, plan_out(request.auth))


@router.post(
    "/learning/plan/make",
    response={200: PlanOut, 401: ErrorOut, 403: ErrorOut},
    auth=django_auth,
    summary="Make your plan (again) from your self-assessment; keeps your own and ticked steps",
)
def plan_make(request: HttpRequest):
    check_pa(request.auth)
    services.plan_generate(user=request.auth)
    return Status(200, plan_out(request.auth))
