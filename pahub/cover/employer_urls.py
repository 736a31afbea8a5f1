"""The employer side of cover, under /cover/: the cover home, relief pools, requests, the
calendar and hours. Included by pahub/cover/urls.py (app_name "cover"); the PA side's paths
(for-me/, pools/, bookings/, rota/, feeds/) are in pa_urls.py."""

from django.urls import path

from pahub.cover import employer_views as views
from pahub.cover import hours_views

urlpatterns = [
    path("", views.home, name="home"),
    path("pool/<int:employer_id>/", views.pool, name="pool"),
    path("pool/members/<int:member_id>/remove/", views.pool_remove, name="pool_remove"),
    path("requests/new/<int:employer_id>/", views.request_new, name="request_new"),
    path("requests/<int:request_id>/", views.request_detail, name="request"),
    path("requests/<int:request_id>/cancel/", views.request_cancel, name="request_cancel"),
    path("requests/offers/<int:offer_id>/confirm/", views.offer_confirm, name="offer_confirm"),
    path(
        "requests/bookings/<int:booking_id>/cancel/",
        views.request_booking_cancel,
        name="request_booking_cancel",
    ),
    path("calendar/<int:employer_id>/", hours_views.calendar, name="calendar"),
    path("timesheets/", hours_views.timesheets, name="timesheets"),
    path("timesheets/hours/<int:timesheet_id>/", hours_views.timesheet_detail, name="timesheet"),
    path(
        "timesheets/hours/<int:timesheet_id>/approve/",
        hours_views.timesheet_approve,
        name="timesheet_approve",
    ),
    path(
        "timesheets/<int:employer_id>/export/",
        hours_views.timesheets_export_choose,
        name="timesheets_export_choose",
    ),
    path(
        "timesheets/<int:employer_id>/export.csv",
        hours_views.timesheets_export,
        name="timesheets_export",
    ),
]
