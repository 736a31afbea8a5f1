"""Raising a safeguarding concern, under /concerns/.

Anyone may raise a concern, signed in or not, from the footer or from a post, message, cover
booking or PA profile (`?about=`). Safeguarding staff of the council whose area it is in, and
site administrators, read and handle it; anyone else gets 404. The person who raised a concern
follows its status at /concerns/mine/.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.core.audit import client_ip
from pahub.core.public import public_page
from pahub.support.concerns import permissions, services
from pahub.support.concerns.about import resolve_about
from pahub.support.concerns.contact import contact_for
from pahub.support.concerns.forms import (
    ConcernForm,
    ConcernNoteForm,
    ConcernStatusForm,
    SafeguardingContactForm,
)
from pahub.support.models import Concern


@public_page
@require_http_methods(["GET", "POST"])
def concern_new(request: HttpRequest) -> HttpResponse:
    about_param = request.POST.get("about") or request.GET.get("about", "")
    about = resolve_about(request.user, about_param)
    area = about.area if about is not None else None
    form = ConcernForm(request.POST or None, user=request.user, area_known=area is not None)
    if request.method == "POST" and form.is_valid():
        try:
            concern = services.concern_raise(
                raiser=request.user,
                values=form.values(area),
                about=about,
                client_ip=client_ip(request),
            )
        except services.ConcernError as error:
            form.add_error(None, error.message)
        else:
            request.session["concern_raised"] = concern.pk
            return redirect("concerns:raised")
    if area is None and request.user.is_authenticated:
        area = request.user.local_authority
    return render(
        request,
        "support/concerns/new.html",
        {"form": form, "about": about, "contact": contact_for(area)},
    )


@public_page
@require_GET
def concern_raised(request: HttpRequest) -> HttpResponse:
    """What happens next, shown once to the person who just raised a concern."""
    concern_id = request.session.get("concern_raised")
    concern = (
        Concern.objects.select_related("area").filter(pk=concern_id).first() if concern_id else None
    )
    if concern is None:
        return redirect("concerns:new")
    return render(
        request,
        "support/concerns/raised.html",
        {"concern": concern, "contact": contact_for(concern.area)},
    )


@login_required
@require_GET
def concern_mine(request: HttpRequest) -> HttpResponse:
    concerns = permissions.concerns_raised_by(request.user).select_related("area")
    return render(request, "support/concerns/mine.html", {"concerns": list(concerns)})


@login_required
@require_GET
def concern_queue(request: HttpRequest) -> HttpResponse:
    if not permissions.handles_safeguarding(request.user):
        raise Http404
    concerns = permissions.concerns_for_staff(request.user).select_related("area", "handled_by")
    status = request.GET.get("status", "open")
    if status == "open":
        concerns = concerns.exclude(status=Concern.Status.CLOSED)
    elif status in Concern.Status.values:
        concerns = concerns.filter(status=status)
    else:
        status = "all"
    return render(
        request,
        "support/concerns/queue.html",
        {
            "concerns": list(concerns[:200]),
            "status": status,
            "statuses": Concern.Status.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def concern_detail(request: HttpRequest, concern_id: int) -> HttpResponse:
    concern = permissions.access_concern_for_staff(request.user, concern_id)
    status_form = ConcernStatusForm(
        request.POST or None, initial={"status": concern.status, "outcome": concern.outcome}
    )
    if request.method == "POST" and status_form.is_valid():
        try:
            services.concern_set_status(
                concern=concern,
                status=status_form.cleaned_data["status"],
                outcome=status_form.cleaned_data["outcome"].strip(),
                by=request.user,
            )
        except services.ConcernError as error:
            status_form.add_error(None, error.message)
        else:
            messages.success(request, f"Status saved: {concern.get_status_display()}.")
            return redirect("concerns:detail", concern_id=concern.pk)
    return render_detail(request, concern, status_form=status_form, note_form=ConcernNoteForm())


@login_required
@require_POST
def concern_note(request: HttpRequest, concern_id: int) -> HttpResponse:
    concern = permissions.access_concern_for_staff(request.user, concern_id)
    note_form = ConcernNoteForm(request.POST)
    if note_form.is_valid():
        services.concern_add_note(
            concern=concern, text=note_form.cleaned_data["text"].strip(), by=request.user
        )
        messages.success(request, "Note added.")
        return redirect("concerns:detail", concern_id=concern.pk)
    status_form = ConcernStatusForm(initial={"status": concern.status, "outcome": concern.outcome})
    return render_detail(request, concern, status_form=status_form, note_form=note_form)


def render_detail(
    request: HttpRequest,
    concern: Concern,
    *,
    status_form: ConcernStatusForm,
    note_form: ConcernNoteForm,
) -> HttpResponse:
    return render(
        request,
        "support/concerns/detail.html",
        {
            "concern": concern,
            "form": status_form if status_form.errors else note_form,
            "status_form": status_form,
            "note_form": note_form,
            "notes": list(concern.notes.select_related("author")),
            "contact": contact_for(concern.area),
        },
        status=400 if (status_form.errors or note_form.errors) else 200,
    )


# A council's safeguarding contact.


@login_required
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    areas = list(permissions.areas_for_contact_editor(request.user))
    if not areas:
        raise Http404
    return render(request, "support/concerns/manage.html", {"areas": areas})


@login_required
@require_http_methods(["GET", "POST"])
def manage_contact(request: HttpRequest, gss_code: str) -> HttpResponse:
    area = permissions.access_area_for_contact_editor(request.user, gss_code)
    form = SafeguardingContactForm(
        request.POST or None,
        initial={
            "phone": area.safeguarding_phone,
            "email": area.safeguarding_email,
            "hours": area.safeguarding_hours,
            "url": area.safeguarding_url,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.safeguarding_contact_update(area=area, by=request.user, **form.cleaned_data)
        messages.success(request, f"Safeguarding contact saved for {area.name}.")
        return redirect("concerns:manage")
    return render(request, "support/concerns/manage_contact.html", {"form": form, "area": area})
