"""Reporting and moderation of community posts, under /community/."""

from django.urls import path

from pahub.community.moderation import views

app_name = "moderation"

urlpatterns = [
    path("posts/<int:post_id>/report/", views.report, name="report"),
    path("posts/<int:post_id>/report/sent/", views.report_sent, name="report_sent"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/posts/<int:post_id>/", views.post_review, name="post"),
    path(
        "moderation/suspensions/<int:suspension_id>/lift/",
        views.suspension_lift,
        name="suspension_lift",
    ),
    path("moderation/about-you/", views.about_you, name="about_you"),
    path("suspensions/<int:suspension_id>/", views.suspension, name="suspension"),
]
