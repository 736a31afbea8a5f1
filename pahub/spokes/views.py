"""Each council's spoke, under /areas/.

Anyone may open the list of spokes, find their area from a postcode district, and read a
spoke's published page. The council's own staff (with two-factor) and site administrators
edit the spoke under /areas/<slug>/manage/: the draft's text and contacts, a preview that is
the public page drawn from the draft, publishing, and local news. Anyone else gets 404 there.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.core.public import public_page
from pahub.places.models import LocalAuthority
from pahub.spokes import permissions, presenters, queries, services
from pahub.spokes.forms import ContactForm, FindAreaForm, NewsForm, SpokeDraftForm
from pahub.spokes.models import NewsItem


@public_page
@require_GET
def spoke_list(request: HttpRequest) -> HttpResponse:
    form = FindAreaForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("spokes:detail", slug=form.cleaned_data["postcode"].slug)
    your_area_id = request.user.local_authority_id if request.user.is_authenticated else None
    return render(
        request,
        "spokes/list.html",
        {"form": form, "regions": queries.spokes_by_region(), "your_area_id": your_area_id},
    )


@public_page
@require_GET
def spoke_detail(request: HttpRequest, slug: str) -> HttpResponse:
    local_authority = permissions.access_spoke(slug)
    page = presenters.spoke_page(
        local_authority,
        viewer=request.user,
        version=queries.published_version(local_authority),
    )
    return render(
        request,
        "spokes/detail.html",
        {
            "page": page,
            "may_edit": permissions.may_edit_spoke(request.user, local_authority),
        },
    )


# Editing: council staff and site administrators.


@login_required
@require_GET
def manage_list(request: HttpRequest) -> HttpResponse:
    spokes = list(permissions.spokes_editable_by(request.user))
    if not spokes:
        raise Http404
    if len(spokes) == 1:
        return redirect("spokes:manage", slug=spokes[0].slug)
    return render(request, "spokes/manage_list.html", {"spokes": spokes})


@login_required
@require_GET
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    local_authority = permissions.access_spoke_for_editor(request.user, slug)
    return render_manage(request, local_authority)


def render_manage(request: HttpRequest, local_authority: LocalAuthority) -> HttpResponse:
    draft = queries.draft_version(local_authority)
    published = queries.published_version(local_authority)
    return render(
        request,
        "spokes/manage.html",
        {
            "area": local_authority,
            "draft": draft,
            "published": published.content,
            "unpublished_changes": queries.has_unpublished_changes(local_authority),
            "news": queries.news_for_editor(local_authority),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def draft_edit(request: HttpRequest, slug: str) -> HttpResponse:
    local_authority = permissions.access_spoke_for_editor(request.user, slug)
    content = queries.draft_version(local_authority).content
    initial = (
        {name: getattr(content, name) for name in SpokeDraftForm.base_fields} if content else {}
    )
    form = SpokeDraftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.spoke_draft_update(
            local_authority=local_authority, by=request.user, values=form.to_input()
        )
        messages.success(request, "Draft saved. Preview it, then publish it when it is ready.")
        return redirect("spokes:manage", slug=local_authority.slug)
    return render(request, "spokes/draft_form.html", {"area": local_authority, "form": form})


@login_required
@require_GET
def preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The public page's own template, drawn from the draft."""
    local_authority = permissions.access_spoke_for_editor(request.user, slug)
    page = presenters.spoke_page(
        local_authority, viewer=request.user, version=queries.draft_version(local_authority)
    )
    return render(request, "spokes/detail.html", {"page": page, "preview": True})


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    local_authority = permissions.access_spoke_for_editor(request.user, slug)
    try:
        services.spoke_publish(local_authority=local_authority, by=request.user)
    except services.SpokeError as error:
        messages.error(request, error.message)
        return redirect("spokes:manage", slug=local_authority.slug)
    messages.success(request, f"Published. The {local_authority.name} page now shows your draft.")
    return redirect("spokes:manage", slug=local_authority.slug)


@login_required
@require_http_methods(["GET", "POST"])
def contact_add(request: HttpRequest, slug: str) -> HttpResponse:
    local_authority = permissions.access_spoke_for_editor(request.user, slug)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.spoke_contact_add(
            local_authority=local_authority, by=request.user, values=form.to_input()
        )
        messages.success(request, "Contact added to the draft.")
        return redirect("spokes:manage", slug=local_authority.slug)
    return render(
        request,
        "spokes/contact_form.html",
        {"area": local_authority, "form": form, "contact": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, slug: str, contact_id: int) -> HttpResponse:
    contact = permissions.access_contact_for_editor(request.user, slug, contact_id)
    local_authority = contact.content.local_authority
    initial = {name: getattr(contact, name) for name in ContactForm.base_fields}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.spoke_contact_update(contact=contact, by=request.user, values=form.to_input())
        messages.success(request, "Contact changed in the draft.")
        return redirect("spokes:manage", slug=local_authority.slug)
    return render(
        request,
        "spokes/contact_form.html",
        {"area": local_authority, "form": form, "contact": contact},
    )


@login_required
@require_POST
def contact_remove(request: HttpRequest, slug: str, contact_id: int) -> HttpResponse:
    contact = permissions.access_contact_for_editor(request.user, slug, contact_id)
    local_authority = contact.content.local_authority
    services.spoke_contact_remove(contact=contact, by=request.user)
    messages.success(request, f"{contact.name} removed from the draft.")
    return redirect("spokes:manage", slug=local_authority.slug)


@login_required
@require_http_methods(["GET", "POST"])
def news_add(request: HttpRequest, slug: str) -> HttpResponse:
    local_authority = permissions.access_spoke_for_editor(request.user, slug)
    form = NewsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = services.news_item_add(
            local_authority=local_authority, by=request.user, values=form.to_input()
        )
        messages.success(request, news_saved_message(item))
        return redirect("spokes:manage", slug=local_authority.slug)
    return render(
        request, "spokes/news_form.html", {"area": local_authority, "form": form, "item": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def news_edit(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    item = permissions.access_news_for_editor(request.user, slug, item_id)
    initial = {
        "title": item.title,
        "body": item.body,
        "date": item.date,
        "is_published": "yes" if item.is_published else "no",
    }
    form = NewsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.news_item_update(item=item, by=request.user, values=form.to_input())
        messages.success(request, news_saved_message(item))
        return redirect("spokes:manage", slug=item.local_authority.slug)
    return render(
        request,
        "spokes/news_form.html",
        {"area": item.local_authority, "form": form, "item": item},
    )


@login_required
@require_POST
def news_unpublish(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    item = permissions.access_news_for_editor(request.user, slug, item_id)
    try:
        services.news_item_unpublish(item=item, by=request.user)
    except services.SpokeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"“{item.title}” is no longer on the public page.")
    return redirect("spokes:manage", slug=item.local_authority.slug)


def news_saved_message(item: NewsItem) -> str:
    if item.is_published:
        return f"“{item.title}” saved and shown on the public page."
    return f"“{item.title}” saved. It is not on the public page until you publish it."
