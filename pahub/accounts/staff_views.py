"""Staff pages: teams, invitations, API keys, assisted-digital grants and the audit log.

Every path here starts /staff/, so StaffTwoFactorMiddleware makes sure the person has
two-factor authentication before any of these views runs.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from pahub.accounts import services
from pahub.accounts.forms import ApiKeyForm, StaffInvitationForm, StaffRecordGrantForm
from pahub.accounts.models import ApiKey, Membership, Organisation, Role, User
from pahub.accounts.navigation import staff_may
from pahub.accounts.permissions import (
    access_organisation_for_admin,
    access_organisation_for_member,
    can_record_grant_for,
    is_organisation_staff,
    is_site_admin,
)
from pahub.accounts.queries import insights_local_authority_ids
from pahub.core import audit
from pahub.core.mail import deliver, emails_not_sent
from pahub.core.models import AuditEvent, OutgoingEmail
from pahub.core.pagination import pagination_items
from pahub.core.text_rules import text_problem

NEW_API_KEY_SESSION_KEY = "pahub_new_api_key"


def staff_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (is_organisation_staff(request.user) or is_site_admin(request.user)):
            raise PermissionDenied("This page is for organisation staff.")
        return view(request, *args, **kwargs)

    return wrapper


def site_admin_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_site_admin(request.user):
            raise PermissionDenied("This page is for site administrators.")
        return view(request, *args, **kwargs)

    return wrapper


@staff_required
def staff_home(request: HttpRequest) -> HttpResponse:
    if is_site_admin(request.user):
        organisations = Organisation.objects.prefetch_related("local_authorities")
    else:
        organisations = Organisation.objects.filter(
            memberships__user=request.user
        ).prefetch_related("local_authorities")
    memberships = {m.organisation_id: m for m in Membership.objects.filter(user=request.user)}
    rows = [(organisation, memberships.get(organisation.pk)) for organisation in organisations]
    return render(
        request,
        "staff/home.html",
        {
            "rows": rows,
            "site_admin": is_site_admin(request.user),
            # The same rule as the queue's own `verifier_required`, so no link leads to a 403.
            "may_check_evidence": staff_may("check_evidence", request.user),
            "may_author_courses": staff_may("author_courses", request.user),
            "may_organise_events": staff_may("organise_events", request.user),
            "may_moderate_community": staff_may("moderate_community", request.user),
            "may_handle_safeguarding": staff_may("handle_safeguarding", request.user),
            "may_set_safeguarding_contact": staff_may("set_safeguarding_contact", request.user),
            "may_help_people": staff_may("help_people", request.user),
            "may_edit_spoke": staff_may("edit_spoke", request.user),
            "may_manage_library": staff_may("manage_library", request.user),
            "may_read_insights": bool(insights_local_authority_ids(request.user)),
            # Imports belong to an organisation: a site admin without one has none to see.
            "may_import": is_organisation_staff(request.user),
        },
    )


@staff_required
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access_organisation_for_member(request.user, organisation_id)
    is_admin = (
        is_site_admin(request.user)
        or organisation.memberships.filter(
            user=request.user, role=Membership.StaffRole.ADMIN
        ).exists()
    )
    context = {
        "organisation": organisation,
        "is_admin": is_admin,
        "members": organisation.memberships.select_related("user"),
        "areas": organisation.local_authorities.all(),
        "is_council": organisation.kind == Organisation.Kind.LOCAL_AUTHORITY,
    }
    if is_admin:
        context["invitations"] = organisation.invitations.filter(accepted_at__isnull=True)
        context["api_keys"] = organisation.api_keys.select_related("created_by")
    return render(request, "staff/organisation.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access_organisation_for_admin(request.user, organisation_id)
    form = StaffInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.staff_invitation_create(
            organisation=organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            by=request.user,
        )
        messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
        return redirect("staff:organisation", organisation_id=organisation.pk)
    return render(request, "staff/invite.html", {"form": form, "organisation": organisation})


@staff_required
@require_POST
def member_remove(request: HttpRequest, organisation_id: int, membership_id: int) -> HttpResponse:
    organisation = access_organisation_for_admin(request.user, organisation_id)
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    if membership.user_id == request.user.pk:
        messages.error(request, "You cannot remove yourself. Ask another administrator.")
    else:
        services.membership_remove(membership=membership, by=request.user)
        messages.success(request, f"{membership.user.display_name} was removed from the team.")
    return redirect("staff:organisation", organisation_id=organisation.pk)


@staff_required
@require_POST
def member_safeguarding(
    request: HttpRequest, organisation_id: int, membership_id: int
) -> HttpResponse:
    """A council's admin switches on (or off) whether a team member reads its safeguarding
    concerns."""
    organisation = access_organisation_for_admin(request.user, organisation_id)
    if organisation.kind != Organisation.Kind.LOCAL_AUTHORITY:
        raise Http404
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    handles = request.POST.get("handles_safeguarding") == "yes"
    services.membership_set_safeguarding(membership=membership, handles=handles, by=request.user)
    name = membership.user.display_name
    if handles:
        messages.success(request, f"{name} now reads safeguarding concerns in your areas.")
    else:
        messages.success(request, f"{name} no longer reads safeguarding concerns.")
    return redirect("staff:organisation", organisation_id=organisation.pk)


@staff_required
@require_POST
def member_insights(request: HttpRequest, organisation_id: int, membership_id: int) -> HttpResponse:
    """A council's admin switches on (or off) whether a team member reads the insights
    dashboards for the council's areas."""
    organisation = access_organisation_for_admin(request.user, organisation_id)
    if organisation.kind != Organisation.Kind.LOCAL_AUTHORITY:
        raise Http404
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    reads = request.POST.get("views_insights") == "yes"
    services.membership_set_insights(membership=membership, reads=reads, by=request.user)
    name = membership.user.display_name
    if reads:
        messages.success(request, f"{name} now reads insights for your areas.")
    else:
        messages.success(request, f"{name} no longer reads insights.")
    return redirect("staff:organisation", organisation_id=organisation.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def api_key_new(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access_organisation_for_admin(request.user, organisation_id)
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        api_key, raw = services.api_key_create(
            organisation=organisation, name=form.cleaned_data["name"], by=request.user
        )
        # Redirect so a refresh cannot make a second key; the full key waits in the
        # session for exactly one page view, and is never stored anywhere else.
        request.session[NEW_API_KEY_SESSION_KEY] = {"id": api_key.pk, "raw": raw}
        return redirect("staff:api_key_created", organisation_id=organisation.pk, key_id=api_key.pk)
    return render(request, "staff/api_key_new.html", {"form": form, "organisation": organisation})


@staff_required
def api_key_created(request: HttpRequest, organisation_id: int, key_id: int) -> HttpResponse:
    organisation = access_organisation_for_admin(request.user, organisation_id)
    api_key = get_object_or_404(ApiKey, pk=key_id, organisation=organisation)
    pending = request.session.pop(NEW_API_KEY_SESSION_KEY, None)
    raw_key = pending["raw"] if pending and pending["id"] == api_key.pk else None
    if raw_key is None:
        messages.info(
            request,
            "A key is shown only once. If it was not copied, revoke it and create a new one.",
        )
        return redirect("staff:organisation", organisation_id=organisation.pk)
    return render(
        request,
        "staff/api_key_created.html",
        {"organisation": organisation, "api_key": api_key, "raw_key": raw_key},
    )


@staff_required
@require_POST
def api_key_revoke(request: HttpRequest, organisation_id: int, key_id: int) -> HttpResponse:
    organisation = access_organisation_for_admin(request.user, organisation_id)
    api_key = get_object_or_404(ApiKey, pk=key_id, organisation=organisation)
    services.api_key_revoke(api_key=api_key, by=request.user)
    messages.success(request, f"The key '{api_key.name}' no longer works.")
    return redirect("staff:organisation", organisation_id=organisation.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def record_grant(request: HttpRequest) -> HttpResponse:
    """Assisted digital: record that an employer agreed to a representative."""
    form = StaffRecordGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        employer = User.objects.filter(email__iexact=data["employer_email"]).first()
        representative = User.objects.filter(email__iexact=data["representative_email"]).first()
        if employer is None or not employer.has_role(Role.EMPLOYER):
            form.add_error("employer_email", "There is no employer with that email address.")
        elif not can_record_grant_for(request.user, employer):
            form.add_error(
                "employer_email", "This employer lives outside the areas your organisation serves."
            )
        if representative is None:
            form.add_error(
                "representative_email",
                "There is no account with that email address. Ask them to create one first.",
            )
        if not form.errors:
            try:
                services.representation_record_by_staff(
                    staff=request.user,
                    employer=employer,
                    representative=representative,
                    relationship=data["relationship"],
                    note=data["note"],
                )
            except services.AccountError as error:
                form.add_error(None, str(error))
            else:
                if not representative.has_role(Role.REPRESENTATIVE):
                    services.user_set_roles(
                        user=representative,
                        roles=[*representative.role_set, Role.REPRESENTATIVE],
                        by=request.user,
                    )
                messages.success(
                    request,
                    f"Recorded: {representative.display_name} can act for {employer.display_name}.",
                )
                return redirect("staff:home")
    return render(request, "staff/record_grant.html", {"form": form})


@site_admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.all()
    action = request.GET.get("action", "").strip()
    actor = request.GET.get("actor", "").strip()
    if text_problem(action, one_line=True) or text_problem(actor, one_line=True):
        # Only a hand-made address holds these; a NUL would fail the query on PostgreSQL.
        raise BadRequest("The filters hold hidden characters.")
    if action:
        events = events.filter(action__startswith=action)
    if actor:
        events = events.filter(actor_label__icontains=actor)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "staff/audit_log.html",
        {"page": page, "action": action, "actor": actor, "querystring": request.GET.copy()},
    )


@site_admin_required
def emails(request: HttpRequest) -> HttpResponse:
    """Emails not yet delivered: waiting, being retried, or given up on and waiting for staff."""
    page = Paginator(emails_not_sent(), 50).get_page(request.GET.get("page"))
    return render(
        request, "staff/emails.html", {"page": page, "page_numbers": pagination_items(page)}
    )


@site_admin_required
@require_POST
def email_retry(request: HttpRequest, email_id: int) -> HttpResponse:
    email = get_object_or_404(OutgoingEmail, pk=email_id)
    audit.record(request.user, "email.retried", email)
    if deliver(email.pk):
        messages.success(request, f"Sent “{email.subject}”.")
    else:
        email.refresh_from_db()
        if email.status == OutgoingEmail.Status.SENT:
            messages.info(request, f"“{email.subject}” had already been sent.")
        else:
            messages.error(
                request, f"“{email.subject}” could not be sent again: {email.last_error}"
            )
    return redirect("staff:emails")
