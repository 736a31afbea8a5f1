"""Courses and events from providers, under /learning/events/."""

from django.urls import path

from pahub.learning.events import views

urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/booked/", views.my_bookings, name="my_bookings"),
    path("events/<int:event_id>/", views.event_detail, name="event_detail"),
    path("events/<int:event_id>/book/", views.event_book, name="event_book"),
    path(
        "events/<int:event_id>/cancel-booking/",
        views.event_booking_cancel,
        name="event_booking_cancel",
    ),
    path("events/<int:event_id>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("events/manage/", views.manage_list, name="event_manage"),
    path("events/manage/new/", views.manage_create, name="event_create"),
    path("events/manage/<int:event_id>/edit/", views.manage_edit, name="event_edit"),
    path("events/manage/<int:event_id>/publish/", views.manage_publish, name="event_publish"),
    path("events/manage/<int:event_id>/cancel/", views.manage_cancel, name="event_cancel"),
    path(
        "events/manage/organisations/<int:organisation_id>/peer-supporters/",
        views.peer_supporters,
        name="peer_supporters",
    ),
    path(
        "events/manage/organisations/<int:organisation_id>/peer-supporters/"
        "<int:peer_supporter_id>/end/",
        views.peer_supporter_end,
        name="peer_supporter_end",
    ),
]
