"""Asking for help, under /support/.

A PA or an employer asks; the support agencies and user-led organisations serving their area
see it in their queue; one picks it up and they talk in a private thread until it is closed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import Representation, Role, User
from pahub.core.public import public_page
from pahub.support.help import permissions, queries, services
from pahub.support.help.forms import (
    AskForm,
    CallForm,
    CloseForm,
    FeedbackForm,
    MessageForm,
    PickUpForm,
)
from pahub.support.help.national import NATIONAL_ROUTES
from pahub.support.models import HelpCall, HelpRequest

NOT_AN_ASKER = "Personal Assistants, employers and their representatives can ask for help here."
NOT_A_HELPER = "Only staff of a support agency or user-led organisation can see requests for help."


def may_ask(user: User) -> bool:
    return user.is_authenticated and bool(
        user.role_set & {Role.PA, Role.EMPLOYER, Role.REPRESENTATIVE}
    )


def employers_represented(user: User) -> list[User]:
    return [
        representation.employer
        for representation in Representation.objects.filter(
            representative=user, status=Representation.Status.ACTIVE
        ).select_related("employer", "employer__employer_profile")
    ]


@public_page
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    user = request.user
    area = organisations = None
    if user.is_authenticated:
        area = queries.area_for(user)
        organisations = list(queries.serving_organisations(area))
    return render(
        request,
        "support/help/start.html",
        {
            "area": area,
            "organisations": organisations,
            "may_ask": may_ask(user),
            "national_routes": NATIONAL_ROUTES,
            "is_helper": permissions.is_helper(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    if not may_ask(request.user):
        raise PermissionDenied(NOT_AN_ASKER)
    employers = employers_represented(request.user)
    form = AskForm(request.POST or None, employers=employers)
    if request.method == "POST" and form.is_valid():
        try:
            help_request = services.help_request_create(
                person=request.user, values=form.values, on_behalf_of=form.on_behalf_of
            )
        except services.HelpInputError as error:
            for name, message in error.problems.items():
                form.add_error(name, message)
        except services.NoHelpInArea as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                "Your request has been sent. We will tell you when someone picks it up.",
            )
            return redirect("support:help_request", help_request_id=help_request.pk)
    area = queries.area_for(request.user)
    return render(
        request,
        "support/help/ask.html",
        {
            "form": form,
            "area": area,
            "organisations": list(queries.serving_organisations(area)),
            "represents": bool(employers),
            "national_routes": NATIONAL_ROUTES,
        },
    )


@login_required
@require_GET
def my_requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "support/help/my_requests.html",
        {
            "help_requests": list(queries.my_help_requests(request.user)),
            "may_ask": may_ask(request.user),
        },
    )


def render_request(
    request: HttpRequest,
    help_request: HelpRequest,
    *,
    message_form: MessageForm | None = None,
    feedback_form: FeedbackForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    asker = permissions.is_asker(user, help_request)
    picker = permissions.works_for_picker(user, help_request)
    organisations = permissions.helper_organisations(user).filter(
        local_authorities=help_request.area_id
    )
    waiting = help_request.status == HelpRequest.Status.WAITING
    may_pick_up = not asker and waiting
    return render(
        request,
        "support/help/request.html",
        {
            "help_request": help_request,
            "thread": queries.thread_of(help_request),
            "calls": queries.calls_of(help_request),
            "is_asker": asker,
            "may_ask": may_ask(user),
            "is_picker": picker,
            "is_adviser": help_request.adviser_id == user.pk,
            "may_pick_up": may_pick_up,
            "pick_up_form": PickUpForm(organisations=organisations) if may_pick_up else None,
            "message_form": message_form or MessageForm(),
            "may_reply": help_request.status != HelpRequest.Status.CLOSED and (asker or picker),
            "feedback_form": feedback_form or FeedbackForm(),
            # The page's error summary (base.html) reads `form`: the one that was sent.
            "form": message_form or feedback_form,
            "may_propose_call": picker
            and help_request.status == HelpRequest.Status.HELPING
            and help_request.contact_by == HelpRequest.ContactBy.PHONE,
        },
        status=status,
    )


@login_required
@require_GET
def help_request_detail(request: HttpRequest, help_request_id: int) -> HttpResponse:
    help_request = permissions.access_help_request(request.user, help_request_id)
    return render_request(request, help_request)


@login_required
@require_POST
def help_request_reply(request: HttpRequest, help_request_id: int) -> HttpResponse:
    help_request = permissions.access_help_request(request.user, help_request_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.help_message_add(
                help_request=help_request, author=request.user, body=form.cleaned_data["body"]
            )
        except services.HelpInputError as error:
            form.add_error("body", error.message)
        except services.HelpError as error:
            messages.error(request, error.message)
            return redirect("support:help_request", help_request_id=help_request.pk)
        else:
            messages.success(request, "Message sent.")
            return redirect("support:help_request", help_request_id=help_request.pk)
    return render_request(request, help_request, message_form=form, status=400)


@login_required
@require_POST
def help_request_pick_up(request: HttpRequest, help_request_id: int) -> HttpResponse:
    help_request = permissions.access_help_request_for_pick_up(request.user, help_request_id)
    if help_request.status != HelpRequest.Status.WAITING and not permissions.works_for_picker(
        request.user, help_request
    ):
        messages.error(request, services.AlreadyPickedUp.message)
        return redirect("support:queue")
    organisations = permissions.helper_organisations(request.user).filter(
        local_authorities=help_request.area_id
    )
    form = PickUpForm(request.POST, organisations=organisations)
    if not form.is_valid():
        messages.error(request, "Choose which of your organisations is picking it up.")
        return redirect("support:help_request", help_request_id=help_request.pk)
    try:
        services.help_request_pick_up(
            help_request=help_request,
            organisation=form.cleaned_data["organisation"],
            by=request.user,
        )
    except services.HelpError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "You picked up this request. Reply to the person below.")
    return redirect("support:help_request", help_request_id=help_request.pk)


@login_required
@require_http_methods(["GET", "POST"])
def help_call_propose(request: HttpRequest, help_request_id: int) -> HttpResponse:
    help_request = permissions.access_help_request_for_helper(request.user, help_request_id)
    if not permissions.works_for_picker(request.user, help_request):
        raise Http404
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.help_call_propose(
                help_request=help_request, by=request.user, starts_at=form.starts_at
            )
        except services.HelpInputError as error:
            form.add_error("day", error.message)
        except services.HelpError as error:
            messages.error(request, error.message)
            return redirect("support:help_request", help_request_id=help_request.pk)
        else:
            messages.success(request, "Call proposed. We have asked them whether it suits.")
            return redirect("support:help_request", help_request_id=help_request.pk)
    return render(request, "support/help/call.html", {"form": form, "help_request": help_request})


@login_required
@require_POST
def help_call_answer(request: HttpRequest, help_request_id: int, call_id: int) -> HttpResponse:
    help_request = permissions.access_help_request_for_asker(request.user, help_request_id)
    call = get_object_or_404(HelpCall, pk=call_id, help_request=help_request)
    call.help_request = help_request
    agreed = request.POST.get("answer") == "agree"
    try:
        services.help_call_answer(call=call, by=request.user, agreed=agreed)
    except services.HelpError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            "Thank you. We have told your adviser."
            if agreed
            else "We have told your adviser the time does not suit. Say which times do below.",
        )
    return redirect("support:help_request", help_request_id=help_request.pk)


@login_required
@require_http_methods(["GET", "POST"])
def help_request_close(request: HttpRequest, help_request_id: int) -> HttpResponse:
    help_request = permissions.access_help_request_for_helper(request.user, help_request_id)
    if not permissions.works_for_picker(request.user, help_request):
        raise Http404
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.help_request_close(
                help_request=help_request,
                by=request.user,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            )
        except services.HelpError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Request closed. We have told the person.")
        return redirect("support:help_request", help_request_id=help_request.pk)
    return render(request, "support/help/close.html", {"form": form, "help_request": help_request})


@login_required
@require_POST
def help_request_feedback(request: HttpRequest, help_request_id: int) -> HttpResponse:
    help_request = permissions.access_help_request_for_asker(request.user, help_request_id)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.help_request_feedback(
                help_request=help_request, by=request.user, helped=form.cleaned_data["helped"]
            )
        except services.HelpError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Thank you for telling us.")
        return redirect("support:help_request", help_request_id=help_request.pk)
    return render_request(request, help_request, feedback_form=form, status=400)


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    organisations = permissions.helper_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied(NOT_A_HELPER)
    open_requests, closed = queries.queue_for(organisations)
    return render(
        request,
        "support/help/queue.html",
        {
            "open_requests": open_requests,
            "closed": closed,
            "organisations": list(organisations),
            "waiting_count": sum(r.status == HelpRequest.Status.WAITING for r in open_requests),
        },
    )
