"""Moderation of reported messages, mounted at /staff/moderation/ (two-factor enforced)."""

from django.urls import path

from pahub.messaging import staff_views as views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("reports/<int:report_id>/", views.report_detail, name="report"),
]
