"""The CPD log and prior learning, for PAs, under /learning/."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.core.forms import FieldInputError
from pahub.learning.cpd import queries, services
from pahub.learning.cpd.exports import cpd_csv, cpd_pdf
from pahub.learning.cpd.forms import (
    CPDEntryChangeForm,
    CPDEntryForm,
    CPDReviewForm,
    LearningRecordForm,
)
from pahub.learning.cpd.permissions import access_own_cpd_entry, access_own_learning_record
from pahub.learning.models import LearningRecord
from pahub.learning.plans.permissions import pa_required

CPD_FIELDS = ("title", "provider", "learned_on", "hours", "what_i_learned")
CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}


def chosen_year(request: HttpRequest) -> int:
    """The year asked for in `?year=`, or this year; anything else is a 404, not a 500."""
    raw = request.GET.get("year", "")
    if not raw:
        return timezone.localdate().year
    if not raw.isdigit() or not 1900 <= int(raw) <= 2200:
        raise Http404
    return int(raw)


def add_field_error(form, error: FieldInputError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


# The CPD log


@pa_required
@require_GET
def cpd_log(request: HttpRequest) -> HttpResponse:
    return render_log(request, year=chosen_year(request), review_form=CPDReviewForm())


def render_log(request: HttpRequest, *, year: int, review_form: CPDReviewForm) -> HttpResponse:
    entries = list(queries.cpd_entries_in(request.user, year))
    totals = queries.cpd_year_totals(request.user)
    return render(
        request,
        "learning/cpd/log.html",
        {
            "year": year,
            "years": queries.cpd_years(totals),
            "entries": entries,
            "year_total": queries.total_hours(entries),
            "totals": totals,
            "completions": list(queries.completions_not_logged(request.user)[:10]),
            "last_review": queries.last_review(request.user),
            "review_form": review_form,
            # The page's error summary reads `form`.
            "form": review_form if review_form.is_bound else None,
        },
    )


@pa_required
@require_http_methods(["GET", "POST"])
def cpd_add(request: HttpRequest) -> HttpResponse:
    completion = None
    completion_id = request.POST.get("completion") or request.GET.get("completion")
    if completion_id:
        if not completion_id.isdigit():
            raise Http404
        completion = get_object_or_404(
            queries.completions_not_logged(request.user), pk=int(completion_id)
        )
    initial = {}
    if completion is not None:
        version = completion.module_version
        initial = {
            "title": version.title,
            "provider": f"PA Hub: {completion.module.course.title}",
            "learned_on": timezone.localdate(completion.completed_at),
            "hours": round(max(version.minutes, 15) / 60, 2),
            "what_i_learned": version.summary,
        }
    form = CPDEntryForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.cpd_entry_add(
                user=request.user,
                evidence=data["evidence"],
                module_completion=completion,
                **{name: data[name] for name in CPD_FIELDS},
            )
        except FieldInputError as error:
            add_field_error(form, error)
        else:
            messages.success(request, "Your learning has been added to your CPD log.")
            return redirect(reverse("learning:cpd") + f"?year={entry.learned_on.year}")
    return render(request, "learning/cpd/entry_form.html", {"form": form, "completion": completion})


@pa_required
@require_http_methods(["GET", "POST"])
def cpd_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = access_own_cpd_entry(request.user, entry_id)
    form = CPDEntryChangeForm(
        request.POST or None,
        request.FILES or None,
        initial={name: getattr(entry, name) for name in CPD_FIELDS},
    )
    if not entry.evidence_file:
        del form.fields["remove_evidence"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.cpd_entry_change(
                entry=entry,
                by=request.user,
                evidence=data["evidence"],
                remove_evidence=data.get("remove_evidence", False),
                **{name: data[name] for name in CPD_FIELDS},
            )
        except FieldInputError as error:
            add_field_error(form, error)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect(reverse("learning:cpd") + f"?year={entry.learned_on.year}")
    return render(request, "learning/cpd/entry_form.html", {"form": form, "entry": entry})


@pa_required
@require_http_methods(["GET", "POST"])
def cpd_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = access_own_cpd_entry(request.user, entry_id)
    if request.method == "POST":
        year = entry.learned_on.year
        services.cpd_entry_delete(entry=entry, by=request.user)
        messages.success(request, "The entry has been deleted from your CPD log.")
        return redirect(reverse("learning:cpd") + f"?year={year}")
    return render(request, "learning/cpd/entry_delete.html", {"entry": entry})


@pa_required
@require_GET
def cpd_evidence(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = access_own_cpd_entry(request.user, entry_id)
    if not entry.evidence_file:
        raise Http404
    extension = entry.evidence_file.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        entry.evidence_file.open("rb"),
        as_attachment=True,
        filename=f"cpd-evidence.{extension}",
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@pa_required
@require_POST
def cpd_review(request: HttpRequest) -> HttpResponse:
    form = CPDReviewForm(request.POST)
    if form.is_valid():
        services.cpd_review_record(user=request.user, note=form.cleaned_data["note"])
        messages.success(request, "Thank you. We will remind you to review your log in a year.")
        return redirect("learning:cpd")
    return render_log(request, year=timezone.localdate().year, review_form=form)


def export_name(request: HttpRequest, year: int, extension: str) -> str:
    return f"cpd-log-{slugify(request.user.full_name) or 'pa'}-{year}.{extension}"


@pa_required
@require_GET
def cpd_export_csv(request: HttpRequest) -> HttpResponse:
    year = chosen_year(request)
    entries = list(queries.cpd_entries_in(request.user, year).order_by("learned_on", "pk"))
    response = HttpResponse(cpd_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_name(request, year, "csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@pa_required
@require_GET
def cpd_export_pdf(request: HttpRequest) -> HttpResponse:
    year = chosen_year(request)
    entries = list(queries.cpd_entries_in(request.user, year).order_by("learned_on", "pk"))
    body = cpd_pdf(name=request.user.full_name, year=year, entries=entries)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{export_name(request, year, "pdf")}"'
    response["Cache-Control"] = "private, no-store"
    return response


# Prior learning


@pa_required
@require_GET
def prior_learning(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "learning/cpd/prior_learning.html",
        {"records": list(queries.learning_records_of(request.user))},
    )


def save_record(request: HttpRequest, form: LearningRecordForm, record: LearningRecord | None):
    """Add or change the record, and send it to be checked if asked; None if the form
    has errors (and then nothing was saved)."""
    try:
        return services.learning_record_save(
            user=request.user,
            record=record,
            fields=form.record_fields(),
            send_for_checking=bool(form.cleaned_data.get("send_for_checking")),
            document=form.cleaned_data.get("document"),
        )
    except FieldInputError as error:
        add_field_error(form, error)
        return None


@pa_required
@require_http_methods(["GET", "POST"])
def prior_learning_add(request: HttpRequest) -> HttpResponse:
    form = LearningRecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        record = save_record(request, form, None)
        if record is not None:
            messages.success(request, added_message(record))
            return redirect("learning:prior_learning")
    return render(request, "learning/cpd/record_form.html", {"form": form})


def added_message(record: LearningRecord) -> str:
    if record.evidence_id:
        return f"{record.title} has been saved and sent to staff to check."
    return f"{record.title} has been saved."


@pa_required
@require_http_methods(["GET", "POST"])
def prior_learning_edit(request: HttpRequest, record_id: int) -> HttpResponse:
    record = access_own_learning_record(request.user, record_id)
    form = LearningRecordForm(
        request.POST or None,
        request.FILES or None,
        can_send=record.evidence_id is None,
        initial={
            "kind": record.kind,
            "title": record.title,
            "provider": record.provider,
            "completed_on": record.completed_on,
            "description": record.description,
            "topics": record.topics,
        },
    )
    if request.method == "POST" and form.is_valid():
        saved = save_record(request, form, record)
        if saved is not None:
            messages.success(request, added_message(saved))
            return redirect("learning:prior_learning")
    return render(request, "learning/cpd/record_form.html", {"form": form, "record": record})


@pa_required
@require_http_methods(["GET", "POST"])
def prior_learning_delete(request: HttpRequest, record_id: int) -> HttpResponse:
    record = access_own_learning_record(request.user, record_id)
    if request.method == "POST":
        services.learning_record_delete(record=record, by=request.user)
        messages.success(request, f"{record.title} has been deleted.")
        return redirect("learning:prior_learning")
    return render(request, "learning/cpd/record_delete.html", {"record": record})
