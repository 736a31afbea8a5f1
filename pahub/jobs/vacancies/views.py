"""Public vacancies, /jobs/: anyone may search and read open jobs, signed in or not.

Pages show a `PublicJob` only (see vacancies.py): the job's district and local authority,
hours, pay and tasks, never who the employer is. A signed-in PA with a profile also sees how
well each job matches them, with the reasons, from the matching engine.

For visitors who are signed out, a search page and a job page's main content are the same for
everyone, so they are rendered once and kept in the shared cache (`caching.py`); anyone signed
in gets their own page, never read from or written to the cache.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from pahub.accounts.models import Role, User
from pahub.core.pagination import pagination_items
from pahub.core.public import public_page
from pahub.jobs.applications.queries import application_of, conversation_url, url_or_none
from pahub.jobs.applications.services import must_have_check
from pahub.jobs.matches.queries import explain_jobs_for_pa
from pahub.jobs.models import Application, Job
from pahub.jobs.permissions import access_open_job, can_view_job_as_employer_side
from pahub.jobs.vacancies import caching
from pahub.jobs.vacancies.forms import JobSearchForm, querydict_to_query
from pahub.jobs.vacancies.jsonld import job_posting, json_ld_script
from pahub.jobs.vacancies.public_job import PublicJob
from pahub.jobs.vacancies.search import JobFilters, page_of_jobs, public_job_by_id, search_jobs
from pahub.matching.scoring import Match, score_words
from pahub.register.models import PAProfile


@dataclass(frozen=True)
class VacancyRow:
    job: PublicJob
    match: Match | None

    @property
    def match_words(self) -> str:
        return score_words(self.match.score) if self.match else ""


def profile_of_pa(user: User) -> PAProfile | None:
    """The signed-in person's PA profile, when they are a PA who has started one."""
    if not user.is_authenticated or not user.has_role(Role.PA):
        return None
    return PAProfile.objects.filter(user=user).select_related("user__district").first()


LIST_TEMPLATE = "jobs/public/list.html"
DETAIL_TEMPLATE = "jobs/public/detail.html"


@public_page
@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return render(request, LIST_TEMPLATE, job_list_context(request))
    key = caching.search_page_key(request.GET)
    parts = cache.get(key)
    if parts is None:
        context = job_list_context(request)
        if context["form"].errors:
            # Mistakes are rare and their messages depend on what was typed: not kept.
            return render(request, LIST_TEMPLATE, context)
        parts = {
            name: render_to_string(f"{LIST_TEMPLATE}#{name}", context, request)
            for name in ("title", "content")
        }
        cache.set(key, parts, caching.TIMEOUT)
    return render(request, LIST_TEMPLATE, {"cached": cached_parts(parts)})


def cached_parts(parts: dict[str, str]) -> dict[str, str]:
    """Parts of a page read back from the cache: HTML that PA Hub rendered itself."""
    return {name: mark_safe(html) for name, html in parts.items()}  # noqa: S308


def job_list_context(request: HttpRequest) -> dict:
    form = JobSearchForm(request.GET or None)
    page, rows, filters = None, [], None
    profile = profile_of_pa(request.user)
    if not form.is_bound or form.is_valid():
        filters = form.to_filters() if form.is_bound else JobFilters()
        page = page_of_jobs(search_jobs(filters, origin=form.origin), request.GET.get("page"))
        matches = (
            explain_jobs_for_pa(profile, [job for job, _ in page.object_list]) if profile else {}
        )
        rows = [VacancyRow(public, matches.get(job.pk)) for job, public in page.object_list]
    query = querydict_to_query(request.GET)
    is_pa = request.user.is_authenticated and request.user.has_role(Role.PA)
    # A PA may keep a search that worked, to hear about new jobs by email.
    may_save = is_pa and filters is not None and bool(query)
    return {
        "form": form,
        "page": page,
        "rows": rows,
        "page_numbers": pagination_items(page) if page is not None else [],
        "filtered": bool(query),
        "profile": profile,
        "is_pa": is_pa,
        "save_query": request.GET.urlencode() if may_save else "",
        "save_name": (filters.describe(dict(form.fields["tasks"].choices)) if may_save else ""),
    }


@public_page
@require_GET
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return job_detail_signed_out(request, job_id)
    job = access_open_job(job_id)
    public = public_job_by_id(job)
    profile = profile_of_pa(request.user)
    match = explain_jobs_for_pa(profile, [job]).get(job.pk) if profile else None
    application = application_of(request.user, job) if profile else None
    context = {
        **job_page_head(public),
        "row": VacancyRow(public, match),
        "profile": profile,
        "unmet": must_have_check(job, profile).unmet if profile else (),
        "apply": apply_state(request.user, job, application),
        "employer_side": employer_side_links(request.user, job),
    }
    return render(request, DETAIL_TEMPLATE, context)


def job_page_head(public: PublicJob) -> dict:
    """What the job page's title and head show: the job, its address and its JSON-LD."""
    url = settings.SITE_URL + reverse("jobs:detail", args=[public.id])
    return {
        "job": public,
        "json_ld": json_ld_script(job_posting(public, url=url)),
        "canonical_url": url,
    }


def job_detail_signed_out(request: HttpRequest, job_id: int) -> HttpResponse:
    """The job page as everyone signed out sees it: the job and the page's main content from
    the cache, under the job's version, which every change to the job replaces (closing it
    too). Only an open job's page is kept; any other is a 404 from the database."""
    key = caching.job_page_key(job_id)
    entry = cache.get(key)
    if entry is None:
        job = access_open_job(job_id)
        public = public_job_by_id(job)
        context = {
            **job_page_head(public),
            "row": VacancyRow(public, None),
            "apply": apply_state(request.user, job, None),
        }
        content = render_to_string(f"{DETAIL_TEMPLATE}#content", context, request)
        entry = {"job": public, "content": content}
        cache.set(key, entry, caching.TIMEOUT)
    context = job_page_head(entry["job"]) | {"cached": cached_parts({"content": entry["content"]})}
    return render(request, DETAIL_TEMPLATE, context)


@dataclass(frozen=True)
class ApplyState:
    """What the detail page offers about applying, for this visitor."""

    kind: str  # "sign_in", "apply", "applied", "not_pa", "no_profile"
    url: str = ""
    application: Application | None = None
    conversation_url: str | None = None

    @property
    def invited(self) -> bool:
        return self.application is not None and (
            self.application.status == Application.Status.INVITED
        )


def apply_state(user: User, job: Job, application: Application | None) -> ApplyState:
    apply_url = reverse("jobs:apply", args=[job.pk])
    if not user.is_authenticated:
        return ApplyState("sign_in", url=f"{reverse('account_login')}?next={apply_url}")
    if not user.has_role(Role.PA):
        return ApplyState("not_pa")
    if not PAProfile.objects.filter(user=user).exists():
        return ApplyState("no_profile", url=reverse("register:profile"))
    if application is None or application.status == Application.Status.INVITED:
        return ApplyState("apply", url=apply_url, application=application)
    return ApplyState(
        "applied",
        url=apply_url if application.status == Application.Status.INTERESTED else "",
        application=application,
        conversation_url=conversation_url(application.conversation_id),
    )


def employer_side_links(user: User, job: Job) -> dict[str, str | None] | None:
    """For the employer's side looking at their own job's public page: where to manage it."""
    if not user.is_authenticated or not can_view_job_as_employer_side(user, job):
        return None
    return {
        "applicants": reverse("jobs:applicants", args=[job.pk]),
        "matches": url_or_none("job_matches:for_job", job.pk),
    }
