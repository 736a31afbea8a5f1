"""Values every page needs."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"support": settings.PAHUB_SUPPORT}
