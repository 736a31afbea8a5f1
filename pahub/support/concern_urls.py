"""Raising a safeguarding concern, under /concerns/."""

from django.urls import include, path

app_name = "concerns"

urlpatterns = [path("", include("pahub.support.concerns.urls"))]
