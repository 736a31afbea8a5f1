"""Middleware that belongs to no app: core's, beneath every other."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from pahub.core.audit import client_ip_of


class ClientIPMiddleware:
    """Make the client's IP address available to `audit.record` for this request only."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with client_ip_of(request):
            return self.get_response(request)
