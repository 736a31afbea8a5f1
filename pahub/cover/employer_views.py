"""The employer side of cover: the cover home, the relief pool, asking for cover, a request's
offers and bookings. The calendar and the hours PAs recorded are in `hours_views`.

Every page loads what it shows through `pahub.cover.permissions` or `access_employer`: the
employer, a representative with an active grant, or staff whose organisation has the
employer's recorded consent (and who have set up two-factor authentication, as they act for
someone else here, outside /staff/). Anyone else gets 404, so nobody learns who uses cover.
Views are thin: the rules live in `pahub.cover.services` and `pahub.cover.booking`.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import Role, User
from pahub.accounts.permissions import is_organisation_staff, is_site_admin
from pahub.cover import employer_queries as queries
from pahub.cover import presenters
from pahub.cover.booking import BookingError, booking_is_late_cancellation
from pahub.cover.employer_forms import (
    MAX_SHIFT_ROWS,
    CancelForm,
    CancelRequestForm,
    CoverRequestForm,
    InviteByEmailForm,
    InviteKnownForm,
    initial_from_last_request,
    shift_rows_in,
    without_shift,
)
from pahub.cover.models import CoverRequest, ReliefPoolMember
from pahub.cover.permissions import (
    access_booking,
    access_offer_for_employer_side,
    access_pool_member_for_employer_side,
    access_request_for_employer_side,
)
from pahub.cover.services import (
    WAIT_CHOICES,
    CoverError,
    active_pool_pa_ids,
    booking_cancel,
    booking_confirm,
    cover_request_cancel,
    cover_request_create,
    pool_invite,
    pool_leave,
)
from pahub.employers.permissions import (
    EmployerSide,
    access_employer_for_actor,
    employer_side_role,
    helping_organisation,
    refuse_staff_without_two_factor,
)
from pahub.employers.queries import employer_name
from pahub.employers.wages import minimum_pay_on
from pahub.rules.queries import requirements_for

NOT_INVITABLE = (
    "We could not find a PA with that email address whom you have met through PA Hub. Check "
    "the address, or ask the PA to send you a message on PA Hub first."
)


@dataclass(frozen=True)
class Acting:
    """Who is acting for whom, for the pages' "acting for" line."""

    employer: User
    role: str
    organisation_name: str = ""

    @property
    def for_someone_else(self) -> bool:
        return self.role != EmployerSide.EMPLOYER

    @property
    def employer_name(self) -> str:
        return employer_name(self.employer)


def acting_for(request: HttpRequest, employer: User) -> Acting:
    """How the signed-in person acts for `employer`; 404 (403 for staff without two-factor)
    when they may not, from the one rule in `access_employer_for_actor`."""
    access_employer_for_actor(request.user, employer.pk)
    return acting_as(request, employer)


def acting_as(request: HttpRequest, employer: User) -> Acting:
    """The "acting for" line for an employer already loaded through the one rule."""
    role = employer_side_role(request.user, employer)
    organisation_name = ""
    if role == EmployerSide.STAFF:
        organisation = helping_organisation(request.user, employer)
        organisation_name = organisation.name if organisation else ""
    return Acting(employer=employer, role=role, organisation_name=organisation_name)


def access_employer(request: HttpRequest, employer_id: int) -> Acting:
    """The only way a page loads the employer it acts for, by id; 404 for anyone else."""
    employer = access_employer_for_actor(request.user, employer_id)
    return acting_as(request, employer)


def employers_of(request: HttpRequest) -> list[User]:
    """Everyone the signed-in person acts for; staff without two-factor act for no one, and
    hear why (403)."""
    employers = list(queries.employers_for(request.user))
    if not employers:
        refuse_staff_without_two_factor(request.user)
    return employers


def pa_home_url() -> str:
    """The PA side's cover page."""
    return reverse("cover:pa_home")


def employer_setup_url(employer: User) -> str:
    return reverse("employer:profile", kwargs={"employer_id": employer.pk})


# Cover home


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    employers = employers_of(request)
    is_staff = is_organisation_staff(request.user) or is_site_admin(request.user)
    if not employers:
        pa_home = pa_home_url()
        if request.user.has_role(Role.PA) and pa_home:
            return redirect(pa_home)
        if not is_staff:
            raise PermissionDenied("Cover is for employers, the people acting for them, and PAs.")
    sections = queries.cover_home(employers, now=timezone.now())
    return render(
        request,
        "cover/employer/home.html",
        {
            "sections": sections,
            "several": len(sections) > 1,
            "is_staff": is_staff,
            "pa_home_url": pa_home_url() if request.user.has_role(Role.PA) else None,
        },
    )


# Relief pool


@login_required
@require_http_methods(["GET", "POST"])
def pool(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = access_employer(request, employer_id)
    employer = acting.employer
    email_form = InviteByEmailForm()
    if request.method == "POST":
        if request.POST.get("action") == "known":
            return invite_known(request, acting)
        email_form = InviteByEmailForm(request.POST)
        if email_form.is_valid():
            pa = queries.invitable_pa_by_email(employer, email_form.cleaned_data["email"])
            if pa is None:
                email_form.add_error("email", NOT_INVITABLE)
            else:
                return invite(request, acting, pa)
    members = queries.pool_members(employer)
    live = [ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE]
    return render(
        request,
        "cover/employer/pool.html",
        {
            "acting": acting,
            "current": [member for member in members if member.status in live],
            "past": [member for member in members if member.status not in live],
            "talked_to": list(queries.pas_talked_to(employer)),
            "form": email_form,
        },
    )


def invite_known(request: HttpRequest, acting: Acting) -> HttpResponse:
    """Invite one of "PAs you have talked to"; anyone else is refused the same way."""
    form = InviteKnownForm(request.POST)
    pa = None
    if form.is_valid():
        pa = queries.pas_talked_to(acting.employer).filter(pk=form.cleaned_data["pa"]).first()
    if pa is None:
        messages.error(request, "Choose a PA from the list of PAs you have talked to.")
        return redirect("cover:pool", employer_id=acting.employer.pk)
    return invite(request, acting, pa)


def invite(request: HttpRequest, acting: Acting, pa: User) -> HttpResponse:
    name = queries.pa_name(pa)
    if pa.pk in queries.live_pool_pa_ids(acting.employer):
        messages.info(request, f"{name} is already invited to, or in, the relief pool.")
        return redirect("cover:pool", employer_id=acting.employer.pk)
    try:
        pool_invite(employer=acting.employer, pa=pa, by=request.user)
    except CoverError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"We have invited {name}. They join the relief pool once they say yes.",
        )
    return redirect("cover:pool", employer_id=acting.employer.pk)


@login_required
@require_POST
def pool_remove(request: HttpRequest, member_id: int) -> HttpResponse:
    member = access_pool_member_for_employer_side(request.user, member_id)
    acting_for(request, member.employer)
    try:
        pool_leave(member=member, by=request.user)
    except CoverError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{queries.pa_name(member.pa)} is no longer in the relief pool.")
    return redirect("cover:pool", employer_id=member.employer_id)


# Asking for cover


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest, employer_id: int) -> HttpResponse:
    acting = access_employer(request, employer_id)
    employer = acting.employer
    profile = queries.employer_profile_of(employer)
    if profile is None:
        return render(
            request,
            "cover/employer/no_profile.html",
            {"acting": acting, "setup_url": employer_setup_url(employer)},
        )
    pool_size = len(active_pool_pa_ids(employer))
    if request.method == "POST":
        form, submitted = request_form_from_post(request)
        if submitted and form.is_valid():
            try:
                cover_request = cover_request_create(
                    employer=employer, by=request.user, data=form.request_input()
                )
            except CoverError as error:
                form.add_error(form.field_for_service_error(error.field), error.message)
            else:
                messages.success(request, asked_message(cover_request, pool_size))
                return redirect("cover:request", request_id=cover_request.pk)
    else:
        last = queries.latest_request(employer)
        form = CoverRequestForm(initial=initial_from_last_request(last, pool_size=pool_size))
    # The most the employer's council's rules can ask (of cover a direct payment pays for).
    form.say_local_rules(requirements_for(profile.local_authority_id, True))
    return render(
        request,
        "cover/employer/request_new.html",
        {
            "acting": acting,
            "form": form,
            "profile": profile,
            "pool_size": pool_size,
            "max_rows": MAX_SHIFT_ROWS,
            "minimum": minimum_pay_on(timezone.localdate()),
        },
    )


def request_form_from_post(request: HttpRequest) -> tuple[CoverRequestForm, bool]:
    """The request form as posted, and whether it was sent to be saved. "Add another shift"
    and "Remove" re-show the page with what was typed and one row more or fewer, without
    judging anything yet."""
    rows = shift_rows_in(request.POST)
    if "add_shift" in request.POST:
        return CoverRequestForm(request.POST, rows=rows + 1).without_errors(), False
    if "remove_shift" in request.POST:
        try:
            number = int(request.POST["remove_shift"])
        except ValueError:
            number = rows
        data = without_shift(request.POST, number)
        return CoverRequestForm(data, rows=shift_rows_in(data)).without_errors(), False
    return CoverRequestForm(request.POST, rows=rows), True


def asked_message(cover_request: CoverRequest, pool_size: int) -> str:
    if cover_request.pool_wait_minutes and pool_size:
        return (
            "Your request has been sent to your relief pool. We will tell you as soon as "
            "someone offers."
        )
    return (
        "Your request has been sent to suitable PAs nearby. We will tell you when someone offers."
    )


# One request


@login_required
@require_GET
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    cover_request = access_request_for_employer_side(request.user, request_id)
    acting = acting_for(request, cover_request.employer)
    now = timezone.now()
    waves = queries.alert_waves([cover_request.pk]).get(cover_request.pk, [])
    return render(
        request,
        "cover/employer/request.html",
        {
            "acting": acting,
            "cover_request": cover_request,
            "slot_rows": queries.request_slot_rows(cover_request),
            "timeline": presenters.wave_timeline(cover_request, waves, now=now),
            "asked": presenters.asked_words(waves),
            "pool_names": queries.pool_names_alerted(cover_request),
            "tasks": list(cover_request.tasks.all()),
            "must_haves": presenters.must_have_words(cover_request),
            "wait_words": dict(WAIT_CHOICES).get(cover_request.pool_wait_minutes, ""),
            "now": now,
            "is_open": cover_request.status == CoverRequest.Status.OPEN,
            "has_ended": cover_request.status
            in (CoverRequest.Status.CANCELLED, CoverRequest.Status.EXPIRED),
        },
    )


@login_required
@require_POST
def offer_confirm(request: HttpRequest, offer_id: int) -> HttpResponse:
    offer = access_offer_for_employer_side(request.user, offer_id)
    cover_request = offer.slot.request
    acting_for(request, cover_request.employer)
    if cover_request.status in (CoverRequest.Status.CANCELLED, CoverRequest.Status.EXPIRED):
        messages.error(request, "This request has ended, so offers can no longer be confirmed.")
        return redirect("cover:request", request_id=cover_request.pk)
    try:
        booking = booking_confirm(offer=offer, by=request.user)
    except BookingError as error:
        # The loser of a race is told plainly, on the request page, what happened.
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"{queries.pa_name(offer.pa)} is booked for {presenters.slot_words(booking)}. We have "
            "told them, and they can now see the address.",
        )
    return redirect("cover:request", request_id=cover_request.pk)


@login_required
@require_http_methods(["GET", "POST"])
def request_booking_cancel(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = access_booking(request.user, booking_id)
    # The booked PA cancels from their own booking page; this one is the employer side's.
    acting = acting_for(request, booking.employer)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            booking_cancel(booking=booking, by=request.user, reason=form.cleaned_data["reason"])
        except CoverError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(
                request,
                f"The booking is cancelled and {queries.pa_name(booking.pa)} has been told. "
                "We are asking your relief pool again.",
            )
            return redirect("cover:request", request_id=booking.slot.request_id)
    return render(
        request,
        "cover/employer/booking_cancel.html",
        {
            "acting": acting,
            "booking": booking,
            "pa_name": queries.pa_name(booking.pa),
            "when": presenters.slot_words(booking),
            "late": booking_is_late_cancellation(booking),
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_cancel(request: HttpRequest, request_id: int) -> HttpResponse:
    cover_request = access_request_for_employer_side(request.user, request_id)
    acting = acting_for(request, cover_request.employer)
    form = CancelRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            cover_request_cancel(
                request=cover_request, by=request.user, reason=form.cleaned_data["reason"]
            )
        except CoverError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(request, "The request is cancelled. Everyone involved has been told.")
            return redirect("cover:request", request_id=cover_request.pk)
    slot_rows = queries.request_slot_rows(cover_request)
    return render(
        request,
        "cover/employer/request_cancel.html",
        {
            "acting": acting,
            "cover_request": cover_request,
            "booked": [row for row in slot_rows if row.booking],
            "any_late": any(
                booking_is_late_cancellation(row.booking) for row in slot_rows if row.booking
            ),
            "form": form,
            "has_ended": cover_request.status
            in (CoverRequest.Status.CANCELLED, CoverRequest.Status.EXPIRED),
        },
    )
