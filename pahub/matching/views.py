"""Match pages about PAs: the employer's talent search, and how matching works for everyone.

Thin views: permission first, then the engine, then `presenters` shapes each result for the
template. A job's PAs and a PA's jobs are the job side's pages: `pahub.jobs.matches.views`.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from pahub.accounts.models import User
from pahub.core.pagination import pagination_items
from pahub.core.public import public_page
from pahub.employers.models import EmployerProfile

from . import engine
from .filters import TalentFilters, TalentSearchForm
from .permissions import may_search_talent
from .presenters import optional_url, pa_cards
from .scoring import DESCRIPTIONS, LABELS, WEIGHTS

# PAs a page: what a person reads before refining a search, as the job search shows. The
# best `engine.MAX_LIMIT` can be paged through.
TALENT_PAGE_SIZE = 20


def default_outcode(user: User) -> str:
    """Where a search starts: the searcher's employer district, else their own."""
    district = (
        EmployerProfile.objects.filter(user=user).values_list("district_id", flat=True).first()
    )
    return district or user.district_id or ""


@login_required
@require_GET
def talent(request: HttpRequest) -> HttpResponse:
    if not may_search_talent(request.user):
        raise PermissionDenied("The talent search is for employers and the people helping them.")
    # A later page of the first search (near the searcher) is still that search.
    searched = any(key != "page" for key in request.GET)
    if searched:
        form = TalentSearchForm(request.GET)
        filters = form.filters() if form.is_valid() else None
    else:
        outcode = default_outcode(request.user)
        form = TalentSearchForm(initial={"outcode": outcode, "miles": 10})
        filters = TalentFilters(outcode=outcode) if outcode else None
    page, total = None, 0
    if filters is not None:
        page, total = engine.search_talent_page(
            viewer=request.user,
            filters=filters,
            number=request.GET.get("page"),
            per_page=TALENT_PAGE_SIZE,
        )
    return render(
        request,
        "matching/talent.html",
        {
            "form": form,
            "filters": filters,
            "searched": searched,
            "page": page,
            "page_numbers": pagination_items(page) if page else [],
            "cards": pa_cards(page.object_list, first=page.start_index()) if page else [],
            "total": total,
            "limit": engine.MAX_LIMIT,
            "save_url": optional_url("jobs:saved_search_create"),
            "saved_query": urlencode(filters.to_query(), doseq=True) if filters else "",
            "suggested_name": suggested_name(filters) if filters else "",
        },
    )


def suggested_name(filters: TalentFilters) -> str:
    return f"PAs within {filters.miles} miles of {filters.outcode}"


@public_page
@require_GET
def how_matching_works(request: HttpRequest) -> HttpResponse:
    """The score's parts and weights, from the same constants the score uses."""
    parts = [
        {"label": LABELS[key], "how": DESCRIPTIONS[key], "weight": weight}
        for key, weight in WEIGHTS.items()
    ]
    return render(request, "matching/how_matching_works.html", {"parts": parts})
