"""A job's matches and a PA's matching jobs, under /matches/ beside the talent search."""

from django.urls import path

from pahub.jobs.matches import views

app_name = "job_matches"

urlpatterns = [
    path("job/<int:job_id>/", views.job_matches, name="for_job"),
    path("for-me/", views.for_me, name="for_me"),
]
