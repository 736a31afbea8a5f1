"""Courses and events from training providers and councils, under /learning/events/.

Anyone may search and read published events. Signed-in PAs and employers book places and
download a calendar file. Staff of a training provider or council manage their own
organisation's events under /learning/events/manage/.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import User
from pahub.core.pagination import pagination_items
from pahub.core.public import public_page
from pahub.learning.events import permissions, queries, services
from pahub.learning.events.forms import EventForm, EventSearchForm, PeerSupporterForm
from pahub.learning.events.ics import event_ics
from pahub.learning.models import Event


@public_page
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventSearchForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        search = queries.search_events(form.to_filters())
        page = queries.page_of_events(search, request.GET.get("page"))
    return render(
        request,
        "learning/events/list.html",
        {
            "form": form,
            "page": page,
            "page_numbers": pagination_items(page) if page is not None else [],
            "filtered": form.has_filters,
            "searched_from": form.origin.name if form.origin else "",
            "is_organiser": permissions.is_organiser(request.user),
        },
    )


@login_required
@require_GET
def my_bookings(request: HttpRequest) -> HttpResponse:
    """The places this person has booked on events not yet over, soonest first."""
    return render(
        request,
        "learning/events/my_bookings.html",
        {"bookings": list(queries.my_bookings(request.user))},
    )


@public_page
@require_GET
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = permissions.access_event_for_viewer(request.user, event_id)
    booking = queries.booking_of(event, request.user)
    organiser = permissions.organises(request.user, event)
    return render(
        request,
        "learning/events/detail.html",
        {
            "event": event,
            "booking": booking,
            "organiser": organiser,
            "show_venue": permissions.can_see_venue(request.user, event, booking),
            "may_book": permissions.may_book(request.user),
            "places_left": queries.places_left(event),
            "booked_names": queries.booked_names(event) if organiser else [],
            "is_open": event.cancelled_at is None and event.published_at is not None,
            "cost": queries.cost_text(event),
            "topics": queries.topic_names(event),
        },
    )


@login_required
@require_POST
def event_book(request: HttpRequest, event_id: int) -> HttpResponse:
    event = permissions.access_event_for_booking(request.user, event_id)
    try:
        services.event_book(event=event, user=request.user)
    except services.EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "You have a place. We have sent you the details.")
    return redirect("learning:event_detail", event_id=event.pk)


@login_required
@require_POST
def event_booking_cancel(request: HttpRequest, event_id: int) -> HttpResponse:
    event = permissions.access_event_for_booking(request.user, event_id)
    if services.event_booking_cancel(event=event, user=request.user) is not None:
        messages.success(request, "Your place is cancelled. Someone else can have it now.")
    return redirect("learning:event_detail", event_id=event.pk)


@login_required
@require_GET
def event_calendar(request: HttpRequest, event_id: int) -> HttpResponse:
    event = permissions.access_event_for_viewer(request.user, event_id)
    booking = queries.booking_of(event, request.user)
    if booking is None:
        raise Http404
    response = HttpResponse(
        event_ics(event, booking=booking), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="pahub-event-{event.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


# Managing an organisation's events.


@login_required
@require_GET
def manage_list(request: HttpRequest) -> HttpResponse:
    reach = permissions.require_organiser(request.user)
    organisations = list(queries.organisations_by_id(reach.organisation_ids))
    return render(
        request,
        "learning/events/manage_list.html",
        {
            "events": list(queries.events_in(reach.events())),
            "organisations": organisations,
            "peer_supporter_of": [
                organisation
                for organisation in organisations
                if reach.peer_supporter_for(organisation.pk) is not None
            ],
            "meetups_only": not reach.every_kind,
            "admin_of": [
                organisation
                for organisation in organisations
                if permissions.may_manage_peer_supporters_of(request.user, organisation)
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage_create(request: HttpRequest) -> HttpResponse:
    reach = permissions.require_organiser(request.user)
    organisations = queries.organisations_by_id(reach.organisation_ids)
    form = EventForm(request.POST or None, organisations=organisations, reach=reach)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data.get("organisation") or organisations.get()
        try:
            event = services.event_create(
                organisation=organisation,
                by=request.user,
                values=form.values,
                peer_supporter=reach.peer_supporter_for(organisation.pk),
            )
        except services.EventInputError as error:
            for name, message in error.problems.items():
                form.add_error(EventForm.PROBLEM_FIELDS.get(name, name), message)
        else:
            messages.success(request, "Event saved as a draft. Publish it to list it.")
            return redirect("learning:event_detail", event_id=event.pk)
    return render(request, "learning/events/manage_form.html", {"form": form, "event": None})


@login_required
@require_http_methods(["GET", "POST"])
def manage_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    reach = permissions.require_organiser(request.user)
    event = permissions.access_event_for_organiser(request.user, event_id)
    if event.cancelled_at is not None:
        messages.error(request, "This event has been cancelled, so it cannot be changed.")
        return redirect("learning:event_detail", event_id=event.pk)
    form = EventForm(
        request.POST or None,
        organisations=queries.organisations_by_id(reach.organisation_ids),
        reach=reach,
        event=event,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, by=request.user, values=form.values)
        except services.EventInputError as error:
            for name, message in error.problems.items():
                form.add_error(EventForm.PROBLEM_FIELDS.get(name, name), message)
        else:
            messages.success(request, "Event saved.")
            return redirect("learning:event_detail", event_id=event.pk)
    return render(request, "learning/events/manage_form.html", {"form": form, "event": event})


@login_required
@require_POST
def manage_publish(request: HttpRequest, event_id: int) -> HttpResponse:
    event = permissions.access_event_for_organiser(request.user, event_id)
    try:
        services.event_publish(event=event, by=request.user)
    except services.EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Event published. People can find it and book now.")
    return redirect("learning:event_detail", event_id=event.pk)


@login_required
@require_http_methods(["GET", "POST"])
def manage_cancel(request: HttpRequest, event_id: int) -> HttpResponse:
    event: Event = permissions.access_event_for_organiser(request.user, event_id)
    if request.method == "POST":
        services.event_cancel(event=event, by=request.user)
        messages.success(request, "Event cancelled. We have told everyone booked.")
        return redirect("learning:event_detail", event_id=event.pk)
    return render(
        request,
        "learning/events/manage_cancel.html",
        {"event": event, "booked_count": len(queries.booked_names(event))},
    )


# An organisation's peer supporters: named and ended by its admins.


@login_required
@require_http_methods(["GET", "POST"])
def peer_supporters(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = permissions.access_organisation_for_peer_supporters(
        request.user, organisation_id
    )
    form = PeerSupporterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        person = User.objects.filter(email__iexact=email, deleted_at__isnull=True).first()
        if person is None:
            form.add_error(
                "email",
                "There is no PA or employer with that email address. "
                "Ask them to create an account first.",
            )
        else:
            try:
                services.peer_supporter_add(organisation=organisation, user=person, by=request.user)
            except services.PeerSupporterError as error:
                form.add_error("email", error.message)
            else:
                messages.success(
                    request,
                    f"{person.display_name} is now a peer supporter with {organisation.name}. "
                    "They can post meet-ups from their events page.",
                )
                return redirect("learning:peer_supporters", organisation_id=organisation.pk)
    return render(
        request,
        "learning/events/peer_supporters.html",
        {
            "organisation": organisation,
            "form": form,
            "supporters": list(queries.peer_supporters_of(organisation)),
        },
    )


@login_required
@require_POST
def peer_supporter_end(
    request: HttpRequest, organisation_id: int, peer_supporter_id: int
) -> HttpResponse:
    supporter = permissions.access_peer_supporter_for_admin(
        request.user, organisation_id, peer_supporter_id
    )
    services.peer_supporter_end(peer_supporter=supporter, by=request.user)
    messages.success(
        request,
        f"{supporter.user.display_name} is no longer a peer supporter. "
        "Their meet-ups stay listed; your team manages them now.",
    )
    return redirect("learning:peer_supporters", organisation_id=organisation_id)
