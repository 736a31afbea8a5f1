"""Asking for help, under /support/."""

from django.urls import path

from pahub.support.help import views

urlpatterns = [
    path("", views.start, name="home"),
    path("ask/", views.ask, name="ask"),
    path("requests/", views.my_requests, name="my_requests"),
    path("requests/<int:help_request_id>/", views.help_request_detail, name="help_request"),
    path("requests/<int:help_request_id>/reply/", views.help_request_reply, name="help_reply"),
    path(
        "requests/<int:help_request_id>/pick-up/",
        views.help_request_pick_up,
        name="help_pick_up",
    ),
    path("requests/<int:help_request_id>/call/", views.help_call_propose, name="help_call"),
    path(
        "requests/<int:help_request_id>/calls/<int:call_id>/answer/",
        views.help_call_answer,
        name="help_call_answer",
    ),
    path("requests/<int:help_request_id>/close/", views.help_request_close, name="help_close"),
    path(
        "requests/<int:help_request_id>/feedback/",
        views.help_request_feedback,
        name="help_feedback",
    ),
    path("queue/", views.queue, name="queue"),
]
