"""The document pages: choose a job for a template, the template filled for that job (a
printable page, with optional answers for the blanks), and the same as a .docx download.

Jobs are loaded only through `permissions.access_job_for_documents` (the jobs app's own rule).
Nothing is audited: the documents hold what the job pages already show the same people, and
printing a job's description is not audited either (`jobs/builder/views.py`, printable pages).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from pahub.employers.views import acting_for_employer
from pahub.jobs.models import Job
from pahub.library.documents.docx import DOCX_CONTENT_TYPE, markdown_to_docx
from pahub.library.documents.filling import filled_html, filled_markdown
from pahub.library.documents.forms import FillForm, bound_or_blank, typed_field_names
from pahub.library.documents.permissions import (
    access_job_for_documents,
    require_someone_to_act_for,
)
from pahub.library.documents.queries import jobs_to_fill
from pahub.library.documents.sources import TemplateNotFound, TemplateText, published_template
from pahub.library.documents.values import values_for_job, with_typed


def template_or_404(slug: str) -> TemplateText:
    try:
        return published_template(slug)
    except TemplateNotFound:
        raise Http404 from None


@login_required
@require_GET
def choose_job(request: HttpRequest, slug: str) -> HttpResponse:
    template = template_or_404(slug)
    require_someone_to_act_for(request.user)
    return render(
        request,
        "library/documents/choose_job.html",
        {"template": template, "jobs": list(jobs_to_fill(request.user))},
    )


def filled_page(
    request: HttpRequest, template: TemplateText, job: Job, form: FillForm, values: dict[str, str]
) -> HttpResponse:
    typed = form.typed() if form.is_bound and form.is_valid() else {}
    source = filled_markdown(template, with_typed(values, typed))
    return render(
        request,
        "library/documents/filled.html",
        {
            "template": template,
            "job": job,
            "acting": acting_for_employer(request, job.employer_id),
            "form": form,
            "document_html": filled_html(source),
            "printed_on": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def filled(request: HttpRequest, slug: str, job_id: int) -> HttpResponse:
    template = template_or_404(slug)
    job = access_job_for_documents(request.user, job_id)
    values = values_for_job(job)
    names = typed_field_names(template.body, values)
    form = (
        FillForm(request.POST, names=names) if request.method == "POST" else FillForm(names=names)
    )
    return filled_page(request, template, job, form, values)


@login_required
@require_http_methods(["GET", "POST"])
def filled_docx(request: HttpRequest, slug: str, job_id: int) -> HttpResponse:
    template = template_or_404(slug)
    job = access_job_for_documents(request.user, job_id)
    values = values_for_job(job)
    names = typed_field_names(template.body, values)
    form = bound_or_blank(request.POST if request.method == "POST" else request.GET, names)
    if form.is_bound and not form.is_valid():
        # The page again, with each message by its answer and everything typed kept.
        return filled_page(request, template, job, form, values)
    typed = form.typed() if form.is_bound else {}
    document = markdown_to_docx(
        filled_markdown(template, with_typed(values, typed)),
        title=f"{template.title}: {job.title}",
        subject=template.summary,
        keywords="PA Hub, " + template.slug,
        created=timezone.now(),
    )
    response = HttpResponse(document, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{template.slug}-job-{job.pk}.docx"'
    # It may hold an address typed for this download and the PA's name: never kept in a cache.
    response["Cache-Control"] = "private, no-store"
    return response
