"""Saved plans: the employer, their representative and staff acting with consent save, see,
change, print, export and delete them; anyone else gets 404 (a PA who acts for no one, 403
when saving); signed-out people are sent to sign in."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.costs.models import CostPlan
from pahub.costs.services import cost_plan_create
from tests.costs.answers import plan_answers
from tests.factories import UserFactory

SAVE = reverse("costs:save")
PLANS = reverse("costs:plans")


def saved_plan(employer, *, name="Support from May", by=None) -> CostPlan:
    answers = {key: value for key, value in plan_answers().items() if key != "action"}
    return cost_plan_create(
        employer=employer,
        by=by or employer,
        name=name,
        costed_on=date(2026, 5, 1),
        answers=answers,
    )


@pytest.fixture
def plan(employer):
    return saved_plan(employer)


@pytest.fixture
def other_employer(db):
    return UserFactory(
        email="other.employer@example.org", full_name="Ben Other", roles=["employer"]
    )


EMPLOYER_SIDE = ["employer", "representative", "helping_staff"]


@pytest.mark.parametrize("person", EMPLOYER_SIDE)
def test_the_employer_side_saves_a_plan_for_the_employer(client_for, request, employer, person):
    user = request.getfixturevalue(person)

    response = client_for(user).post(
        SAVE, {**plan_answers(), "name": "Support from May", "employer": str(employer.pk)}
    )

    plan = CostPlan.objects.get()
    assert response.url == reverse("costs:plan", args=[plan.pk])
    assert (plan.employer, plan.created_by, plan.name) == (employer, user, "Support from May")
    assert plan.costed_on == date(2026, 5, 1)
    assert plan.answers["pa-0-name"] == "Sam"
    assert AuditEvent.objects.filter(action="cost_plan.created", actor=user).exists()


def test_saving_for_an_employer_one_does_not_act_for_is_refused(
    client_for, representative, other_employer
):
    response = client_for(representative).post(
        SAVE, {**plan_answers(), "name": "Mine", "employer": str(other_employer.pk)}
    )

    assert response.status_code == 200
    assert "Choose whose plan it is" in response.content.decode()
    assert not CostPlan.objects.exists()


def test_saving_without_a_name_keeps_the_answers(client_for, employer):
    response = client_for(employer).post(
        SAVE, {**plan_answers(), "name": "", "employer": str(employer.pk)}
    )

    content = response.content.decode()
    assert "Enter a name for the plan" in content
    assert 'name="pa-0-name" value="Sam"' in content
    assert not CostPlan.objects.exists()


def test_a_pa_cannot_save_a_plan(client_for, pa):
    response = client_for(pa).post(SAVE, {**plan_answers(), "name": "Mine"})

    assert response.status_code == 403


def test_saving_signed_out_goes_to_sign_in(client, db):
    response = client.post(SAVE, {**plan_answers(), "name": "Mine"})

    assert response.url.startswith(reverse("account_login"))


PLAN_PAGES = ["costs:plan", "costs:plan_edit", "costs:plan_print", "costs:plan_delete"]


@pytest.mark.parametrize("page", PLAN_PAGES)
@pytest.mark.parametrize("person", EMPLOYER_SIDE)
def test_the_employer_side_opens_every_plan_page(client_for, request, plan, person, page):
    response = client_for(request.getfixturevalue(person)).get(reverse(page, args=[plan.pk]))

    assert response.status_code == 200
    assert "Support from May" in response.content.decode()


@pytest.mark.parametrize("page", [*PLAN_PAGES, "costs:plan_csv"])
@pytest.mark.parametrize("person", ["pa", "other_employer", "staff_without_consent"])
def test_anyone_else_gets_404_for_every_plan_page(client_for, request, plan, person, page):
    response = client_for(request.getfixturevalue(person)).get(reverse(page, args=[plan.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("page", [*PLAN_PAGES, "costs:plan_csv"])
def test_signed_out_people_are_sent_to_sign_in(client, plan, page):
    response = client.get(reverse(page, args=[plan.pk]))

    assert response.url.startswith(reverse("account_login"))


def test_the_plan_page_shows_the_costs_and_who_is_acting(client_for, helping_staff, plan):
    content = client_for(helping_staff).get(reverse("costs:plan", args=[plan.pk])).content.decode()

    assert "£30.09 a week short" in content
    assert "You are acting for" in content


def test_the_csv_has_every_line_total_and_check(client_for, employer, plan):
    response = client_for(employer).get(reverse("costs:plan_csv", args=[plan.pk]))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0] == ["Line", "A week", "Every 4 weeks", "A year", "Tax year", "Why", "Source"]
    assert rows[1][:4] == ["Wages: Sam", "270.00", "1080.00", "14040.00"]
    total = next(row for row in rows if row[:1] == ["Total"])
    assert total[1:4] == ["580.09", "2320.36", "30164.63"]
    assert next(row for row in rows if row[:1] == ["Left (short if negative)"])[1] == "-30.09"
    assert any(row[:1] == ["Jo: Day rate"] for row in rows)


def test_a_typed_name_that_looks_like_a_formula_is_made_safe_in_the_csv(client_for, employer):
    plan = saved_plan(employer)
    plan.answers["pa-0-name"] = "=HYPERLINK(1)"
    plan.save(update_fields=["answers"])

    content = client_for(employer).get(reverse("costs:plan_csv", args=[plan.pk])).content.decode()

    assert "'=HYPERLINK(1)" in content


def test_changing_a_plan_saves_the_new_answers(client_for, representative, plan):
    response = client_for(representative).post(
        reverse("costs:plan_edit", args=[plan.pk]),
        plan_answers(name="From June", direct_payment_weekly="600"),
    )

    plan.refresh_from_db()
    assert response.url == reverse("costs:plan", args=[plan.pk])
    assert (plan.name, plan.answers["direct_payment_weekly"]) == ("From June", "600")
    assert AuditEvent.objects.filter(action="cost_plan.changed", actor=representative).exists()


def test_changing_a_plan_with_bad_input_keeps_what_was_typed(client_for, employer, plan):
    response = client_for(employer).post(
        reverse("costs:plan_edit", args=[plan.pk]),
        plan_answers(name="", **{"pa-0-hourly_rate": "abc"}),
    )

    content = response.content.decode()
    assert "Enter a name for the plan" in content
    assert 'value="abc"' in content
    plan.refresh_from_db()
    assert plan.name == "Support from May"


def test_adding_a_pa_while_changing_a_plan_saves_nothing(client_for, employer, plan):
    response = client_for(employer).post(
        reverse("costs:plan_edit", args=[plan.pk]), plan_answers(name="New", action="add")
    )

    assert 'name="pa_count" value="3"' in response.content.decode()
    plan.refresh_from_db()
    assert plan.name == "Support from May"


def test_another_employer_cannot_change_a_plan(client_for, other_employer, plan):
    response = client_for(other_employer).post(
        reverse("costs:plan_edit", args=[plan.pk]), plan_answers(name="Hijacked")
    )

    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.name == "Support from May"


def test_deleting_a_plan(client_for, employer, plan):
    response = client_for(employer).post(reverse("costs:plan_delete", args=[plan.pk]))

    assert response.url == PLANS
    assert not CostPlan.objects.exists()
    assert AuditEvent.objects.filter(action="cost_plan.deleted", actor=employer).exists()


def test_another_employer_cannot_delete_a_plan(client_for, other_employer, plan):
    response = client_for(other_employer).post(reverse("costs:plan_delete", args=[plan.pk]))

    assert response.status_code == 404
    assert CostPlan.objects.exists()


def test_the_list_shows_the_plans_of_everyone_one_acts_for(
    client_for, representative, employer, other_employer
):
    saved_plan(employer, name="Amira's plan")
    saved_plan(other_employer, name="Ben's plan")

    content = client_for(representative).get(PLANS).content.decode()

    assert "Amira&#x27;s plan" in content
    assert "Ben&#x27;s plan" not in content
    assert "Amira Khan" in content


def test_a_pa_has_no_plans_to_list(client_for, pa):
    assert client_for(pa).get(PLANS).status_code == 403


def test_the_list_sends_signed_out_people_to_sign_in(client, db):
    assert client.get(PLANS).url.startswith(reverse("account_login"))


def test_the_plan_list_query_count_does_not_grow_with_plans(
    client_for, employer, django_assert_max_num_queries
):
    client = client_for(employer)
    saved_plan(employer, name="First")
    client.get(PLANS)  # warm the session and caches
    with django_assert_max_num_queries(15) as few:
        client.get(PLANS)
    for number in range(10):
        saved_plan(employer, name=f"Plan {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(PLANS)

    assert response.content.decode().count("/costs/plans/") >= 11
