"""The PA side of cover: alerts, offers, relief pools, bookings, the rota and calendar feeds.

Included by pahub/cover/urls.py (app_name "cover"), so every name here is `cover:<name>`.
The booking pages serve the booked PA and the employer side alike.
"""

from django.urls import path, re_path

from pahub.cover import pa_views, rota_views

urlpatterns = [
    path("for-me/", pa_views.pa_home, name="pa_home"),
    path("for-me/<int:request_id>/", pa_views.pa_request, name="pa_request"),
    path(
        "for-me/<int:request_id>/shifts/<int:slot_id>/offer/",
        pa_views.pa_offer,
        name="pa_offer",
    ),
    path(
        "for-me/<int:request_id>/offers/<int:offer_id>/withdraw/",
        pa_views.pa_offer_withdraw,
        name="pa_offer_withdraw",
    ),
    path("pools/", pa_views.pools, name="pools"),
    path("pools/<int:member_id>/answer/", pa_views.pool_answer, name="pool_answer"),
    path("pools/<int:member_id>/leave/", pa_views.pool_leave_view, name="pool_leave"),
    path("bookings/<int:booking_id>/", pa_views.booking_detail, name="booking"),
    path("bookings/<int:booking_id>/cancel/", pa_views.booking_cancel_view, name="booking_cancel"),
    path("bookings/<int:booking_id>/hours/", pa_views.booking_hours, name="booking_hours"),
    path("bookings/<int:booking_id>/booking.ics", pa_views.booking_ics, name="booking_ics"),
    path("rota/", rota_views.rota_view, name="rota"),
    path("feeds/", rota_views.feeds, name="feeds"),
    path("feeds/<int:feed_id>/stop/", rota_views.feed_stop, name="feed_stop"),
    # The secret is CalendarFeed.new_token(): URL-safe base64, 43 characters.
    re_path(r"^feeds/(?P<token>[A-Za-z0-9_-]{20,100})\.ics$", rota_views.feed, name="feed"),
]
