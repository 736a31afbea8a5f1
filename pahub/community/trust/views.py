"""Endorsements and private feedback, under /community/endorsements/ and /community/feedback/.

A PA asks someone who hired or booked them for a short written endorsement and chooses
whether their profile shows it; the employer (or their representative) writes it or says no,
and may withdraw it. PAs and employers who worked together may send private feedback about
each other to the staff of the area, who read it at /community/feedback/staff/.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import Role
from pahub.community.models import Endorsement, Feedback
from pahub.community.trust import permissions, queries, relationships, services
from pahub.community.trust.forms import (
    EndorsementRequestForm,
    EndorsementWriteForm,
    FeedbackForm,
    FeedbackMarkForm,
)

# Endorsements ------------------------------------------------------------------------------


@login_required
@require_GET
def endorsement_list(request: HttpRequest) -> HttpResponse:
    """The PA's endorsements, and the requests waiting for the employers this person writes
    for. A page for anyone signed in; each part shows only what is theirs."""
    user = request.user
    is_pa = permissions.may_ask_for_endorsements(user)
    endorsements = queries.endorsements_of_pa(user) if is_pa else []
    return render(
        request,
        "community/trust/endorsements.html",
        {
            "is_pa": is_pa,
            "endorsements": [
                {"endorsement": endorsement, "by": queries.endorser_label(endorsement)}
                for endorsement in endorsements
            ],
            "pending": queries.pending_requests(user),
            "written": queries.written_endorsements(user),
            "writes": permissions.employers_written_for(user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def endorsement_ask(request: HttpRequest) -> HttpResponse:
    if not permissions.may_ask_for_endorsements(request.user):
        raise Http404
    employers = relationships.employers_of(request.user)
    form = EndorsementRequestForm(request.POST or None, employers=employers)
    if request.method == "POST" and form.is_valid():
        employer = permissions.access_employer_for_request(
            request.user, form.cleaned_data["employer"].pk
        )
        try:
            services.endorsement_request(
                pa=request.user, employer=employer, message=form.cleaned_data["message"]
            )
        except services.TrustInputError as error:
            form.add_error(error.field, error.message)
        except services.TrustError as error:
            form.add_error("employer", error.message)
        else:
            messages.success(
                request,
                f"We have asked {services.first_name(employer)}. We will tell you when they answer.",
            )
            return redirect("community:endorsements")
    return render(
        request,
        "community/trust/ask.html",
        {"form": form, "has_employers": employers.exists()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def endorsement_write(request: HttpRequest, endorsement_id: int) -> HttpResponse:
    endorsement = permissions.access_endorsement_for_writer(request.user, endorsement_id)
    form = EndorsementWriteForm(request.POST or None)
    is_open = endorsement.status == Endorsement.Status.REQUESTED
    if request.method == "POST" and is_open and form.is_valid():
        try:
            services.endorsement_write(
                endorsement=endorsement, text=form.cleaned_data["text"], by=request.user
            )
        except services.TrustInputError as error:
            form.add_error(error.field, error.message)
        except services.TrustError as error:
            messages.error(request, error.message)
            return redirect("community:endorsements")
        else:
            messages.success(
                request,
                f"Thank you. {services.first_name(endorsement.pa)} can now read it and choose "
                "whether their profile shows it.",
            )
            return redirect("community:endorsements")
    return render(
        request,
        "community/trust/write.html",
        {
            "form": form,
            "endorsement": endorsement,
            "is_open": is_open,
            "pa_name": services.first_name(endorsement.pa),
            "for_someone_else": endorsement.employer_id != request.user.pk,
        },
    )


@login_required
@require_POST
def endorsement_decline(request: HttpRequest, endorsement_id: int) -> HttpResponse:
    endorsement = permissions.access_endorsement_for_writer(request.user, endorsement_id)
    try:
        services.endorsement_decline(endorsement=endorsement, by=request.user)
    except services.TrustError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "You said no. We have let them know kindly.")
    return redirect("community:endorsements")


@login_required
@require_POST
def endorsement_withdraw(request: HttpRequest, endorsement_id: int) -> HttpResponse:
    endorsement = permissions.access_endorsement_for_writer(request.user, endorsement_id)
    try:
        services.endorsement_withdraw(endorsement=endorsement, by=request.user)
    except services.TrustError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your endorsement is withdrawn and deleted.")
    return redirect("community:endorsements")


@login_required
@require_POST
def endorsement_visibility(request: HttpRequest, endorsement_id: int) -> HttpResponse:
    endorsement = permissions.access_endorsement_for_pa(request.user, endorsement_id)
    choice = request.POST.get("shown")
    if choice not in ("yes", "no"):
        messages.error(request, "Choose whether to show or hide the endorsement.")
        return redirect("community:endorsements")
    try:
        services.endorsement_set_shown(
            endorsement=endorsement, shown=choice == "yes", by=request.user
        )
    except services.TrustError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            "Your profile shows this endorsement."
            if choice == "yes"
            else "This endorsement is hidden from your profile.",
        )
    return redirect("community:endorsements")


# Private feedback --------------------------------------------------------------------------


@login_required
@require_GET
def feedback_start(request: HttpRequest) -> HttpResponse:
    """The people this person may send feedback about: those they worked with."""
    user = request.user
    employers = list(relationships.employers_of(user)) if user.has_role(Role.PA) else []
    pas = list(relationships.pas_of(user)) if user.has_role(Role.EMPLOYER) else []
    return render(
        request,
        "community/trust/feedback_start.html",
        {"employers": employers, "pas": pas},
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback_send(request: HttpRequest, person_id: int) -> HttpResponse:
    person, about_role = permissions.access_person_for_feedback(request.user, person_id)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_send(
                sender=request.user,
                about=person,
                about_role=about_role,
                category=form.cleaned_data["category"],
                text=form.cleaned_data["text"],
            )
        except services.TrustInputError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                "Thank you. Your feedback has gone to the staff who support people in the "
                f"area. {services.first_name(person)} will not see it.",
            )
            return redirect("community:feedback")
    return render(
        request,
        "community/trust/feedback_send.html",
        {"form": form, "person": person, "name": services.first_name(person)},
    )


@login_required
@require_GET
def feedback_staff_queue(request: HttpRequest) -> HttpResponse:
    permissions.require_feedback_staff(request.user)
    return render(
        request,
        "community/trust/staff_queue.html",
        {"people": queries.staff_queue(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback_staff_detail(request: HttpRequest, feedback_id: int) -> HttpResponse:
    feedback = permissions.access_feedback_for_staff(request.user, feedback_id)
    form = FeedbackMarkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_mark(
                feedback=feedback,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except services.TrustInputError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, "Saved.")
            return redirect("community:feedback_staff")
    return render(
        request,
        "community/trust/staff_detail.html",
        {
            "form": form,
            "feedback": feedback,
            "concern_people": queries.concern_people_about(request.user, feedback.about_id),
            "repeated": services.REPEATED_CONCERN_PEOPLE,
            "Feedback": Feedback,
        },
    )
