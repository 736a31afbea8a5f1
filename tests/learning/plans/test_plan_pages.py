"""The self-assessment and learning plan pages: PAs only, their own plan only."""

import pytest
from django.urls import reverse

from pahub.learning.models import PlanItem, SelfRating
from pahub.learning.plans import services
from pahub.register.services import profile_get_or_create
from pahub.taxonomy.models import Skill
from tests.learning.content import complete, make_course, make_event, make_module

PAGES = [
    ("get", "learning:self_assessment", {}),
    ("get", "learning:self_assessment_group", {"group": "topics"}),
    ("get", "learning:plan", {}),
    ("post", "learning:plan_make", {}),
    ("get", "learning:plan_step_add", {}),
]


@pytest.fixture
def course(db):
    course = make_course()
    return {
        "what": make_module(course, "what-to-expect", "What to expect", ["being_a_pa"], 1),
        "safe": make_module(course, "safeguarding", "Safeguarding basics", ["safeguarding"], 2),
    }


def rate(user, **topics):
    services.self_assessment_save(user=user, topic_ratings=topics, skill_ratings={})


@pytest.mark.parametrize(("method", "name", "kwargs"), PAGES)
def test_signed_out_people_are_sent_to_sign_in(client, db, method, name, kwargs):
    response = getattr(client, method)(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("method", "name", "kwargs"), PAGES)
def test_employers_are_refused_with_a_403_page(client_for, employer, method, name, kwargs):
    response = getattr(client_for(employer), method)(reverse(name, kwargs=kwargs))
    assert response.status_code == 403
    assert PlanItem.objects.count() == 0


def test_the_overview_lists_the_topics_and_each_skill_category(client_for, pa):
    response = client_for(pa).get(reverse("learning:self_assessment"))
    assert response.status_code == 200
    assert "Working as a PA" in response.text
    assert "Moving and handling" in response.text
    assert "Credentials" not in response.text
    assert "Start" in response.text


def test_skills_on_the_profile_are_prefilled_as_can_do(client_for, pa):
    hoist = Skill.objects.get(code="mobility.hoist")
    profile_get_or_create(user=pa).skills.add(hoist)
    group = f"skills-{hoist.category_id}"
    response = client_for(pa).get(reverse("learning:self_assessment_group", args=[group]))
    assert f'name="skill__{hoist.pk}" type="radio" value="can_do" checked' in response.text


def test_a_pa_whose_only_answers_come_from_their_profile_has_not_started(client_for, pa):
    profile_get_or_create(user=pa).skills.add(Skill.objects.get(code="mobility.hoist"))
    response = client_for(pa).get(reverse("learning:self_assessment"))
    assert ">Start</a>" in response.text
    assert "Continue" not in response.text
    assert "Make my learning plan" not in response.text


def test_after_saving_a_page_the_pa_continues_and_can_make_a_plan(client_for, pa):
    rate(pa, being_a_pa="want_to_learn")
    response = client_for(pa).get(reverse("learning:self_assessment"))
    assert ">Continue</a>" in response.text
    assert "Make my learning plan" in response.text


def test_an_unknown_group_is_404(client_for, pa):
    response = client_for(pa).get(reverse("learning:self_assessment_group", args=["skills-99999"]))
    assert response.status_code == 404


def test_a_page_with_an_answer_missing_shows_the_error_keeps_the_answers_and_saves_nothing(
    client_for, pa
):
    response = client_for(pa).post(
        reverse("learning:self_assessment_group", args=["topics"]),
        {"topic__being_a_pa": "want_to_learn", "topic__records": "not-a-rating"},
    )
    assert response.status_code == 200
    assert "Select how you rate yourself on ‘Person-centred working’" in response.text
    assert "govuk-error-summary" in response.text
    assert 'name="topic__being_a_pa" type="radio" value="want_to_learn" checked' in response.text
    assert SelfRating.objects.count() == 0


def test_answering_a_page_saves_it_and_goes_to_the_next(client_for, pa):
    from pahub.learning.plans.planning import PA_TOPICS

    answers = {f"topic__{topic.value}": "can_do" for topic in PA_TOPICS}
    answers["topic__safeguarding"] = "want_to_learn"
    response = client_for(pa).post(
        reverse("learning:self_assessment_group", args=["topics"]), answers
    )
    assert response.status_code == 302
    assert "/learning/self-assessment/skills-" in response["Location"]
    assert SelfRating.objects.filter(user=pa).count() == len(PA_TOPICS)
    assert SelfRating.objects.get(user=pa, topic="safeguarding").rating == "want_to_learn"


def test_making_the_plan_suggests_modules_not_done_and_events_near_or_online(
    client_for, pa, course
):
    complete(pa, course["what"])
    rate(pa, being_a_pa="want_to_learn", safeguarding="want_to_learn")
    near = make_event("Safeguarding in Newcastle", ["safeguarding"], outcode="NE1")
    online = make_event("Safeguarding online", ["safeguarding"])
    make_event("Safeguarding in Plymouth", ["safeguarding"], outcode="PL1")
    client = client_for(pa)
    response = client.post(reverse("learning:plan_make"))
    assert response.status_code == 302
    items = list(PlanItem.objects.filter(user=pa).order_by("order"))
    assert [(item.module_id, item.event_id) for item in items] == [
        (None, None),  # being a PA: its one module is done, so a step naming the gap
        (course["safe"].pk, None),
        (None, near.pk),
        (None, online.pk),
    ]
    page = client.get(reverse("learning:plan"))
    assert "Safeguarding basics" in page.text
    assert "Safeguarding in Plymouth" not in page.text


def test_making_the_plan_again_keeps_own_steps_ticks_and_notes(client_for, pa, course):
    rate(pa, safeguarding="want_to_learn")
    services.plan_generate(user=pa)
    step = PlanItem.objects.get(user=pa, module=course["safe"])
    services.plan_step_note(item=step, note="Ask Amira for time off")
    own = services.plan_step_add(user=pa, title="Shadow another PA")
    rate(pa, safeguarding="can_do", being_a_pa="want_to_learn")
    ticked = PlanItem.objects.get(pk=step.pk)
    services.plan_step_tick(item=ticked, done=True)
    client_for(pa).post(reverse("learning:plan_make"))
    items = list(PlanItem.objects.filter(user=pa).order_by("order"))
    assert [item.pk for item in items][1:] == [own.pk, step.pk]
    assert items[0].module_id == course["what"].pk
    kept = PlanItem.objects.get(pk=step.pk)
    assert kept.done_at is not None and kept.note == "Ask Amira for time off"


def test_a_module_step_ticks_itself_when_the_module_is_completed(client_for, pa, course):
    rate(pa, safeguarding="want_to_learn")
    services.plan_generate(user=pa)
    complete(pa, course["safe"])
    response = client_for(pa).get(reverse("learning:plan"))
    assert "when you completed the module" in response.text
    assert "1 of 1 step done" in response.text


def test_the_pa_can_add_tick_move_note_and_remove_steps(client_for, pa):
    client = client_for(pa)
    client.post(reverse("learning:plan_step_add"), {"title": "First aid course", "note": ""})
    client.post(reverse("learning:plan_step_add"), {"title": "Read about epilepsy", "note": ""})
    first, second = PlanItem.objects.filter(user=pa).order_by("order")
    client.post(reverse("learning:plan_step_action", args=[second.pk, "up"]))
    assert list(PlanItem.objects.filter(user=pa).order_by("order")) == [second, first]
    client.post(reverse("learning:plan_step_action", args=[first.pk, "done"]))
    assert PlanItem.objects.get(pk=first.pk).done_at is not None
    client.post(reverse("learning:plan_step_action", args=[first.pk, "not-done"]))
    assert PlanItem.objects.get(pk=first.pk).done_at is None
    client.post(reverse("learning:plan_step_note", args=[first.pk]), {"note": "In May"})
    assert PlanItem.objects.get(pk=first.pk).note == "In May"
    client.post(reverse("learning:plan_step_action", args=[second.pk, "remove"]))
    assert list(PlanItem.objects.filter(user=pa)) == [first]
    assert PlanItem.objects.get(pk=first.pk).order == 1


def test_an_empty_step_shows_the_error_and_saves_nothing(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:plan_step_add"), {"title": "  ", "note": "kept note"}
    )
    assert response.status_code == 200
    assert "Enter what you want to do" in response.text
    assert "kept note" in response.text
    assert PlanItem.objects.count() == 0


def test_a_too_long_note_shows_the_error_keeps_it_and_saves_nothing(client_for, pa):
    step = services.plan_step_add(user=pa, title="First aid")
    response = client_for(pa).post(
        reverse("learning:plan_step_note", args=[step.pk]), {"note": "x" * 2001}
    )
    assert "Your note must be 2,000 characters or fewer" in response.text
    assert PlanItem.objects.get(pk=step.pk).note == ""


@pytest.mark.parametrize("action", ["up", "done", "remove"])
def test_someone_elses_step_is_404(client_for, pa, other_pa, action):
    step = services.plan_step_add(user=other_pa, title="Their step")
    client = client_for(pa)
    assert (
        client.post(reverse("learning:plan_step_action", args=[step.pk, action])).status_code == 404
    )
    assert client.get(reverse("learning:plan_step_note", args=[step.pk])).status_code == 404
    assert PlanItem.objects.get(pk=step.pk).done_at is None


def test_an_unknown_action_is_404(client_for, pa):
    step = services.plan_step_add(user=pa, title="Mine")
    response = client_for(pa).post(reverse("learning:plan_step_action", args=[step.pk, "explode"]))
    assert response.status_code == 404


def test_the_plan_page_query_count_does_not_grow_with_steps(
    client_for, pa, course, django_assert_max_num_queries
):
    client = client_for(pa)
    rate(pa, safeguarding="want_to_learn", being_a_pa="want_to_learn")
    make_event("Online safeguarding", ["safeguarding"])
    services.plan_generate(user=pa)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("learning:plan"))
    for number in range(15):
        services.plan_step_add(user=pa, title=f"Step {number}")
    make_event("Safeguarding in Newcastle", ["safeguarding"], outcode="NE1")
    services.plan_generate(user=pa)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("learning:plan"))
    assert response.text.count('class="govuk-heading-s') >= 18
