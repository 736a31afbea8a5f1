"""The talent search and "How matching works", under /matches/ (a job's matches and a
PA's jobs share the prefix: `pahub.jobs.matches.urls`)."""

from django.urls import path

from pahub.matching import views

app_name = "matching"

urlpatterns = [
    path("talent/", views.talent, name="talent"),
    path("how-it-works/", views.how_matching_works, name="how_matching_works"),
]
