"""Asking for help, under /support/. Each part keeps its own urls module."""

from django.urls import include, path

app_name = "support"

urlpatterns: list = [
    path("", include("pahub.support.help.urls")),
]
