"""The learning zone's pages, under /learning/. Each feature keeps its own urls module."""

from django.urls import include, path

app_name = "learning"

urlpatterns: list = [
    path("manage/courses/", include("pahub.learning.authoring.urls")),
    path("", include("pahub.learning.plans.urls")),
    path("", include("pahub.learning.cpd.urls")),
    path("", include("pahub.learning.courses.urls")),
    path("suggestions/", include("pahub.learning.suggestions.urls")),
    path("", include("pahub.learning.events.urls")),
]
