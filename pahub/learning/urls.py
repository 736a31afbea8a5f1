"""The learning zone's pages, under /learning/. Each feature keeps its own urls module."""

from django.urls import include, path

app_name = "learning"

urlpatterns: list = [
    path("", include("pahub.learning.events.urls")),
]
