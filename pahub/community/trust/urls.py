"""Endorsements and private feedback, under /community/ (docs/community-trust.md)."""

from django.urls import path

from pahub.community.trust import views

urlpatterns = [
    path("endorsements/", views.endorsement_list, name="endorsements"),
    path("endorsements/ask/", views.endorsement_ask, name="endorsement_ask"),
    path(
        "endorsements/<int:endorsement_id>/write/",
        views.endorsement_write,
        name="endorsement_write",
    ),
    path(
        "endorsements/<int:endorsement_id>/decline/",
        views.endorsement_decline,
        name="endorsement_decline",
    ),
    path(
        "endorsements/<int:endorsement_id>/withdraw/",
        views.endorsement_withdraw,
        name="endorsement_withdraw",
    ),
    path(
        "endorsements/<int:endorsement_id>/show/",
        views.endorsement_visibility,
        name="endorsement_visibility",
    ),
    path("feedback/", views.feedback_start, name="feedback"),
    path("feedback/about/<int:person_id>/", views.feedback_send, name="feedback_send"),
    path("feedback/staff/", views.feedback_staff_queue, name="feedback_staff"),
    path(
        "feedback/staff/<int:feedback_id>/",
        views.feedback_staff_detail,
        name="feedback_staff_detail",
    ),
]
