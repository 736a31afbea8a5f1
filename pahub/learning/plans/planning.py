"""From a self-assessment to a learning plan: pure functions over plain data.

`plan_from_ratings` takes what the PA said they want to learn, the modules and events on
offer, and the modules they have already completed, and returns the steps of a plan in the
order a PA meets them (report Fig. 5-1): the induction's topics first, then the wider
topics, then the skills of the taxonomy in the taxonomy's own order. No database here, so
it is fast, easy to test, and the page, the API and a command all plan the same way.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from pahub.learning.topics import Topic

CAN_DO = "can_do"
WANT_TO_LEARN = "want_to_learn"
NOT_FOR_ME = "not_for_me"

# The topics a PA rates themself on, in the order of Fig. 5-1: the induction's topics, then
# the wider ones. The employer's topics (recruiting, payroll, supervision) are for the
# employer course, not for a PA's self-assessment.
PA_TOPICS: tuple[Topic, ...] = (
    Topic.BEING_A_PA,
    Topic.PERSON_CENTRED,
    Topic.JOBS_AND_TASKS,
    Topic.EMPLOYMENT,
    Topic.BOUNDARIES,
    Topic.SAFEGUARDING,
    Topic.PROBLEMS,
    Topic.RECORDS,
    Topic.HEALTH_AND_SAFETY,
    Topic.COMMUNICATION,
    Topic.PERSONAL_DEVELOPMENT,
)

# A skill of the taxonomy that a topic's modules and events cover, by the skill's code or
# the start of it ("communication." covers every communication skill). A skill not named
# here still gets a step of its own, so the PA can find training for it.
SKILL_TOPICS: tuple[tuple[str, Topic], ...] = (
    ("core.safeguarding", Topic.SAFEGUARDING),
    ("core.health_safety", Topic.HEALTH_AND_SAFETY),
    ("core.infection_control", Topic.HEALTH_AND_SAFETY),
    ("core.confidentiality", Topic.RECORDS),
    ("mobility.", Topic.HEALTH_AND_SAFETY),
    ("communication.", Topic.COMMUNICATION),
    ("admin.", Topic.RECORDS),
)

# At most this many events are suggested for one gap: the nearest dates.
EVENTS_PER_GAP = 3


def topic_for_skill(code: str) -> str:
    """The topic whose modules and events teach this skill, or "" if none does."""
    for prefix, topic in SKILL_TOPICS:
        if code == prefix or (prefix.endswith(".") and code.startswith(prefix)):
            return topic.value
    return ""


@dataclass(frozen=True)
class SkillOption:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class ModuleOption:
    """A module on offer, in course order; `topics` are its current version's."""

    id: int
    title: str
    topics: frozenset[str]


@dataclass(frozen=True)
class EventOption:
    """An upcoming published event near the PA (or online)."""

    id: int
    title: str
    topics: frozenset[str]
    starts_at: datetime


@dataclass(frozen=True)
class PlannedStep:
    """One step of a generated plan. Exactly one of module, event or neither (a step that
    names the gap itself, when nothing on PA Hub covers it yet)."""

    topic: str = ""
    skill_id: int | None = None
    module_id: int | None = None
    event_id: int | None = None
    title: str = ""

    @property
    def key(self) -> tuple:
        """What makes two steps the same step, so a plan never suggests one thing twice and
        regenerating a plan finds the steps it made before."""
        if self.module_id is not None:
            return ("module", self.module_id)
        if self.event_id is not None:
            return ("event", self.event_id)
        return ("gap", self.topic, self.skill_id)


@dataclass(frozen=True)
class Gap:
    topic: str  # the topic whose modules and events fill it, or ""
    skill: SkillOption | None = None

    @property
    def title(self) -> str:
        if self.skill is not None:
            return f"Find training in {self.skill.name.lower()}"
        return f"Find training in {Topic(self.topic).label.lower()}"


def gaps_from_ratings(
    *,
    topic_ratings: Mapping[str, str],
    skill_ratings: Mapping[int, str],
    skills: Sequence[SkillOption],
) -> list[Gap]:
    """What the PA wants to learn, in order: topics as in Fig. 5-1, then skills as in the
    taxonomy (`skills` is the taxonomy's order)."""
    gaps = [
        Gap(topic=topic.value)
        for topic in PA_TOPICS
        if topic_ratings.get(topic.value) == WANT_TO_LEARN
    ]
    gaps += [
        Gap(topic=topic_for_skill(skill.code), skill=skill)
        for skill in skills
        if skill_ratings.get(skill.id) == WANT_TO_LEARN
    ]
    return gaps


def plan_from_ratings(
    *,
    topic_ratings: Mapping[str, str],
    skill_ratings: Mapping[int, str],
    skills: Sequence[SkillOption],
    modules: Sequence[ModuleOption],
    completed_module_ids: Iterable[int],
    events: Sequence[EventOption],
) -> list[PlannedStep]:
    """The steps of a learning plan, in order.

    For each gap: the modules covering its topic that the PA has not completed (in the
    order given, which is course order), then up to `EVENTS_PER_GAP` events on the topic,
    soonest first. A gap nothing covers gets one step naming it, so no gap is lost. A module
    or event that covers several gaps is suggested once, under the first.
    """
    completed = set(completed_module_ids)
    steps: list[PlannedStep] = []
    seen: set[tuple] = set()

    def add(step: PlannedStep) -> bool:
        if step.key in seen:
            return False
        seen.add(step.key)
        steps.append(step)
        return True

    soonest_events = sorted(events, key=lambda event: (event.starts_at, event.id))
    for gap in gaps_from_ratings(
        topic_ratings=topic_ratings, skill_ratings=skill_ratings, skills=skills
    ):
        skill_id = gap.skill.id if gap.skill else None
        covered = False
        if gap.topic:
            for module in modules:
                if gap.topic in module.topics and module.id not in completed:
                    covered = True
                    add(
                        PlannedStep(
                            topic=gap.topic,
                            skill_id=skill_id,
                            module_id=module.id,
                            title=module.title,
                        )
                    )
            matching_events = [event for event in soonest_events if gap.topic in event.topics]
            for event in matching_events[:EVENTS_PER_GAP]:
                covered = True
                add(
                    PlannedStep(
                        topic=gap.topic, skill_id=skill_id, event_id=event.id, title=event.title
                    )
                )
        if not covered:
            add(PlannedStep(topic=gap.topic, skill_id=skill_id, title=gap.title))
    return steps
