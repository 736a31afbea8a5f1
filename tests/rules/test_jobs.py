"""The job builder applies the rules of the employer's council and says why; a council's new
rule raises its employers' drafts and open jobs at once (docs/rules.md)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.jobs.builder.rules import JobNotReady
from pahub.jobs.models import Job
from pahub.jobs.services import job_publish, job_update
from pahub.rules.models import LocalRule
from pahub.rules.services import RuleInput, rule_add, rule_change, rule_retire
from tests.factories import UserFactory, make_employer_profile, make_job

from .conftest import ALL, REASON, dbs_answers, today


def step_url(job: Job, step: str) -> str:
    return reverse("employer:job_step", kwargs={"job_id": job.pk, "step": step})


MUST_HAVES = {"requires_driver": "no", "required_language": "", "then": "continue"}


@pytest.fixture
def paid_job(draft_job) -> Job:
    """Amira's draft, paid by a direct payment from Newcastle."""
    Job.objects.filter(pk=draft_job.pk).update(paid_by_direct_payment=True)
    draft_job.refresh_from_db()
    return draft_job


def level_answers(level: int = 2, **fields) -> RuleInput:
    values = {
        "kind": LocalRule.Kind.MINIMUM_PA_LEVEL,
        "applies_to": ALL,
        "pa_level": level,
        "explanation": "Every PA we fund has had their DBS and induction checked.",
        "in_force_from": today(),
    } | fields
    return RuleInput(**values)


# The builder's questions


def test_the_pay_step_asks_whether_a_direct_payment_pays_the_job(
    client_for, employer, draft_job, dbs_rule
):
    client = client_for(employer)
    assert (
        "from a direct payment from your council"
        in client.get(step_url(draft_job, "pay")).content.decode()
    )

    client.post(
        step_url(draft_job, "pay"),
        {
            "hourly_pay": "13.50",
            "is_apprenticeship": "no",
            "paid_by_direct_payment": "yes",
            "then": "continue",
        },
    )

    draft_job.refresh_from_db()
    assert draft_job.paid_by_direct_payment
    # Saying so brings the council's rule for such jobs with it.
    assert draft_job.required_dbs == "enhanced_adults"
    assert draft_job.required_dbs_rank == 4


def test_the_dbs_question_says_the_councils_rule(client_for, employer, paid_job, dbs_rule):
    page = client_for(employer).get(step_url(paid_job, "must_haves")).content.decode()
    assert REASON in page
    assert dbs_rule.explanation in page


def test_choosing_a_lower_check_is_refused_with_the_reason_by_the_question(
    client_for, employer, paid_job, dbs_rule
):
    response = client_for(employer).post(
        step_url(paid_job, "must_haves"), MUST_HAVES | {"required_dbs": "basic"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'href="#id_required_dbs' in page
    assert f"{REASON}: choose an enhanced DBS check with the adults&#x27; barred list" in page
    paid_job.refresh_from_db()
    assert paid_job.required_dbs == "enhanced_adults"  # as the rule set it: unchanged


def test_the_rules_check_or_higher_is_accepted_and_the_summary_says_why(
    client_for, employer, paid_job, dbs_rule
):
    client = client_for(employer)
    response = client.post(
        step_url(paid_job, "must_haves"), MUST_HAVES | {"required_dbs": "enhanced_adults"}
    )
    assert response.status_code == 302
    paid_job.refresh_from_db()
    assert paid_job.required_dbs_rank == 4

    Job.objects.filter(pk=paid_job.pk).update(status=Job.Status.PUBLISHED)
    page = client.get(reverse("employer:job", kwargs={"job_id": paid_job.pk})).content.decode()
    assert REASON in page


def test_a_job_not_paid_by_a_direct_payment_may_ask_less(client_for, employer, draft_job, dbs_rule):
    response = client_for(employer).post(
        step_url(draft_job, "must_haves"), MUST_HAVES | {"required_dbs": ""}
    )
    assert response.status_code == 302


def test_a_rule_for_all_jobs_sets_a_new_jobs_check(employer_profile, employer, newcastle, admin):
    from pahub.jobs.services import job_create_draft

    rule_add(council=newcastle, answers=dbs_answers(level="standard", applies_to=ALL), by=admin)
    job = job_create_draft(employer=employer, by=employer, title="Weekend PA")
    assert (job.required_dbs, job.required_dbs_rank) == ("standard", 2)


def test_the_level_rule_sets_the_jobs_minimum_level_and_is_shown(
    client_for, employer, draft_job, newcastle, admin
):
    rule_add(council=newcastle, answers=level_answers(2), by=admin)
    draft_job.refresh_from_db()
    assert draft_job.required_level == 2
    page = client_for(employer).get(step_url(draft_job, "must_haves")).content.decode()
    assert "Level 2 or above" in page


def test_publishing_below_the_rule_is_refused(employer, paid_job, newcastle, council):
    # The rule arrived without reaching the job (here straight into the table): the check
    # before opening the job still holds it to the rule.
    LocalRule.objects.create(
        council=newcastle,
        kind="dbs_check",
        dbs_level="enhanced",
        applies_to="direct_payment",
        explanation="Why",
        in_force_from=today(),
    )
    Job.objects.filter(pk=paid_job.pk).update(
        completed_steps=["title", "description", "tasks", "hours", "start", "pay"]
    )
    with pytest.raises(JobNotReady) as refused:
        job_publish(job=paid_job, by=employer)
    assert refused.value.problems[0].step == "must_haves"
    assert "Required by Newcastle City Council" in refused.value.problems[0].message


def test_any_edit_brings_the_job_up_to_the_rule(employer, paid_job, newcastle, council):
    LocalRule.objects.create(
        council=newcastle,
        kind="dbs_check",
        dbs_level="enhanced",
        applies_to="direct_payment",
        explanation="Why",
        in_force_from=today(),
    )
    job_update(job=paid_job, changes={"title": "Evening PA, 3 nights"}, by=employer)
    paid_job.refresh_from_db()
    assert paid_job.required_dbs == "enhanced"


# Rules arriving while jobs are open


def test_a_new_rule_raises_open_and_draft_jobs_at_once_and_is_audited(
    employer_profile, employer, newcastle, council_staff
):
    open_job = make_job(employer, paid_by_direct_payment=True)
    draft = make_job(employer, status="draft", published_at=None, paid_by_direct_payment=True)
    closed = make_job(employer, status="closed", paid_by_direct_payment=True)
    not_funded = make_job(employer)

    rule_add(council=newcastle, answers=dbs_answers(), by=council_staff)

    for job in (open_job, draft, closed, not_funded):
        job.refresh_from_db()
    assert open_job.required_dbs_rank == 4 and draft.required_dbs_rank == 4
    assert closed.required_dbs_rank == 0  # a closed job keeps the terms it ran on
    assert not_funded.required_dbs_rank == 0  # the rule is for direct payments only
    event = AuditEvent.objects.get(action="job.local_rules_applied", target_id=str(open_job.pk))
    assert event.actor == council_staff


def test_another_councils_rule_leaves_the_job_alone(employer_profile, employer, durham, admin):
    job = make_job(employer, paid_by_direct_payment=True)
    rule_add(council=durham, answers=dbs_answers(applies_to=ALL), by=admin)
    job.refresh_from_db()
    assert job.required_dbs_rank == 0


def test_a_durham_employers_job_follows_durhams_rules(durham, admin):
    employer = UserFactory(postcode="DH1 1AA")
    make_employer_profile(employer)
    job = make_job(employer)
    rule_add(council=durham, answers=dbs_answers(level="basic", applies_to=ALL), by=admin)
    job.refresh_from_db()
    assert job.required_dbs == "basic"


def test_a_rule_never_lowers_a_jobs_own_check(employer_profile, employer, newcastle, admin):
    job = make_job(employer, required_dbs="enhanced_adults", required_dbs_rank=4)
    rule = rule_add(council=newcastle, answers=dbs_answers(level="basic", applies_to=ALL), by=admin)
    rule_retire(rule=rule, by=admin)
    job.refresh_from_db()
    assert job.required_dbs_rank == 4


def test_retiring_a_level_rule_lowers_the_jobs_level(employer_profile, employer, newcastle, admin):
    job = make_job(employer)
    rule = rule_add(council=newcastle, answers=level_answers(3), by=admin)
    job.refresh_from_db()
    assert job.required_level == 3
    rule_change(rule=rule, answers=level_answers(2), by=admin)
    job.refresh_from_db()
    assert job.required_level == 2
    rule_retire(rule=rule, by=admin)
    job.refresh_from_db()
    assert job.required_level == 0


def test_a_rule_starting_later_waits_for_its_date(employer_profile, employer, newcastle, admin):
    job = make_job(employer, paid_by_direct_payment=True)
    rule_add(
        council=newcastle, answers=dbs_answers(in_force_from=today() + timedelta(days=7)), by=admin
    )
    job.refresh_from_db()
    assert job.required_dbs_rank == 0


# The jobs API follows the same rules


def test_the_api_refuses_a_lower_check_with_the_reason(client_for, employer, paid_job, dbs_rule):
    response = client_for(employer).patch(
        f"/api/v1/employer/jobs/{paid_job.pk}",
        {"required_dbs": "basic"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["field"] == "required_dbs"
    assert REASON in response.json()["detail"]


def test_the_api_shows_the_direct_payment_answer_and_the_level(
    client_for, employer, paid_job, newcastle, admin
):
    rule_add(council=newcastle, answers=level_answers(2), by=admin)
    body = client_for(employer).get(f"/api/v1/employer/jobs/{paid_job.pk}").json()
    assert body["paid_by_direct_payment"] is True
    assert body["required_level"] == 2


def test_the_insurance_the_council_funds_is_shown_in_the_builder(
    client_for, employer, draft_job, newcastle, admin
):
    rule_add(
        council=newcastle,
        answers=RuleInput(
            kind=LocalRule.Kind.EMPLOYER_INSURANCE_FUNDED,
            applies_to=ALL,
            funding_details="Claim it back with your four-weekly direct payment return.",
            explanation="Employers' liability insurance is compulsory for PA employers.",
            in_force_from=today(),
        ),
        by=admin,
    )
    page = client_for(employer).get(step_url(draft_job, "must_haves")).content.decode()
    assert "Claim it back with your four-weekly direct payment return." in page
    draft_job.refresh_from_db()
    assert (draft_job.required_dbs_rank, draft_job.required_level) == (0, 0)


def test_a_rule_reaches_open_jobs_when_its_date_comes(employer_profile, employer, newcastle, admin):
    from pahub.rules.periodic import apply_local_rules

    job = make_job(employer, paid_by_direct_payment=True)
    rule = rule_add(
        council=newcastle, answers=dbs_answers(in_force_from=today() + timedelta(days=7)), by=admin
    )
    assert apply_local_rules().idle
    LocalRule.objects.filter(pk=rule.pk).update(in_force_from=today())  # the date has come

    outcome = apply_local_rules()

    job.refresh_from_db()
    assert job.required_dbs_rank == 4
    assert outcome.figures == {"councils": [newcastle.pk]}
    # Running again changes nothing.
    apply_local_rules()
    assert AuditEvent.objects.filter(action="job.local_rules_applied").count() == 1
