"""Matching and cover requests apply the rules of the employer's council and say why."""

from datetime import time
from decimal import Decimal

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.cover.models import CoverRequest
from pahub.cover.services import CoverError, RequestInput, SlotInput, cover_request_create
from pahub.jobs.applications.services import must_have_check
from pahub.jobs.matches.queries import matches_for_job, matches_for_pa
from pahub.rules.models import LocalRule
from pahub.rules.services import RuleInput, rule_add
from tests.cover.test_cover_services import next_weekday
from tests.factories import make_job
from tests.matching.conftest import make_pa

from .conftest import ALL, REASON, dbs_answers, today

RULE_WORDS = "required by Newcastle City Council for jobs paid by a direct payment"


@pytest.fixture
def funded_job(employer_profile):
    """Amira's open job, paid by a direct payment from Newcastle."""
    return make_job(employer_profile.user, paid_by_direct_payment=True)


def found(results) -> list[str]:
    return [result.profile.display_name for result in results]


# Matching


def test_matching_leaves_out_pas_below_the_rule_and_says_why_the_rest_match(
    employer, funded_job, jordan, newcastle, council_staff
):
    make_pa(name="Barred list checked", dbs_rank=4, level=2)
    assert sorted(found(matches_for_job(funded_job, viewer=employer))) == [
        "Barred list checked",
        "Jordan",
    ]

    rule_add(council=newcastle, answers=dbs_answers(), by=council_staff)
    funded_job.refresh_from_db()

    results = matches_for_job(funded_job, viewer=employer)
    assert found(results) == ["Barred list checked"]
    assert results[0].match.local_rules == (
        f"Has an enhanced DBS check with the adults' barred list ({RULE_WORDS})",
    )


def test_a_pa_below_the_rule_is_told_the_councils_reason(
    funded_job, jordan, newcastle, council, admin
):
    rule_add(council=newcastle, answers=dbs_answers(), by=admin)
    funded_job.refresh_from_db()

    assert matches_for_pa(jordan) == []
    unmet = must_have_check(funded_job, jordan).unmet
    assert unmet == (f"Needs an enhanced DBS check with the adults' barred list ({RULE_WORDS})",)


def test_the_level_rule_is_enforced_in_matching_with_its_reason(
    employer, funded_job, jordan, newcastle, council, admin
):
    rule_add(
        council=newcastle,
        answers=RuleInput(
            kind=LocalRule.Kind.MINIMUM_PA_LEVEL,
            applies_to=ALL,
            pa_level=3,
            explanation="References checked for every PA we fund.",
            in_force_from=today(),
        ),
        by=admin,
    )
    funded_job.refresh_from_db()
    make_pa(name="Level 3", dbs_rank=2, level=3)

    assert found(matches_for_job(funded_job, viewer=employer)) == ["Level 3"]
    assert matches_for_pa(jordan) == []
    assert must_have_check(funded_job, jordan).unmet == (
        "Needs Level 3 or above (required by Newcastle City Council for all jobs of employers "
        "in its area)",
    )


def test_a_job_asking_more_than_the_rule_gives_no_council_reason(
    employer, employer_profile, newcastle, admin
):
    job = make_job(employer, required_dbs="enhanced_adults", required_dbs_rank=4)
    rule_add(council=newcastle, answers=dbs_answers(level="basic", applies_to=ALL), by=admin)
    make_pa(name="Barred list checked", dbs_rank=4, level=2)
    [result] = matches_for_job(job, viewer=employer)
    assert result.match.local_rules == ()


# Cover requests


def ask(employer_profile, **changes) -> CoverRequest:
    values = {
        "slots": [SlotInput(next_weekday(2), time(8), time(11))],
        "address": "12 Grey Street, Newcastle NE1 6AE",
        "hourly_pay": Decimal("14.00"),
        "pool_wait_minutes": 30,
        "task_codes": ["personal_care.washing_bathing"],
    }
    user = employer_profile.user
    return cover_request_create(employer=user, by=user, data=RequestInput(**(values | changes)))


def test_cover_paid_by_a_direct_payment_must_meet_the_rule(employer_profile, dbs_rule):
    with pytest.raises(CoverError) as refused:
        ask(employer_profile, paid_by_direct_payment=True, required_dbs="basic")
    assert refused.value.field == "required_dbs"
    assert refused.value.message.startswith(REASON)
    assert not CoverRequest.objects.exists()

    cover = ask(employer_profile, paid_by_direct_payment=True, required_dbs="enhanced_adults")
    assert cover.required_dbs_rank == 4


def test_cover_paid_another_way_may_ask_less(employer_profile, dbs_rule):
    assert ask(employer_profile, required_dbs="").required_dbs_rank == 0


def test_the_cover_page_says_the_rule_and_refuses_lower_by_the_question(
    client_for, employer, employer_profile, dbs_rule
):
    client = client_for(employer)
    url = reverse("cover:request_new", args=[employer.pk])
    assert REASON in client.get(url).content.decode()

    day = next_weekday(2)
    response = client.post(
        url,
        {
            "shift_1_date_day": day.day,
            "shift_1_date_month": day.month,
            "shift_1_date_year": day.year,
            "shift_1_start": "08:00",
            "shift_1_end": "11:00",
            "tasks": [],
            "hourly_pay": "14.00",
            "address": "12 Grey Street, Newcastle NE1 6AE",
            "pool_wait_minutes": "0",
            "auto_confirm_pool": "no",
            "paid_by_direct_payment": "yes",
            "required_dbs": "basic",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert not CoverRequest.objects.exists()


def test_a_new_rule_raises_open_cover_requests(employer_profile, newcastle, council_staff):
    cover = ask(employer_profile, paid_by_direct_payment=True)
    rule_add(council=newcastle, answers=dbs_answers(), by=council_staff)
    cover.refresh_from_db()
    assert cover.required_dbs_rank == 4
    assert AuditEvent.objects.filter(action="cover.local_rules_applied").exists()
