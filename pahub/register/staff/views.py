"""Staff pages of the register, under /staff/register/: search, profiles, verification,
induction and assisted digital.

Every path starts /staff/, so StaffTwoFactorMiddleware has made sure the person has
two-factor authentication before any view here runs. Views parse, check permission through
`pahub.register.permissions`, call a service or a read in `search`, and render.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.permissions import is_site_admin
from pahub.accounts.staff_views import staff_required
from pahub.core.pagination import pagination_items
from pahub.register import availability, search, staff_export
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import Evidence, PAProfile
from pahub.register.permissions import (
    access_evidence_for_verifier,
    access_profile_for_staff_edit,
    access_profile_for_viewer,
    assisted_digital_consents,
    has_assisted_digital_consent,
    is_staff_in_area_of,
    is_verifier,
    staff_search_areas,
    verifier_organisation,
)
from pahub.register.reminders import staff_label_for
from pahub.register.verification.assisted_digital import (
    consent_record,
    consent_withdraw,
    pa_create_on_behalf,
    profile_update_by_staff,
)
from pahub.register.verification.forms import (
    ConsentForm,
    InductionForm,
    PACreateForm,
    QueueFilterForm,
    RegisterSearchForm,
    StaffProfileForm,
    VerificationForm,
    day_field_name,
)
from pahub.register.verification.services import StaffActionError, evidence_verify, induction_record

CARD_TEMPLATE = "register/profile/_card.html"
EXPIRING_SOON_SHOWN = 25


def verifier_required(view: Callable) -> Callable:
    """Organisation staff who may check evidence: verifiers and admins of verifying
    organisations. Which PAs they may check is decided per item by `verifier_organisation`."""

    @staff_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_verifier(request.user):
            raise PermissionDenied("Only verifiers can check evidence.")
        return view(request, *args, **kwargs)

    return wrapper


def add_service_error(form, error: StaffActionError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def card_context(profile: PAProfile) -> dict:
    """The shared profile card (what employers see) and its context, where the profile
    builder provides them; otherwise the pages show their own summary."""
    try:
        select_template([CARD_TEMPLATE])
        from pahub.register.profile.services import profile_card_context
    except (TemplateDoesNotExist, ImportError):
        return {"card_template": None}
    return {**profile_card_context(profile), "card_template": CARD_TEMPLATE}


def access_profile_for_staff(request: HttpRequest, profile_id: int) -> PAProfile:
    """A PA in this staff member's areas (audited); 404 for anyone else's."""
    profile = access_profile_for_viewer(request.user, profile_id)
    # An employer-facing visibility must not open staff pages to staff of other areas.
    if not (is_staff_in_area_of(request.user, profile) or is_site_admin(request.user)):
        raise Http404
    return profile


# The register search


@staff_required
@require_GET
def register_search(request: HttpRequest) -> HttpResponse:
    # Scoped first, to the staff member's areas; the filters can only narrow that.
    scope = staff_search_areas(request.user)
    form = RegisterSearchForm(request.GET or None, areas=list(search.area_choices(scope)))
    page, filters = None, None
    if not form.is_bound or form.is_valid():
        filters = form.to_filters() if form.is_bound else search.RegisterFilters()
        page = search.register_page(scope, filters, request.GET.get("page"))
    return render(
        request,
        "register/staff/search.html",
        {
            "form": form,
            "page": page,
            "rows": [(profile, LEVEL_NAMES[profile.level]) for profile in page] if page else [],
            "page_numbers": pagination_items(page) if page else [],
            "filtered": filters is None or not filters.is_empty,
            # The same rule as the queue's `verifier_required`: no link to a 403.
            "may_check_evidence": is_verifier(request.user),
            "export_query": export_query(request),
        },
    )


def export_query(request: HttpRequest) -> str:
    """The search's filters for the download links: every page's PAs, not this page's."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@staff_required
@require_GET
def register_export(request: HttpRequest, file_format: str) -> HttpResponse:
    """The PAs the search shows for the same filters, as a CSV or XLSX download (audited)."""
    if file_format not in staff_export.FORMATS:
        raise Http404
    form = RegisterSearchForm(request.GET or None, areas=list(search.staff_areas(request.user)))
    if form.is_bound and not form.is_valid():
        # The search page shows what is wrong with the filters, next to each one.
        return redirect(f"{reverse('register_staff:search')}?{request.GET.urlencode()}")
    filters = form.to_filters() if form.is_bound else search.RegisterFilters()
    rows = staff_export.register_export(request.user, filters, file_format)
    filename = f"pa-register-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        response = StreamingHttpResponse(
            staff_export.csv_lines(rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return FileResponse(
        staff_export.xlsx_file(rows),
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


# A PA's staff page


def profile_context(request: HttpRequest, profile: PAProfile, **forms) -> dict:
    user = request.user
    verifying_organisation = verifier_organisation(user, profile)
    serving = search.serving_organisation(user, profile)
    consents = list(
        assisted_digital_consents()
        .filter(person_id=profile.user_id)
        .select_related("organisation", "recorded_by")
    )
    open_consent_here = any(
        consent.withdrawn_at is None and serving and consent.organisation_id == serving.pk
        for consent in consents
    )
    return {
        "availability_lines": availability.describe(profile.availability),
        "languages": profile.languages.select_related("language"),
        **card_context(profile),
        "profile": profile,
        "badge": search.badge_for(profile),
        "evidence_list": profile.evidence.select_related("verified_by_organisation", "skill"),
        "can_verify": verifying_organisation is not None,
        "induction_form": forms.get("induction_form")
        or (InductionForm() if verifying_organisation else None),
        "consents": consents,
        "my_organisation_ids": set(user.memberships.values_list("organisation_id", flat=True)),
        "can_record_consent": serving is not None and not open_consent_here,
        "can_edit": has_assisted_digital_consent(user, profile),
    }


@staff_required
@require_GET
def profile_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = access_profile_for_staff(request, profile_id)
    return render(request, "register/staff/profile.html", profile_context(request, profile))


@staff_required
@require_GET
def profile_print(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = access_profile_for_staff(request, profile_id)
    return render(
        request,
        "register/staff/profile_print.html",
        {
            "availability_lines": availability.describe(profile.availability),
            "languages": profile.languages.select_related("language"),
            "skills": profile.skills.select_related("category"),
            **card_context(profile),
            "profile": profile,
            "badge": search.badge_for(profile),
            "printed_on": timezone.localdate(),
        },
    )


@verifier_required
@require_POST
def induction(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = access_profile_for_staff(request, profile_id)
    organisation = verifier_organisation(request.user, profile)
    if organisation is None:
        raise Http404
    form = InductionForm(request.POST)
    if form.is_valid():
        try:
            induction_record(
                user=profile.user,
                completed_on=form.cleaned_data["completed_on"],
                by=request.user,
                organisation=organisation,
                evidence_note=form.cleaned_data["evidence_note"],
            )
        except StaffActionError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Induction recorded for {profile.shown_name}.")
            return redirect("register_staff:profile", profile_id=profile.pk)
    # As `form` too, so the page shows its error summary at the top (base.html).
    context = profile_context(request, profile, induction_form=form, form=form)
    return render(request, "register/staff/profile.html", context)


# Assisted digital


@staff_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = access_profile_for_staff(request, profile_id)
    organisation = search.serving_organisation(request.user, profile)
    if organisation is None:
        raise Http404
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consent_record(
                profile=profile,
                staff=request.user,
                organisation=organisation,
                how_given=form.cleaned_data["how_given"],
            )
        except StaffActionError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Recorded: {profile.shown_name} agreed that {organisation.name} may help "
                "with their profile.",
            )
            return redirect("register_staff:profile", profile_id=profile.pk)
    return render(
        request,
        "register/staff/consent.html",
        {"profile": profile, "organisation": organisation, "form": form},
    )


@staff_required
@require_POST
def consent_withdrawn(request: HttpRequest, profile_id: int, consent_id: int) -> HttpResponse:
    profile = access_profile_for_staff(request, profile_id)
    consent = get_object_or_404(
        assisted_digital_consents().select_related("organisation"),
        pk=consent_id,
        person_id=profile.user_id,
        organisation__memberships__user=request.user,
    )
    consent_withdraw(consent=consent, by=request.user)
    messages.success(
        request, f"{consent.organisation.name} can no longer change {profile.shown_name}'s profile."
    )
    return redirect("register_staff:profile", profile_id=profile.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = access_profile_for_staff_edit(request.user, profile_id)
    form = StaffProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        changed = profile_update_by_staff(
            profile=profile, staff=request.user, changes=form.changes()
        )
        messages.success(
            request,
            f"{profile.shown_name}'s profile was saved." if changed else "Nothing was changed.",
        )
        return redirect("register_staff:profile", profile_id=profile.pk)
    day_fields = [form[day_field_name(day)] for day in range(len(availability.DAYS))]
    return render(
        request,
        "register/staff/profile_edit.html",
        {"profile": profile, "form": form, "day_fields": day_fields},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def pa_create(request: HttpRequest) -> HttpResponse:
    form = PACreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = pa_create_on_behalf(staff=request.user, **form.cleaned_data)
        except StaffActionError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Account made for {profile.user.full_name}. We emailed them a link to choose "
                "a password. You can now fill in their profile with them.",
            )
            return redirect("register_staff:profile", profile_id=profile.pk)
    return render(request, "register/staff/pa_create.html", {"form": form})


# Verification


@verifier_required
@require_GET
def verification_queue(request: HttpRequest) -> HttpResponse:
    filter_form = QueueFilterForm(request.GET or None)
    kind = filter_form.cleaned_data["kind"] if filter_form.is_valid() else ""
    queue = search.verification_queue(request.user, kind=kind)
    page = Paginator(queue, search.PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    expiring = list(search.expiring_soon(request.user, today=today)[:EXPIRING_SOON_SHOWN])
    sent = search.reminders_sent_for(item.pk for item in expiring)
    return render(
        request,
        "register/staff/queue.html",
        {
            "filter_form": filter_form,
            "kind": kind,
            "page": page,
            "page_numbers": pagination_items(page),
            "expiring": [
                (item, staff_label_for(item, today), sent.get(item.pk, [])) for item in expiring
            ],
        },
    )


@verifier_required
@require_http_methods(["GET", "POST"])
def evidence_detail(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = access_evidence_for_verifier(request.user, evidence_id)
    form = None
    if evidence.status != Evidence.Status.WITHDRAWN:
        form = VerificationForm(request.POST or None, evidence=evidence)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            evidence_verify(evidence=evidence, by=request.user, **form.service_arguments())
        except StaffActionError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Outcome recorded for {evidence.profile.shown_name}'s "
                f"{evidence.get_kind_display().lower()}. We have emailed them.",
            )
            return redirect("register_staff:queue")
    return render(
        request,
        "register/staff/evidence.html",
        {
            "evidence": evidence,
            "form": form,
            "reference": getattr(evidence, "reference_request", None)
            if evidence.kind == Evidence.Kind.REFERENCE
            else None,
            "history": evidence.verifications.select_related("by", "organisation"),
        },
    )
