"""Who may see and act on a request for help. The only place these rules live: pages and the
API call the same helpers.

- The person who asked sees their own request, and so does the employer a representative
  asked for.
- While a request waits, staff of every support agency or user-led organisation serving its
  area see it, so one of them can pick it up.
- Once picked up, only staff of the organisation that picked it up see it: the thread is
  private between the person and that organisation.
- Anyone else, site admins included, gets 404, so nobody learns a request exists.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Membership, Organisation, User
from pahub.support.help.queries import HELPER_KINDS, help_request_with_details
from pahub.support.models import HelpRequest


def helper_organisations(user: User) -> QuerySet[Organisation]:
    """The support agencies and user-led organisations this person works for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, kind__in=HELPER_KINDS)


def is_helper(user: User) -> bool:
    """Staff of at least one organisation that helps people who ask."""
    return helper_organisations(user).exists()


def is_asker(user: User, help_request: HelpRequest) -> bool:
    if not user.is_authenticated:
        return False
    if help_request.person_id == user.pk:
        return True
    return help_request.on_behalf_of_id is not None and help_request.on_behalf_of_id == user.pk


def works_for_picker(user: User, help_request: HelpRequest) -> bool:
    """Staff of the organisation that picked the request up."""
    return (
        user.is_authenticated
        and help_request.organisation_id is not None
        and Membership.objects.filter(
            user=user, organisation_id=help_request.organisation_id
        ).exists()
    )


def serves_area(user: User, help_request: HelpRequest) -> bool:
    """Staff of a helping organisation that works in the request's area."""
    return helper_organisations(user).filter(local_authorities=help_request.area_id).exists()


def helps_with(user: User, help_request: HelpRequest) -> bool:
    if help_request.organisation_id is not None:
        return works_for_picker(user, help_request)
    return serves_area(user, help_request)


def access_help_request(user: User, help_request_id: int) -> HelpRequest:
    """The only way a page or the API loads a request for help to show it."""
    help_request = get_object_or_404(help_request_with_details(help_request_id))
    if is_asker(user, help_request):
        return help_request
    if helps_with(user, help_request):
        return help_request
    raise Http404


def access_help_request_for_asker(user: User, help_request_id: int) -> HelpRequest:
    """A request the person asked (or was asked for them): saying whether it helped,
    answering a proposed call."""
    help_request = get_object_or_404(help_request_with_details(help_request_id))
    if not is_asker(user, help_request):
        raise Http404
    return help_request


def access_help_request_for_helper(user: User, help_request_id: int) -> HelpRequest:
    """A request an organisation's staff may act on: picking it up while it waits in their
    area, or replying, proposing a call and closing once their organisation has it."""
    help_request = get_object_or_404(help_request_with_details(help_request_id))
    if not helps_with(user, help_request):
        raise Http404
    return help_request


def access_help_request_for_pick_up(user: User, help_request_id: int) -> HelpRequest:
    """A request staff serving its area may try to pick up. Unlike the thread, it stays
    found after someone else picked it up, so an adviser who pressed second is told so
    rather than shown a 404 for a request they saw waiting a moment ago."""
    help_request = get_object_or_404(help_request_with_details(help_request_id))
    if not serves_area(user, help_request):
        raise Http404
    return help_request
