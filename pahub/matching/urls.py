"""Match pages, under /matches/."""

from django.urls import path

from pahub.matching import views

app_name = "matching"

urlpatterns = [
    path("job/<int:job_id>/", views.job_matches, name="job_matches"),
    path("for-me/", views.for_me, name="for_me"),
    path("talent/", views.talent, name="talent"),
    path("how-it-works/", views.how_matching_works, name="how_matching_works"),
]
