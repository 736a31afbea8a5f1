"""plan_from_ratings: from what a PA wants to learn to the steps of their plan."""

from datetime import UTC, datetime

from pahub.learning.plans.planning import (
    CAN_DO,
    EVENTS_PER_GAP,
    NOT_FOR_ME,
    WANT_TO_LEARN,
    EventOption,
    ModuleOption,
    SkillOption,
    plan_from_ratings,
    topic_for_skill,
)

SAFEGUARDING_MODULE = ModuleOption(
    id=1, title="Safeguarding basics", topics=frozenset({"safeguarding"})
)
BEING_A_PA_MODULE = ModuleOption(id=2, title="What to expect", topics=frozenset({"being_a_pa"}))
RECORDS_MODULE = ModuleOption(
    id=3, title="Keeping records", topics=frozenset({"records", "safeguarding"})
)
HOIST = SkillOption(id=10, code="mobility.hoist", name="Hoist use")
PETS = SkillOption(id=11, code="domestic.pet_care", name="Pet care")


def event(event_id: int, day: int, *topics: str) -> EventOption:
    return EventOption(
        id=event_id,
        title=f"Event {event_id}",
        topics=frozenset(topics),
        starts_at=datetime(2026, 6, day, 10, tzinfo=UTC),
    )


def plan(**kwargs):
    defaults = {
        "topic_ratings": {},
        "skill_ratings": {},
        "skills": [HOIST, PETS],
        "modules": [BEING_A_PA_MODULE, SAFEGUARDING_MODULE, RECORDS_MODULE],
        "completed_module_ids": set(),
        "events": [],
    }
    return plan_from_ratings(**{**defaults, **kwargs})


def test_nothing_wanted_makes_an_empty_plan():
    assert plan(topic_ratings={"safeguarding": CAN_DO, "records": NOT_FOR_ME}) == []


def test_induction_topics_come_first_whatever_order_the_answers_came_in():
    steps = plan(topic_ratings={"safeguarding": WANT_TO_LEARN, "being_a_pa": WANT_TO_LEARN})
    assert [step.module_id for step in steps] == [2, 1, 3]
    assert [step.topic for step in steps] == ["being_a_pa", "safeguarding", "safeguarding"]


def test_completed_modules_are_left_out():
    steps = plan(topic_ratings={"safeguarding": WANT_TO_LEARN}, completed_module_ids={1})
    assert [step.module_id for step in steps] == [3]


def test_a_module_covering_two_gaps_is_suggested_once_under_the_first():
    steps = plan(topic_ratings={"safeguarding": WANT_TO_LEARN, "records": WANT_TO_LEARN})
    assert [step.module_id for step in steps] == [1, 3]
    assert steps[1].topic == "safeguarding"


def test_events_follow_the_modules_soonest_first_and_only_a_few():
    events = [event(5, 20, "safeguarding"), event(6, 2, "safeguarding"), event(7, 9, "records")]
    events += [event(8 + n, 25 + n, "safeguarding") for n in range(3)]
    steps = plan(topic_ratings={"safeguarding": WANT_TO_LEARN}, events=events)
    assert [step.module_id for step in steps[:2]] == [1, 3]
    assert [step.event_id for step in steps[2:]] == [6, 5, 8][:EVENTS_PER_GAP]


def test_a_gap_nothing_covers_still_gets_a_step_naming_it():
    steps = plan(topic_ratings={"communication": WANT_TO_LEARN})
    assert len(steps) == 1
    assert steps[0].module_id is None and steps[0].event_id is None
    assert steps[0].topic == "communication"
    assert "communication" in steps[0].title


def test_skill_gaps_come_after_topics_and_use_their_topic_modules_and_events():
    events = [event(5, 3, "health_and_safety")]
    steps = plan(
        topic_ratings={"records": WANT_TO_LEARN},
        skill_ratings={HOIST.id: WANT_TO_LEARN, PETS.id: WANT_TO_LEARN},
        events=events,
    )
    assert steps[0].module_id == 3
    assert (steps[1].skill_id, steps[1].event_id) == (HOIST.id, 5)
    assert (steps[2].skill_id, steps[2].title) == (PETS.id, "Find training in pet care")


def test_skills_map_to_topics_by_code_or_prefix():
    assert topic_for_skill("core.safeguarding") == "safeguarding"
    assert topic_for_skill("communication.bsl") == "communication"
    assert topic_for_skill("domestic.pet_care") == ""
