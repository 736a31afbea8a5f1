"""Reads for the PA side of cover and the calendar feeds, each scoped to the person asking.

Every list here loads its rows with what the page shows (district, employer profile, slots,
tasks) in a fixed number of queries, however many rows there are.
"""

from datetime import datetime, timedelta

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import User
from pahub.cover.models import (
    Booking,
    CalendarFeed,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
    Timesheet,
)
from pahub.employers.permissions import can_act_for_employer, employers_user_can_act_for
from pahub.taxonomy.models import Skill

# A subscribed calendar keeps a month of history; older shifts drop out of the feed.
FEED_HISTORY = timedelta(days=31)

REQUEST_RELATIONS = (
    "district",
    "local_authority",
    "employer__employer_profile",
    "required_language",
)
BOOKING_RELATIONS = ("slot__request__district", "employer__employer_profile", "pa")


def new_cover_alert_count(user: User) -> int:
    """Requests still looking for cover that the PA has been told about and not yet opened
    (for the navigation)."""
    if not user.is_authenticated:
        return 0
    return CoverAlert.objects.filter(
        pa=user, seen_at__isnull=True, request__status=CoverRequest.Status.OPEN
    ).count()


def _with_slots_and_tasks(prefix: str) -> list[Prefetch]:
    return [
        Prefetch(f"{prefix}slots", queryset=CoverSlot.objects.order_by("starts_at")),
        Prefetch(f"{prefix}tasks", queryset=Skill.objects.order_by("name")),
    ]


def alerts_for_pa(user: User, *, now: datetime) -> list[CoverAlert]:
    """The requests the PA was alerted to that still have a shift to come: new ones first,
    then the most recent."""
    still_to_come = CoverSlot.objects.filter(request=OuterRef("request"), ends_at__gt=now)
    return list(
        CoverAlert.objects.filter(pa=user)
        .filter(Exists(still_to_come))
        .annotate(is_new=ExpressionWrapper(Q(seen_at__isnull=True), output_field=BooleanField()))
        .select_related(*(f"request__{name}" for name in REQUEST_RELATIONS))
        .prefetch_related(*_with_slots_and_tasks("request__"))
        .order_by("-is_new", "-created_at", "-pk")
    )


def waiting_offers_for_pa(user: User, *, now: datetime) -> list[CoverOffer]:
    """The PA's offers on shifts still to come that are waiting, or were not needed."""
    return list(
        CoverOffer.objects.filter(
            pa=user,
            slot__starts_at__gt=now,
            status__in=[CoverOffer.Status.OFFERED, CoverOffer.Status.NOT_NEEDED],
        )
        .select_related(*(f"slot__request__{name}" for name in REQUEST_RELATIONS))
        .order_by("slot__starts_at", "pk")
    )


def upcoming_bookings_for_pa(user: User, *, now: datetime) -> list[Booking]:
    return list(
        Booking.objects.filter(pa=user, status=Booking.Status.CONFIRMED, ends_at__gt=now)
        .select_related(*BOOKING_RELATIONS)
        .order_by("starts_at", "pk")
    )


def rota_bookings(user: User, *, starts: datetime, ends: datetime) -> list[Booking]:
    """The PA's confirmed bookings that overlap `starts` to `ends`, across every employer."""
    return list(
        Booking.objects.filter(
            pa=user, status=Booking.Status.CONFIRMED, starts_at__lt=ends, ends_at__gt=starts
        )
        .select_related(*BOOKING_RELATIONS, "timesheet")
        .order_by("starts_at", "pk")
    )


def request_for_pa_page(request: CoverRequest) -> CoverRequest:
    """The request with what its page shows, loaded once."""
    return (
        CoverRequest.objects.select_related(*REQUEST_RELATIONS)
        .prefetch_related(
            *_with_slots_and_tasks(""),
            Prefetch("required_skills", queryset=Skill.objects.order_by("name")),
        )
        .get(pk=request.pk)
    )


def pa_offers_on(request: CoverRequest, user: User) -> dict[int, CoverOffer]:
    """The PA's own offer on each slot of the request, by slot id."""
    offers = CoverOffer.objects.filter(slot__request=request, pa=user)
    return {offer.slot_id: offer for offer in offers}


def pa_bookings_on(request: CoverRequest, user: User) -> dict[int, Booking]:
    """The PA's confirmed booking on each slot of the request, by slot id."""
    bookings = Booking.objects.filter(
        slot__request=request, pa=user, status=Booking.Status.CONFIRMED
    )
    return {booking.slot_id: booking for booking in bookings}


def alert_of(request: CoverRequest, user: User) -> CoverAlert | None:
    return CoverAlert.objects.filter(request=request, pa=user).first()


def pools_for_pa(user: User) -> list[ReliefPoolMember]:
    """Invitations still to answer, then the pools the PA is in."""
    members = (
        ReliefPoolMember.objects.filter(
            pa=user,
            status__in=[ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE],
        )
        .select_related("employer__employer_profile__district")
        .order_by("-invited_at", "-pk")
    )
    return sorted(members, key=lambda member: member.status != ReliefPoolMember.Status.INVITED)


# Calendar feeds


def access_own_feed(user: User, feed_id: int) -> CalendarFeed:
    feed = get_object_or_404(CalendarFeed, pk=feed_id)
    if feed.user_id != user.pk:
        raise Http404
    return feed


def feeds_of(user: User) -> QuerySet[CalendarFeed]:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).order_by("-created_at")


def live_feed_for_token(token: str) -> CalendarFeed | None:
    """The feed a secret opens, if it is known, not revoked and its owner can still sign in."""
    return (
        CalendarFeed.objects.filter(
            token_digest=CalendarFeed.digest(token),
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .select_related("user")
        .first()
    )


def employers_acted_for(user: User) -> list[User]:
    """The employers this user may act for now. The broad query is checked person by person
    with the same rule the pages use, so a staff member's consent only counts in their area."""
    candidates = employers_user_can_act_for(user)
    return [employer for employer in candidates if can_act_for_employer(user, employer)]


def feed_bookings_for_pa(user: User, *, now: datetime) -> list[Booking]:
    """The PA's bookings for the feed: confirmed ones, and cancelled ones (so a subscribed
    calendar removes them)."""
    return list(
        Booking.objects.filter(pa=user, ends_at__gt=now - FEED_HISTORY)
        .select_related(*BOOKING_RELATIONS)
        .order_by("starts_at", "pk")
    )


def feed_bookings_for_employers(employers: list[User], *, now: datetime) -> list[Booking]:
    return list(
        Booking.objects.filter(employer__in=employers, ends_at__gt=now - FEED_HISTORY)
        .select_related(*BOOKING_RELATIONS)
        .order_by("starts_at", "pk")
    )


def feed_open_slots_for_employers(employers: list[User], *, now: datetime) -> list[CoverSlot]:
    """Shifts still looking for cover, so the employer's calendar shows the gap."""
    return list(
        CoverSlot.objects.filter(
            request__employer__in=employers,
            request__status=CoverRequest.Status.OPEN,
            status=CoverSlot.Status.OPEN,
            ends_at__gt=now,
        )
        .select_related("request__district", "request__employer__employer_profile")
        .order_by("starts_at", "pk")
    )


# Loading for the API's presenters, in a fixed number of queries however many rows


def requests_for_side(requests: QuerySet[CoverRequest], *, side: str, user: User) -> QuerySet:
    """Everything CoverRequestOut needs; a PA's prefetches hold only their own rows."""
    offers = CoverOffer.objects.select_related("pa")
    bookings = Booking.objects.filter(status=Booking.Status.CONFIRMED).select_related("pa")
    alerts = CoverAlert.objects.only("id", "request_id", "pa_id", "from_pool")
    if side == "pa":
        offers, bookings, alerts = (
            offers.filter(pa=user),
            bookings.filter(pa=user),
            alerts.filter(pa=user),
        )
    slots = CoverSlot.objects.prefetch_related(
        Prefetch("offers", queryset=offers), Prefetch("bookings", queryset=bookings)
    )
    skills = Skill.objects.only("id", "code", "name")
    return requests.select_related(
        "employer__employer_profile", "district", "required_language"
    ).prefetch_related(
        Prefetch("slots", queryset=slots),
        Prefetch("tasks", queryset=skills),
        Prefetch("required_skills", queryset=skills),
        Prefetch("alerts", queryset=alerts),
    )


def with_booking_details(bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    return bookings.select_related(
        "slot__request__district", "employer__employer_profile", "pa", "timesheet"
    )


def with_timesheet_details(timesheets: QuerySet[Timesheet]) -> QuerySet[Timesheet]:
    return timesheets.select_related(
        "booking__slot__request", "booking__employer__employer_profile", "booking__pa"
    )


def open_cover_request_count_in_area(local_authority_id: str, *, now: datetime) -> int:
    """How many cover requests in a council's area still look for a PA for a shift that has
    not started (a number only, for the spoke: nothing about who asked or where)."""
    return (
        CoverRequest.objects.filter(
            local_authority_id=local_authority_id, status=CoverRequest.Status.OPEN
        )
        .filter(
            Exists(
                CoverSlot.objects.filter(
                    request=OuterRef("pk"), status=CoverSlot.Status.OPEN, starts_at__gt=now
                )
            )
        )
        .count()
    )
