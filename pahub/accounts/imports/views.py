"""Staff pages for bulk imports, under /staff/imports/: upload, match columns, the dry-run
report, confirm, progress, the final report and its CSV, and the list of past imports.

Every path starts /staff/, so StaffTwoFactorMiddleware has made sure the person has
two-factor authentication. Each view loads a run only through `access_import_run`.
"""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.imports.forms import ColumnsForm, UploadForm
from pahub.accounts.imports.permissions import (
    access_import_run,
    import_runs_for,
    importing_organisations,
)
from pahub.accounts.staff_views import staff_required
from pahub.core.imports import services
from pahub.core.imports.models import ImportRowResult, ImportRun
from pahub.core.imports.reading import FileProblem
from pahub.core.pagination import pagination_items

RESULTS_PER_PAGE = 100
RUNS_PER_PAGE = 25


@staff_required
@require_GET
def import_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(import_runs_for(request.user), RUNS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "imports/list.html",
        {"page": page, "page_numbers": pagination_items(page)},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def import_new(request: HttpRequest) -> HttpResponse:
    organisations = list(importing_organisations(request.user))
    form = UploadForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.import_upload(
                organisation=form.chosen_organisation(),
                by=request.user,
                kind=form.cleaned_data["kind"],
                uploaded=form.cleaned_data["file"],
            )
        except FileProblem as problem:
            form.add_error("file", problem.message)
        else:
            return redirect("imports:columns", run_id=run.pk)
    return render(request, "imports/new.html", {"form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def import_columns(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access_import_run(request.user, run_id)
    if run.confirmed_at is not None:
        return redirect("imports:detail", run_id=run.pk)
    kind = services.kind_of(run)
    header = services.file_header(run)
    form = ColumnsForm(
        request.POST or None,
        kind=kind,
        header=header,
        initial_mapping=services.mapping_offered(run, header),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.import_check_start(run=run, by=request.user, mapping=form.cleaned_data)
        except services.MappingProblem as problem:
            for field_name, message in problem.errors.items():
                form.add_error(field_name, message)
        except services.ImportStateError as error:
            messages.error(request, error.message)
            return redirect("imports:detail", run_id=run.pk)
        else:
            return redirect("imports:detail", run_id=run.pk)
    return render(request, "imports/columns.html", {"form": form, "run": run, "kind": kind})


@staff_required
@require_GET
def import_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    """Progress while it runs; the row-by-row report (dry run or final) once it has."""
    run = access_import_run(request.user, run_id)
    if run.status == ImportRun.Status.DRAFT:
        return redirect("imports:columns", run_id=run.pk)
    outcome = request.GET.get("outcome", "")
    if outcome not in ImportRowResult.Outcome.values:
        outcome = ""
    results = ImportRowResult.objects.filter(run=run).order_by("row_number")
    if outcome:
        results = results.filter(outcome=outcome)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "imports/detail.html",
        {
            "run": run,
            "page": page,
            "page_numbers": pagination_items(page),
            "outcome": outcome,
            "outcomes": ImportRowResult.Outcome.choices,
            "in_progress": run.status in (ImportRun.Status.CHECKING, ImportRun.Status.RUNNING),
            "resumable": services.is_resumable(run),
        },
    )


@staff_required
@require_POST
def import_confirm(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access_import_run(request.user, run_id)
    try:
        services.import_confirm(run=run, by=request.user)
    except services.ImportStateError as error:
        messages.error(request, error.message)
    return redirect("imports:detail", run_id=run.pk)


@staff_required
@require_POST
def import_resume(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access_import_run(request.user, run_id)
    try:
        services.import_resume(run=run, by=request.user)
    except services.ImportStateError as error:
        messages.error(request, error.message)
    return redirect("imports:detail", run_id=run.pk)


class _Echo:
    def write(self, value: str) -> str:
        return value


@staff_required
@require_GET
def import_report_csv(request: HttpRequest, run_id: int) -> StreamingHttpResponse:
    run = access_import_run(request.user, run_id)
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(line) for line in services.report_lines(run)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-report.csv"'
    return response
