"""A PA's evidence, references and the code of conduct; the referee's page; publishing a new
code. Views parse, check permission, call a service or query, and render."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import Role, User
from pahub.accounts.permissions import is_site_admin
from pahub.core.public import public_page
from pahub.register.code import services as code_services
from pahub.register.code.forms import CodePublishForm, CodeSignForm
from pahub.register.evidence import services as evidence_services
from pahub.register.evidence.forms import (
    FORM_FOR_KIND,
    EvidenceForm,
    ReferenceAnswerForm,
    ReferenceRequestForm,
)
from pahub.register.levels import LEVEL_NAMES, still_needed_for_next_level
from pahub.register.models import Evidence
from pahub.register.permissions import access_own_evidence, can_download_evidence_document
from pahub.register.queries import (
    current_code_version,
    level_facts_for,
    own_profile_or_blank,
)
from pahub.register.services import profile_get_or_create

Kind = Evidence.Kind


@dataclass(frozen=True)
class KindPage:
    slug: str
    kind: str
    add_title: str
    change_title: str
    summary: str
    added_message: str


KIND_PAGES = [
    KindPage(
        "identity",
        Kind.IDENTITY,
        "Tell us about your identity",
        "Change your identity details",
        "Tell us which photo document you will show staff. You need this for Entry level.",
        "Your identity details have been added. Staff will check them when they see the document.",
    ),
    KindPage(
        "right-to-work",
        Kind.RIGHT_TO_WORK,
        "Your right to work in the UK",
        "Change your right to work details",
        "Tell us why you can work in the UK. Staff check it with you.",
        "Your right to work details have been added. Staff will check them.",
    ),
    KindPage(
        "dbs",
        Kind.DBS,
        "Add your DBS certificate",
        "Change your DBS certificate details",
        "Your DBS certificate's type, number and issue date. You need it for Level 2.",
        "Your DBS certificate has been added. Staff will check it when they see the original.",
    ),
    KindPage(
        "driving-licence",
        Kind.DRIVING_LICENCE,
        "Add your driving licence",
        "Change your driving licence details",
        "If you offer to drive, you need your licence checked for Level 2.",
        "Your driving licence has been added. Staff will check it when they see it.",
    ),
    KindPage(
        "qualification",
        Kind.QUALIFICATION,
        "Add a qualification",
        "Change a qualification",
        "A care qualification, such as a Level 2 Diploma in Care. You need one for Level 3.",
        "Your qualification has been added. Staff will check it.",
    ),
    KindPage(
        "specialist-skill",
        Kind.SPECIALIST,
        "Add evidence of a specialist skill",
        "Change evidence of a specialist skill",
        "Training or experience in a specialist skill, such as PEG feeding. Counts for Level 4.",
        "Your evidence has been added. Staff will check it.",
    ),
]
PAGE_FOR_SLUG = {page.slug: page for page in KIND_PAGES}
PAGE_FOR_KIND = {page.kind: page for page in KIND_PAGES}


def pa_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, and a PA: anyone else is refused with 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_role(Role.PA):
            raise PermissionDenied("These pages are for Personal Assistants.")
        return view(request, *args, **kwargs)

    return wrapper


# The code of conduct


@pa_required
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    status = code_services.code_signing_status(request.user)
    current = status.current
    form = CodeSignForm(request.POST or None, initial={"version": current and current.number})
    if request.method == "POST" and current is not None and form.is_valid():
        try:
            code_services.code_sign(
                user=request.user, version_number=form.cleaned_data["version"], by=request.user
            )
        except code_services.CodeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Thank you. You have signed the code of conduct.")
        return redirect("register:code")
    return render(
        request,
        "register/code/code.html",
        {
            "status": status,
            "version": current,
            "blocks": code_services.code_blocks(current.body) if current else [],
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def code_publish(request: HttpRequest) -> HttpResponse:
    if not is_site_admin(request.user):
        raise PermissionDenied("Only site administrators can publish the code of conduct.")
    current = current_code_version()
    form = CodePublishForm(request.POST or None, initial={"body": current.body if current else ""})
    if request.method == "POST" and form.is_valid():
        published = code_services.code_publish_version(
            body=form.cleaned_data["body"],
            summary_of_changes=form.cleaned_data["summary_of_changes"],
            by=request.user,
            recheck_now=False,
        )
        messages.success(
            request,
            f"Version {published.version.number} has been published. Levels are being "
            "rechecked, and every PA who needs to sign again will get an email.",
        )
        return redirect("register:code_publish")
    return render(request, "register/code/publish.html", {"form": form, "current": current})


# Evidence


@pa_required
@require_GET
def evidence_overview(request: HttpRequest) -> HttpResponse:
    profile = own_profile_or_blank(request.user)
    items = [
        (item, evidence_services.evidence_status(item))
        for item in evidence_services.evidence_for_overview(profile)
    ]
    facts = level_facts_for(profile)
    next_level, still_needed = still_needed_for_next_level(facts)
    return render(
        request,
        "register/evidence/overview.html",
        {
            "profile": profile,
            "items": [(item, tag) for item, tag in items if item.kind != Kind.REFERENCE],
            "references": [(item, tag) for item, tag in items if item.kind == Kind.REFERENCE],
            "kind_pages": KIND_PAGES,
            "level_name": LEVEL_NAMES[profile.level],
            "next_level_name": LEVEL_NAMES.get(next_level) if next_level else None,
            "still_needed": still_needed,
            "code_signed": facts.current_code_signed,
        },
    )


def evidence_form_page(
    request: HttpRequest,
    *,
    page: KindPage,
    form: EvidenceForm,
    evidence: Evidence | None = None,
) -> HttpResponse:
    return render(
        request,
        "register/evidence/form.html",
        {
            "page": page,
            "title": page.change_title if evidence else page.add_title,
            "form": form,
            "evidence": evidence,
            "intro_template": f"register/evidence/intro/{page.kind}.html",
        },
    )


@pa_required
@require_http_methods(["GET", "POST"])
def evidence_add(request: HttpRequest, kind_slug: str) -> HttpResponse:
    page = PAGE_FOR_SLUG.get(kind_slug)
    if page is None:
        raise Http404
    form_class = FORM_FOR_KIND[page.kind]
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        profile = profile_get_or_create(user=request.user)
        try:
            evidence_services.evidence_add(
                profile=profile,
                kind=page.kind,
                by=request.user,
                details=form.details(),
                document=form.cleaned_data.get("document"),
                declared=form_class.declared,
            )
        except evidence_services.EvidenceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, page.added_message)
            return redirect("register:evidence")
    return evidence_form_page(request, page=page, form=form)


@pa_required
@require_http_methods(["GET", "POST"])
def evidence_edit(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = access_own_evidence(request.user, evidence_id)
    page = PAGE_FOR_KIND.get(evidence.kind)
    if page is None or evidence.status == Evidence.Status.WITHDRAWN:
        raise Http404
    form_class = FORM_FOR_KIND[page.kind]
    form = form_class(
        request.POST or None, request.FILES or None, initial=form_class.initial_for(evidence)
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = evidence_services.evidence_change(
                evidence=evidence,
                by=request.user,
                details=form.details(),
                document=form.cleaned_data.get("document"),
                declared=form_class.declared,
            )
        except evidence_services.EvidenceError as error:
            form.add_error(None, str(error))
        else:
            if saved.pk != evidence.pk:
                messages.success(
                    request,
                    "Your new details have been added for staff to check. The verified "
                    "details still count until then.",
                )
            else:
                messages.success(request, "Your changes have been saved. Staff will check them.")
            return redirect("register:evidence")
    return evidence_form_page(request, page=page, form=form, evidence=evidence)


@pa_required
@require_http_methods(["GET", "POST"])
def evidence_withdraw(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = access_own_evidence(request.user, evidence_id)
    if evidence.status == Evidence.Status.WITHDRAWN:
        raise Http404
    if request.method == "POST":
        evidence_services.evidence_withdraw(evidence=evidence, by=request.user)
        messages.success(request, f"{evidence.get_kind_display()} withdrawn.")
        return redirect("register:evidence")
    return render(request, "register/evidence/withdraw.html", {"evidence": evidence})


def access_evidence_for_download(user: User, evidence_id: int) -> Evidence:
    """The PA's own document, or one a verifier serving their area may check: else 404,
    whoever asks and however they got the address."""
    evidence = get_object_or_404(Evidence.objects.select_related("profile__user"), pk=evidence_id)
    if not can_download_evidence_document(user, evidence):
        raise Http404
    if not evidence.document or evidence.status == Evidence.Status.WITHDRAWN:
        raise Http404
    return evidence


@login_required
@require_GET
def evidence_document(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = access_evidence_for_download(request.user, evidence_id)
    document = evidence_services.evidence_document_open(evidence=evidence, by=request.user)
    response = FileResponse(
        document,
        as_attachment=True,
        filename=evidence.document_name or "document",
        content_type=evidence.document_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# References: the PA's side


@pa_required
@require_http_methods(["GET", "POST"])
def reference_request(request: HttpRequest) -> HttpResponse:
    profile = own_profile_or_blank(request.user)
    form = ReferenceRequestForm(request.POST or None, pa_email=request.user.email)
    if request.method == "POST" and form.is_valid():
        profile = profile_get_or_create(user=request.user)
        try:
            reference = evidence_services.reference_request_send(
                profile=profile, by=request.user, **form.cleaned_data
            )
        except evidence_services.EvidenceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"We have emailed {reference.referee_name}. The link in the email works "
                "for 21 days.",
            )
            return redirect("register:evidence")
    return render(
        request,
        "register/evidence/reference_request.html",
        {
            "form": form,
            "open_count": (
                evidence_services.open_reference_requests(profile).count() if profile.pk else 0
            ),
            "max_open": evidence_services.MAX_OPEN_REFERENCE_REQUESTS,
            "per_day": settings.REFERENCE_REQUESTS_PER_DAY,
        },
    )


@pa_required
@require_POST
def reference_send_again(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = access_own_evidence(request.user, evidence_id)
    if evidence.kind != Kind.REFERENCE:
        raise Http404
    try:
        reference = evidence_services.reference_send_again(evidence=evidence, by=request.user)
    except evidence_services.EvidenceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"We have emailed {reference.referee_name} a new link.")
    return redirect("register:evidence")


# References: the referee's side, with no account


def reference_closed(request: HttpRequest, state: str) -> HttpResponse:
    return render(request, "register/evidence/reference_closed.html", {"state": state}, status=410)


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def reference_answer(request: HttpRequest, token: str) -> HttpResponse:
    reference = evidence_services.reference_for_token(token)
    if reference is None:
        raise Http404
    state = evidence_services.reference_link_state(reference)
    if state != "open":
        return reference_closed(request, state)
    pa = reference.evidence.profile.user
    pa_name = pa.full_name or pa.display_name
    form = ReferenceAnswerForm(
        None if "decline" in request.POST else (request.POST or None), pa_name=pa_name
    )
    try:
        if request.method == "POST" and "decline" in request.POST:
            evidence_services.reference_decline(raw_token=token)
            return render(request, "register/evidence/reference_thanks.html", {"declined": True})
        if request.method == "POST" and form.is_valid():
            evidence_services.reference_answer(raw_token=token, answers=form.answers())
            return render(request, "register/evidence/reference_thanks.html", {"declined": False})
    except evidence_services.ReferenceLinkClosed as closed:
        return reference_closed(request, closed.state)
    return render(
        request,
        "register/evidence/reference_answer.html",
        {
            "form": form,
            "reference": reference,
            "pa_name": pa_name,
            "relationship": evidence_services.relationship_for_referee(reference),
            "token": token,
        },
    )
