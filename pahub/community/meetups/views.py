"""The meet-ups listing. Each meet-up's page, saying you're coming and the calendar file are
the learning zone's event pages (see the package's note)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from pahub.community.meetups.forms import MeetupSearchForm
from pahub.core.pagination import pagination_items
from pahub.core.public import public_page
from pahub.learning.events import permissions, queries


@public_page
@require_GET
def meetup_list(request: HttpRequest) -> HttpResponse:
    form = MeetupSearchForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        search = queries.search_events(form.to_filters())
        page = queries.page_of_events(search, request.GET.get("page"))
    return render(
        request,
        "community/meetups/list.html",
        {
            "form": form,
            "page": page,
            "page_numbers": pagination_items(page) if page is not None else [],
            "filtered": form.has_filters,
            "searched_from": form.origin.name if form.origin else "",
            "may_post": permissions.is_organiser(request.user),
        },
    )
