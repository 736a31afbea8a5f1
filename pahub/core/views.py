"""Public pages: the home page, information for visitors, and error pages."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from pahub.core import retention
from pahub.core.public import public_page


@public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@public_page
def becoming_a_pa(request: HttpRequest) -> HttpResponse:
    return render(request, "core/becoming_a_pa.html")


@public_page
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@public_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@public_page
def privacy_retention(request: HttpRequest) -> HttpResponse:
    """Every retention rule, in plain English, from the same registry the daily task runs."""
    rules = [
        {"rule": rule, "kept_while": retention.registry.kept_while(rule)}
        for rule in retention.registry
    ]
    return render(request, "core/privacy_retention.html", {"rules": rules})


@public_page
def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "core/cookies.html")


@public_page
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "core/contact.html")


@public_page
def licence(request: HttpRequest) -> HttpResponse:
    return render(request, "core/licence.html")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A body that cannot be read (a multipart form without a boundary): the page, not
    Django's bare one, with the request's context so the header and help line show."""
    return render(request, "400.html", status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the usual context processors, which may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(
        template.render({"support": settings.PAHUB_SUPPORT, "navigation": []})
    )
