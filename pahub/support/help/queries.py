"""Reading requests for help: each list in a fixed number of queries, whatever its length."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from pahub.accounts.models import Organisation, User
from pahub.places.models import LocalAuthority
from pahub.support.models import HelpCall, HelpMessage, HelpRequest

# The organisations people can ask for help: support agencies and user-led organisations.
HELPER_KINDS = (Organisation.Kind.SUPPORT_AGENCY, Organisation.Kind.USER_LED)

# Closed requests stay in the queue's lower list for a while, so an adviser can find one
# they closed last week; the person keeps theirs for as long as they have an account.
CLOSED_IN_QUEUE = 50


def help_request_with_details(help_request_id: int) -> QuerySet[HelpRequest]:
    return HelpRequest.objects.select_related(
        "person", "on_behalf_of", "area", "organisation", "adviser"
    ).filter(pk=help_request_id)


def area_for(person: User, *, on_behalf_of: User | None = None) -> LocalAuthority | None:
    """Where the help is needed: the employer's area from their employer profile, else the
    home area of the person it is for."""
    subject = on_behalf_of or person
    profile = getattr(subject, "employer_profile", None)
    if profile is not None and profile.local_authority_id is not None:
        return profile.local_authority
    return subject.local_authority


def serving_organisations(area: LocalAuthority | None) -> QuerySet[Organisation]:
    """The support agencies and user-led organisations that work in an area."""
    if area is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(kind__in=HELPER_KINDS, local_authorities=area).order_by(
        "name"
    )


def staff_of(organisations: QuerySet[Organisation]) -> QuerySet[User]:
    return User.objects.filter(
        memberships__organisation__in=organisations, is_active=True, deleted_at__isnull=True
    ).distinct()


def my_help_requests(user: User) -> QuerySet[HelpRequest]:
    """Requests the person asked, or that their representative asked for them."""
    return (
        HelpRequest.objects.filter(Q(person=user) | Q(on_behalf_of=user))
        .select_related("organisation", "area", "on_behalf_of", "person")
        .order_by("-last_activity_at", "-id")
    )


def queue_for(organisations: QuerySet[Organisation]) -> tuple[list, list]:
    """Open requests for these organisations, waiting ones first, and recently closed ones.

    Waiting requests are those in any of the organisations' areas; the rest are only those
    the organisations picked up themselves."""
    areas = LocalAuthority.objects.filter(organisations__in=organisations)
    mine = Q(organisation__in=organisations)
    waiting = Q(status=HelpRequest.Status.WAITING, area__in=areas)
    base = HelpRequest.objects.select_related("person", "area", "organisation", "adviser")
    open_requests = (
        base.filter(waiting | (mine & Q(status=HelpRequest.Status.HELPING)))
        .annotate(
            waiting_first=Case(
                When(status=HelpRequest.Status.WAITING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting_first", "created_at", "id")
        .distinct()
    )
    closed = base.filter(mine, status=HelpRequest.Status.CLOSED).order_by("-closed_at", "-id")
    return list(open_requests), list(closed[:CLOSED_IN_QUEUE])


def thread_of(help_request: HelpRequest) -> list[HelpMessage]:
    return list(help_request.messages.select_related("author"))


def calls_of(help_request: HelpRequest) -> list[HelpCall]:
    return list(help_request.calls.all())
