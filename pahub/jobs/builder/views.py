"""The job builder, an employer's jobs, one job's page with its status actions, and the
printable job description and advert.

Jobs are loaded only through `access_job_for_manager` (404 for anyone who cannot act for
the employer); every change goes through `jobs.services`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.employers.views import Acting, acting_for_employer, employer_profile_of
from pahub.employers.wages import minimum_pay_on
from pahub.jobs.builder.forms import BUILDER_STEPS, STEP_BY_NAME, CloseForm, TitleForm, step_after
from pahub.jobs.builder.rules import (
    REQUIRED_STEPS,
    EmployerProfileMissing,
    JobInputError,
    JobNotReady,
    JobStateError,
    job_problems,
    pay_check_date,
)
from pahub.jobs.local_rules import requirements_for_job, rule_lines
from pahub.jobs.models import Job
from pahub.jobs.permissions import access_job_for_manager
from pahub.jobs.printing import JobFacts, advert_summary, job_facts, load_job_for_facts
from pahub.jobs.queries import STATUS_ORDER, jobs_by_status
from pahub.jobs.sections import job_sections
from pahub.jobs.services import (
    job_close,
    job_create_draft,
    job_delete_draft,
    job_pause,
    job_publish,
    job_reopen,
    job_resume,
    job_update_step,
)

STATUS_TAGS = {
    Job.Status.DRAFT: "govuk-tag--grey",
    Job.Status.PUBLISHED: "govuk-tag--green",
    Job.Status.PAUSED: "govuk-tag--yellow",
    Job.Status.CLOSED: "govuk-tag--red",
    Job.Status.FILLED: "govuk-tag--blue",
}
STATUS_HEADINGS = {
    Job.Status.DRAFT: "Drafts",
    Job.Status.PUBLISHED: "Open for applications",
    Job.Status.PAUSED: "Paused",
    Job.Status.CLOSED: "Closed",
    Job.Status.FILLED: "Filled",
}


def access_job(request: HttpRequest, job_id: int) -> tuple[Job, Acting]:
    job = access_job_for_manager(request.user, job_id)
    acting = acting_for_employer(request, job.employer_id)
    return job, acting


def optional_link(name: str, **kwargs) -> str:
    """A link to a page other parts of PA Hub provide; a missing page fails loudly."""
    return reverse(name, kwargs=kwargs)


# An employer's jobs


@login_required
@require_GET
def job_list(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = acting_for_employer(request, employer_id)
    grouped = jobs_by_status(acting.employer)
    groups = [
        {"status": status, "heading": STATUS_HEADINGS[status], "jobs": grouped[status]}
        for status in STATUS_ORDER
    ]
    return render(
        request,
        "jobs/employer/jobs.html",
        {
            "acting": acting,
            "profile": employer_profile_of(acting.employer),
            "groups": [group for group in groups if group["jobs"]],
            "job_count": sum(len(jobs) for jobs in grouped.values()),
            "status_tags": STATUS_TAGS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def job_new(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = acting_for_employer(request, employer_id)
    if employer_profile_of(acting.employer) is None:
        messages.info(
            request,
            "Before building a job, set up the employer profile: the job is placed in the "
            "employer's postcode district.",
        )
        return redirect("employer:profile", employer_id=acting.employer.pk)
    form = TitleForm(
        request.POST if request.method == "POST" else None, job=Job(employer=acting.employer)
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = job_create_draft(
                employer=acting.employer,
                by=request.user,
                title=form.cleaned_data["title"],
            )
        except JobInputError as error:
            form.add_error("title", error.message)
        except EmployerProfileMissing:
            return redirect("employer:profile", employer_id=acting.employer.pk)
        else:
            if request.POST.get("then") == "later":
                messages.success(request, "Your draft has been saved. You can come back any time.")
                return redirect("employer:job", job_id=job.pk)
            return redirect("employer:job_step", job_id=job.pk, step=step_after("title").name)
    return render(
        request,
        "jobs/builder/new.html",
        {"acting": acting, "form": form, "step": STEP_BY_NAME["title"]},
    )


# One job


@dataclass(frozen=True)
class SummaryRow:
    step: str
    key: str
    lines: list[str]
    change_url: str


def summary_rows(job: Job, facts: JobFacts, *, back_to: str = "") -> list[SummaryRow]:
    """Every answer in words, with a link to change it."""
    done = set(job.completed_steps)

    def url(step: str) -> str:
        path = reverse("employer:job_step", kwargs={"job_id": job.pk, "step": step})
        return f"{path}?from={back_to}" if back_to else path

    def answered(step: str, lines: list[str], empty: str = "Not answered yet") -> list[str]:
        return lines if step in done and lines else [empty]

    kind = job.get_kind_display()
    if "kind" not in done and job.status == Job.Status.DRAFT:
        kind += " (unless you say)"
    pay_lines = [
        facts.pay,
        "An apprenticeship" if job.is_apprenticeship else "",
        "Paid by a direct payment from the council" if job.paid_by_direct_payment else "",
    ]
    # The must-haves a council's local rule sets, with its reason ("Required by …").
    requirements = requirements_for_job(job)
    rule_reasons = rule_lines(job, requirements)
    return [
        SummaryRow("title", "Job title", answered("title", [job.title]), url("title")),
        SummaryRow(
            "description",
            "What the job is about",
            answered("description", [job.description]),
            url("description"),
        ),
        SummaryRow(
            "tasks", "Tasks", answered("tasks", [skill.name for skill in facts.tasks]), url("tasks")
        ),
        SummaryRow(
            "hours",
            "Hours",
            answered(
                "hours",
                [f"{facts.hours_per_week} hours a week", *facts.hours_lines]
                if job.hours_per_week is not None
                else facts.hours_lines,
            ),
            url("hours"),
        ),
        SummaryRow(
            "start",
            "Start date",
            answered("start", [f"{job.start_date:%-d %B %Y}"] if job.start_date else []),
            url("start"),
        ),
        SummaryRow("kind", "Regular work or cover", [kind], url("kind")),
        SummaryRow("where", "Where the work is", [facts.place or "Not answered yet"], url("where")),
        SummaryRow("pay", "Pay", answered("pay", [line for line in pay_lines if line]), url("pay")),
        SummaryRow(
            "must_haves",
            "Must-haves",
            [
                *(line for line in facts.must_haves if not line.startswith(("A woman", "A man"))),
                *rule_reasons,
            ]
            or ["None"],
            url("must_haves"),
        ),
        SummaryRow(
            "gender",
            "A woman or a man for intimate care",
            [line for line in facts.must_haves if line.startswith(("A woman", "A man"))] or ["No"],
            url("gender"),
        ),
        SummaryRow(
            "nice_to_haves", "Nice-to-haves", facts.nice_to_haves or ["None"], url("nice_to_haves")
        ),
    ]


@dataclass(frozen=True)
class StatusAction:
    name: str
    label: str
    url: str
    style: str = "govuk-button--secondary"
    is_post: bool = True


def status_actions(job: Job) -> list[StatusAction]:
    def url(name: str) -> str:
        return reverse(f"employer:job_{name}", kwargs={"job_id": job.pk})

    actions = {
        Job.Status.DRAFT: [
            StatusAction("check", "Check your answers and publish", url("check"), "", False),
            StatusAction(
                "delete", "Delete this draft", url("delete"), "govuk-button--warning", False
            ),
        ],
        Job.Status.PUBLISHED: [
            StatusAction("pause", "Pause the job", url("pause")),
            StatusAction("close", "Close the job", url("close"), "govuk-button--warning", False),
        ],
        Job.Status.PAUSED: [
            StatusAction("resume", "Open it again", url("resume"), ""),
            StatusAction("close", "Close the job", url("close"), "govuk-button--warning", False),
        ],
        Job.Status.CLOSED: [StatusAction("reopen", "Reopen the job", url("reopen"), "")],
        Job.Status.FILLED: [],
    }
    return actions[job.status]


@login_required
@require_GET
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job, acting = access_job(request, job_id)
    job = load_job_for_facts(job)
    facts = job_facts(job)
    done = set(job.completed_steps)
    tasks = [
        {
            "step": step,
            "done": step.name in done,
            "required": step.name in REQUIRED_STEPS,
            "url": reverse("employer:job_step", kwargs={"job_id": job.pk, "step": step.name}),
        }
        for step in BUILDER_STEPS
    ]
    return render(
        request,
        "jobs/employer/job.html",
        {
            "acting": acting,
            "job": job,
            "facts": facts,
            "tasks": tasks,
            "rows": summary_rows(job, facts) if job.status != Job.Status.DRAFT else [],
            "actions": status_actions(job),
            "status_tag": STATUS_TAGS[job.status],
            "matches_url": optional_link("job_matches:for_job", job_id=job.pk),
            "applicants_url": optional_link("jobs:applicants", job_id=job.pk),
            "public_url": facts.public_path if job.status == Job.Status.PUBLISHED else None,
            "can_edit": job.status in (Job.Status.DRAFT, Job.Status.PUBLISHED, Job.Status.PAUSED),
            "sections": job_sections(job, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def job_step(request: HttpRequest, job_id: int, step: str) -> HttpResponse:
    builder_step = STEP_BY_NAME.get(step)
    if builder_step is None:
        raise Http404
    job, acting = access_job(request, job_id)
    if job.status in (Job.Status.CLOSED, Job.Status.FILLED):
        messages.error(request, "This job is closed, so it cannot be changed. Reopen it first.")
        return redirect("employer:job", job_id=job.pk)
    form = builder_step.form_class(request.POST if request.method == "POST" else None, job=job)
    if request.method == "POST" and form.is_valid():
        try:
            job_update_step(job=job, step=step, data=form.changes(), by=request.user)
        except JobInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        except JobStateError as error:
            messages.error(request, error.message)
            return redirect("employer:job", job_id=job.pk)
        else:
            return redirect(after_saving(request, job, step))
    return render(
        request,
        builder_step.template,
        {
            "acting": acting,
            "job": job,
            "form": form,
            "step": builder_step,
            "back_to": request.GET.get("from", ""),
            "context": step_context(job, step),
        },
    )


def step_context(job: Job, step: str) -> dict:
    """Extra facts a step's page shows: the minimum pay on the pay page."""
    if step != "pay":
        return {}
    on = pay_check_date(job, today=timezone.localdate())
    return {
        "pay_date": on,
        "minimum": minimum_pay_on(on, is_apprenticeship=False),
        "apprentice_minimum": minimum_pay_on(on, is_apprenticeship=True),
    }


def after_saving(request: HttpRequest, job: Job, step: str) -> str:
    """ "Save and continue" walks the steps, then checks the answers; "Save and come back
    later" (and any change to an advertised job) returns to the job's page."""
    then = request.POST.get("then")
    job_page = reverse("employer:job", kwargs={"job_id": job.pk})
    if then == "check":
        return reverse("employer:job_check", kwargs={"job_id": job.pk})
    if then == "later" or job.status != Job.Status.DRAFT:
        messages.success(request, "Your answers have been saved.")
        return job_page
    following = step_after(step)
    if following is None:
        return reverse("employer:job_check", kwargs={"job_id": job.pk})
    return reverse("employer:job_step", kwargs={"job_id": job.pk, "step": following.name})


@login_required
@require_GET
def job_check(request: HttpRequest, job_id: int) -> HttpResponse:
    job, acting = access_job(request, job_id)
    if job.status != Job.Status.DRAFT:
        return redirect("employer:job", job_id=job.pk)
    return render_check(request, job, acting)


def render_check(request: HttpRequest, job: Job, acting: Acting, status: int = 200) -> HttpResponse:
    job = load_job_for_facts(job)
    facts = job_facts(job)
    return render(
        request,
        "jobs/builder/check.html",
        {
            "acting": acting,
            "job": job,
            "facts": facts,
            "rows": summary_rows(job, facts, back_to="check"),
            "problems": job_problems(job),
        },
        status=status,
    )


# Status actions: each a POST, each one service call.


@login_required
@require_POST
def job_publish_view(request: HttpRequest, job_id: int) -> HttpResponse:
    job, acting = access_job(request, job_id)
    try:
        job_publish(job=job, by=request.user)
    except JobNotReady:
        # The check page lists what is missing, step by step, with links to fix it.
        return render_check(request, job, acting, status=400)
    except JobStateError as error:
        messages.error(request, error.message)
        return redirect("employer:job", job_id=job.pk)
    messages.success(request, "Your job is published. PAs can now find it and apply.")
    return redirect("employer:job", job_id=job.pk)


def simple_action(
    action: Callable[..., Job], success: str
) -> Callable[[HttpRequest, int], HttpResponse]:
    @login_required
    @require_POST
    def view(request: HttpRequest, job_id: int) -> HttpResponse:
        job, _ = access_job(request, job_id)
        try:
            action(job=job, by=request.user)
        except JobNotReady as error:
            steps = ", ".join(problem.step_title.lower() for problem in error.problems)
            messages.error(request, f"The job cannot open again until you change: {steps}. {error}")
        except JobStateError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, success)
        return redirect("employer:job", job_id=job.pk)

    view.__name__ = f"job_{action.__name__}_view"
    return view


job_pause_view = simple_action(
    job_pause, "The job is paused. PAs cannot see it until you open it again."
)
job_resume_view = simple_action(job_resume, "The job is open for applications again.")
job_reopen_view = simple_action(job_reopen, "The job is open for applications again.")


@login_required
@require_http_methods(["GET", "POST"])
def job_close_view(request: HttpRequest, job_id: int) -> HttpResponse:
    job, acting = access_job(request, job_id)
    form = CloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            job_close(job=job, by=request.user, reason=form.cleaned_data["reason"])
        except JobStateError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "The job is closed. You can reopen it at any time.")
        return redirect("employer:job", job_id=job.pk)
    return render(request, "jobs/employer/close.html", {"acting": acting, "job": job, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def job_delete_view(request: HttpRequest, job_id: int) -> HttpResponse:
    job, acting = access_job(request, job_id)
    if job.status != Job.Status.DRAFT:
        messages.error(request, "Only a draft can be deleted. Close an advertised job instead.")
        return redirect("employer:job", job_id=job.pk)
    if request.method == "POST":
        title = job.title
        try:
            job_delete_draft(job=job, by=request.user)
        except JobStateError as error:
            messages.error(request, error.message)
            return redirect("employer:job", job_id=job.pk)
        messages.success(request, f"The draft “{title}” has been deleted.")
        return redirect("employer:jobs", employer_id=acting.employer.pk)
    return render(request, "jobs/employer/delete.html", {"acting": acting, "job": job})


# Printable pages


def printable(request: HttpRequest, job_id: int, template: str) -> HttpResponse:
    job, acting = access_job(request, job_id)
    job = load_job_for_facts(job)
    facts = job_facts(job)
    return render(
        request,
        template,
        {
            "acting": acting,
            "job": job,
            "facts": facts,
            "public_url": request.build_absolute_uri(facts.public_path),
            "advert_description": advert_summary(job.description),
            "printed_on": timezone.localdate(),
        },
    )


@login_required
@require_GET
def job_description(request: HttpRequest, job_id: int) -> HttpResponse:
    return printable(request, job_id, "jobs/print/description.html")


@login_required
@require_GET
def job_advert(request: HttpRequest, job_id: int) -> HttpResponse:
    return printable(request, job_id, "jobs/print/advert.html")
