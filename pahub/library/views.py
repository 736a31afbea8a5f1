"""The library, under /library/.

Anyone may search the library, read a resource, print it and see its versions. Site admins
edit the shared core, and council staff add and edit their own council's local additions,
under /library/manage/ (two-factor is required of all staff by the middleware).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from pahub.accounts.permissions import is_site_admin
from pahub.core.pagination import pagination_items
from pahub.core.public import public_page
from pahub.library import permissions, presenters, queries
from pahub.library.documents.permissions import may_fill_from_a_job
from pahub.library.forms import LibrarySearchForm, ResourceForm, resource_initial
from pahub.library.models import Kind, Resource
from pahub.library.services import LibraryError, local_addition_slug, publish_version
from pahub.places.models import LocalAuthority


@public_page
@require_GET
def library_home(request: HttpRequest) -> HttpResponse:
    council_id = queries.viewer_council_id(request.user)
    form = LibrarySearchForm(request.GET or None, tags=queries.tag_choices(council_id))
    page = None
    if not form.is_bound or form.is_valid():
        resources = queries.search_resources(form.to_filters(), council_id=council_id)
        page = queries.page_of_resources(resources, request.GET.get("page"))
    return render(
        request,
        "library/home.html",
        {
            "form": form,
            "page": page,
            "page_numbers": pagination_items(page) if page is not None else [],
            "filtered": form.has_filters,
            "council": queries.council_named(council_id),
            "may_manage": permissions.may_manage_library(request.user),
        },
    )


def resource_context(request: HttpRequest, resource: Resource) -> dict:
    return {
        "resource": resource,
        "version": resource.current_version,
        "html": presenters.resource_html(resource),
        "audience": presenters.audience_labels(resource),
        "local_label": presenters.local_label(resource),
        "may_edit": permissions.may_edit_resource(request.user, resource),
        "may_fill": resource.kind == Kind.TEMPLATE and may_fill_from_a_job(request.user),
    }


@public_page
@require_GET
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = permissions.access_resource_for_viewer(request.user, slug)
    return render(request, "library/detail.html", resource_context(request, resource))


@public_page
@require_GET
def resource_print(request: HttpRequest, slug: str) -> HttpResponse:
    resource = permissions.access_resource_for_viewer(request.user, slug)
    return render(request, "library/print.html", resource_context(request, resource))


@public_page
@require_GET
def resource_versions(request: HttpRequest, slug: str) -> HttpResponse:
    resource = permissions.access_resource_for_viewer(request.user, slug)
    return render(
        request,
        "library/versions.html",
        {"resource": resource, "versions": list(queries.versions_of(resource))},
    )


@public_page
@require_GET
def resource_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    resource = permissions.access_resource_for_viewer(request.user, slug)
    version = get_object_or_404(queries.versions_of(resource), number=number)
    return render(
        request,
        "library/version.html",
        {
            "resource": resource,
            "version": version,
            "html": presenters.body_html(resource.kind, version.body),
        },
    )


# Site admins and council staff changing the library.


@login_required
@require_GET
def manage_home(request: HttpRequest) -> HttpResponse:
    permissions.require_library_editor(request.user)
    return render(
        request,
        "library/manage_home.html",
        {
            "resources": list(queries.resources_for_editor(request.user)),
            "councils": list(queries.councils_for_editor(request.user)),
            "site_admin": is_site_admin(request.user),
        },
    )


def save_or_preview(
    request: HttpRequest,
    form: ResourceForm,
    *,
    slug: str,
    council: LocalAuthority | None,
    context: dict,
) -> HttpResponse | None:
    """Publish when asked and valid; otherwise fill `context` with a preview (when valid)."""
    if request.method != "POST" or not form.is_valid():
        return None
    content = form.to_content()
    if request.POST.get("action") != "publish":
        context["preview_html"] = presenters.body_html(content.kind, content.body)
        context["preview"] = content
        return None
    try:
        published = publish_version(
            slug=slug,
            content=content,
            by=request.user,
            change_note=form.cleaned_data["change_note"],
            local_authority=council,
            review_every_months=form.cleaned_data["review_every_months"],
        )
    except LibraryError as error:
        form.add_error(None, error.message)
        return None
    if published.version is None:
        messages.success(
            request, "Nothing changed, so there is no new version. Marked as reviewed today."
        )
    else:
        messages.success(request, f"Version {published.version.number} published.")
    return redirect("library:detail", slug=published.resource.slug)


@login_required
@require_http_methods(["GET", "POST"])
def local_addition_new(request: HttpRequest, gss_code: str) -> HttpResponse:
    council = permissions.access_council_for_local_addition(request.user, gss_code)
    form = ResourceForm(
        request.POST or None,
        initial={"kind": "guidance", "review_every_months": 12, "change_note": "First version"},
    )
    context = {"form": form, "council": council, "resource": None}
    if request.method == "POST" and form.is_valid():
        slug = local_addition_slug(council=council, title=form.cleaned_data["title"])
        response = save_or_preview(request, form, slug=slug, council=council, context=context)
        if response is not None:
            return response
    return render(request, "library/edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request: HttpRequest, slug: str) -> HttpResponse:
    resource = permissions.access_resource_for_editor(request.user, slug)
    form = ResourceForm(
        request.POST or None, initial={**resource_initial(resource), "change_note": ""}
    )
    context = {"form": form, "council": resource.local_authority, "resource": resource}
    response = save_or_preview(
        request, form, slug=resource.slug, council=resource.local_authority, context=context
    )
    if response is not None:
        return response
    return render(request, "library/edit.html", context)
