"""The community's pages, under /community/. Each part keeps its own urls module."""

from django.urls import include, path

app_name = "community"

urlpatterns: list = [
    path("", include("pahub.community.meetups.urls")),
]
