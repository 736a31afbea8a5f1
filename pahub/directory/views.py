"""The directory, under /directory/.

Anyone may search approved services by need, distance and council area, read one, and
download the whole directory. Staff of an organisation on PA Hub manage their own entry
under /directory/manage/. Hub staff (site admins) approve services and record the base
standard under /directory/review/.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import Organisation as AccountOrganisation
from pahub.core.pagination import pagination_items
from pahub.core.public import public_page
from pahub.directory import downloads, permissions, queries, services
from pahub.directory.forms import (
    BaseStandardForm,
    DecisionForm,
    DirectorySearchForm,
    EntryForm,
    ServiceForm,
    service_initial,
)
from pahub.directory.models import Organisation


@public_page
@require_GET
def directory_search(request: HttpRequest) -> HttpResponse:
    form = DirectorySearchForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        search = queries.search_services(form.to_filters())
        page = queries.page_of_services(search, request.GET.get("page"))
    return render(
        request,
        "directory/search.html",
        {
            "form": form,
            "page": page,
            "page_numbers": pagination_items(page) if page is not None else [],
            "filtered": form.has_filters,
            "is_staff_member": bool(permissions.staff_organisation_ids(request.user)),
        },
    )


@public_page
@require_GET
def service_detail(request: HttpRequest, service_id: int) -> HttpResponse:
    service = permissions.access_service_for_viewer(request.user, service_id)
    return render(
        request,
        "directory/detail.html",
        {
            "service": service,
            "needs": queries.need_names(service),
            "manages": permissions.manages_entry(request.user, service.organisation),
        },
    )


@public_page
@require_GET
def download_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(downloads.services_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pahub-directory.csv"'
    return response


@public_page
@require_GET
def download_json(request: HttpRequest) -> HttpResponse:
    body = json.dumps({"services": downloads.services_json()}, cls=DjangoJSONEncoder, indent=1)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="pahub-directory.json"'
    return response


# Organisations managing their own entry.


@login_required
@require_GET
def manage_home(request: HttpRequest) -> HttpResponse:
    permissions.require_staff(request.user)
    organisation_ids = permissions.staff_organisation_ids(request.user)
    entries = list(queries.entries_managed_by(organisation_ids))
    with_entry = {entry.managed_by_id for entry in entries}
    return render(
        request,
        "directory/manage_home.html",
        {
            "entries": entries,
            "without_entry": list(
                AccountOrganisation.objects.filter(pk__in=organisation_ids)
                .exclude(pk__in=with_entry)
                .order_by("name")
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = permissions.access_account_organisation_for_entry(request.user, organisation_id)
    if Organisation.objects.filter(managed_by=organisation).exists():
        messages.info(request, f"{organisation.name} already has a directory entry.")
        return redirect("directory:manage")
    form = EntryForm(
        request.POST or None,
        initial={
            "name": organisation.name,
            "email": organisation.email,
            "phone": organisation.phone,
            "website": organisation.website,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.entry_create(entry=form.to_input(), by=request.user, managed_by=organisation)
        messages.success(request, "Your directory entry is started. Now add your services.")
        return redirect("directory:manage")
    return render(request, "directory/entry_form.html", {"form": form, "entry": None})


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = permissions.access_entry_for_manager(request.user, entry_id)
    initial = {name: getattr(entry, name) for name in services.ENTRY_FIELDS}
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.entry_update(organisation=entry, entry=form.to_input(), by=request.user)
        messages.success(request, "Your directory entry is saved.")
        return redirect("directory:manage")
    return render(request, "directory/entry_form.html", {"form": form, "entry": entry})


@login_required
@require_http_methods(["GET", "POST"])
def service_create(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = permissions.access_entry_for_manager(request.user, entry_id)
    form = ServiceForm(request.POST or None, initial={"cost": "free"})
    if request.method == "POST" and form.is_valid():
        service = services.service_create(organisation=entry, data=form.to_input(), by=request.user)
        messages.success(
            request, "Service added. PA Hub's staff will check it before it is listed."
        )
        return redirect("directory:service", service_id=service.pk)
    return render(
        request, "directory/service_form.html", {"form": form, "entry": entry, "service": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, service_id: int) -> HttpResponse:
    service = permissions.access_service_for_manager(request.user, service_id)
    form = ServiceForm(request.POST or None, initial=service_initial(service))
    if request.method == "POST" and form.is_valid():
        services.service_update(service=service, data=form.to_input(), by=request.user)
        messages.success(request, "Service saved.")
        return redirect("directory:service", service_id=service.pk)
    return render(
        request,
        "directory/service_form.html",
        {"form": form, "entry": service.organisation, "service": service},
    )


@login_required
@require_POST
def service_withdraw(request: HttpRequest, service_id: int) -> HttpResponse:
    service = permissions.access_service_for_manager(request.user, service_id)
    try:
        services.service_withdraw(service=service, by=request.user)
    except services.DirectoryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{service.name} is no longer listed in the directory.")
    return redirect("directory:manage")


# Hub staff reviewing entries.


@login_required
@require_GET
def review_home(request: HttpRequest) -> HttpResponse:
    permissions.require_hub_staff(request.user)
    return render(
        request,
        "directory/review_home.html",
        {
            "pending": list(queries.pending_services()),
            "organisations": list(queries.organisations_for_review()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_service(request: HttpRequest, service_id: int) -> HttpResponse:
    service = permissions.access_service_for_review(request.user, service_id)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = (
            services.service_approve
            if form.cleaned_data["decision"] == "approve"
            else services.service_withdraw
        )
        try:
            action(service=service, by=request.user)
        except services.DirectoryError as error:
            form.add_error("decision", error.message)
        else:
            messages.success(request, f"{service.name}: {service.get_status_display().lower()}.")
            return redirect("directory:review")
    return render(
        request,
        "directory/review_service.html",
        {"form": form, "service": service, "needs": queries.need_names(service)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_standard(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = permissions.access_entry_for_review(request.user, entry_id)
    initial = {}
    if entry.base_standard_checked_on:
        initial = {
            "meets": "yes" if entry.meets_base_standard else "no",
            "checked_on": entry.base_standard_checked_on,
        }
    form = BaseStandardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.entry_base_standard_record(
            organisation=entry,
            meets=form.cleaned_data["meets"],
            checked_on=form.cleaned_data["checked_on"],
            by=request.user,
        )
        messages.success(request, f"Base standard recorded for {entry.name}.")
        return redirect("directory:review")
    return render(request, "directory/review_standard.html", {"form": form, "entry": entry})
