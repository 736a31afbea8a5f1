"""A match reason says what the PA said about a skill. Ticking it on the profile means "I can
do, or would be happy to do" this, so it never reads "has done"; "verified" appears only when
current, verified specialist-skill evidence backs the skill."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.jobs.matches.queries import matches_for_job
from pahub.matching.scoring import JobNeeds, PACandidate, score
from pahub.register.models import Evidence
from pahub.taxonomy.models import Skill

HOIST, DRESSING, COOKING = 1, 2, 3
NAMES = {HOIST: "Hoist use", DRESSING: "Dressing and undressing", COOKING: "Cooking"}


def needs(**fields) -> JobNeeds:
    return JobNeeds(skill_names=NAMES, **fields)


def pa(skills=(), verified=()) -> PACandidate:
    return PACandidate(
        profile_id=1, skill_ids=frozenset(skills), verified_skill_ids=frozenset(verified)
    )


def test_a_ticked_task_says_the_pa_can_do_or_would_be_happy_to_do_it():
    match = score(needs(task_ids=frozenset({HOIST})), pa(skills={HOIST}))

    assert "Can do or would be happy to do hoist use" in match.reasons
    assert match.part("tasks").sentence == "Can do or would be happy to do the task"
    assert not [reason for reason in match.reasons if "Has done" in reason or "erified" in reason]


def test_a_task_with_verified_evidence_says_verified():
    match = score(needs(task_ids=frozenset({HOIST})), pa(skills={HOIST}, verified={HOIST}))

    assert "Verified training in hoist use" in match.reasons
    assert not [reason for reason in match.reasons if "happy" in reason]


def test_ticked_and_verified_tasks_are_told_apart():
    match = score(
        needs(task_ids=frozenset({HOIST, DRESSING, COOKING})),
        pa(skills={HOIST, DRESSING}, verified={HOIST}),
    )

    assert "Verified training in hoist use" in match.reasons
    assert "Can do or would be happy to do dressing and undressing" in match.reasons
    assert "Has not listed cooking" in match.missing
    assert match.part("tasks").sentence == "Can do or would be happy to do 2 of the 3 tasks"


def test_a_task_not_ticked_is_missing_whatever_the_evidence():
    match = score(needs(task_ids=frozenset({HOIST, COOKING})), pa())

    assert match.part("tasks").sentence == "Has listed none of the 2 tasks"
    assert "Has not listed cooking or hoist use" in match.missing


@pytest.mark.parametrize(
    ("verified", "reason"),
    [
        ((), "Can do or would be happy to do cooking (nice to have)"),
        ((COOKING,), "Verified training in cooking (nice to have)"),
    ],
)
def test_a_nice_to_have_says_the_same(verified, reason):
    match = score(
        needs(nice_skill_ids=frozenset({COOKING})), pa(skills={COOKING}, verified=verified)
    )

    assert reason in match.reasons


# From the database: only current, verified specialist evidence for the skill counts


def hoist() -> Skill:
    return Skill.objects.get(code="mobility.hoist")


@pytest.mark.parametrize(
    ("status", "expires_in_days", "reason"),
    [
        (Evidence.Status.VERIFIED, None, "Verified training in hoist use"),
        (Evidence.Status.VERIFIED, 30, "Verified training in hoist use"),
        (Evidence.Status.VERIFIED, -1, "Can do or would be happy to do dressing"),
        (Evidence.Status.AWAITING, None, "Can do or would be happy to do dressing"),
        (Evidence.Status.REJECTED, None, "Can do or would be happy to do dressing"),
    ],
)
def test_the_engine_marks_a_skill_verified_only_for_current_verified_evidence(
    employer, open_job, jordan, status, expires_in_days, reason
):
    open_job.tasks.add(hoist())
    jordan.skills.add(hoist())
    expires_on = (
        None if expires_in_days is None else timezone.localdate() + timedelta(days=expires_in_days)
    )
    Evidence.objects.create(
        profile=jordan,
        kind=Evidence.Kind.SPECIALIST,
        skill=hoist(),
        title="Moving and handling",
        status=status,
        expires_on=expires_on,
    )

    [result] = matches_for_job(open_job, viewer=employer)

    # Jordan's other tasks (dressing, washing) are ticked only, so they share the reason
    # when the hoist is not verified.
    [said] = [reason for reason in result.match.reasons if "hoist use" in reason]
    assert said.startswith(reason)
