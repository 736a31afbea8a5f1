"""The private zones' forum, under /community/. Fixed pages come before a zone's slug, and
zones never take their names (zones.RESERVED_SLUGS)."""

from django.urls import path

from pahub.community.forum import views

urlpatterns = [
    path("", views.community_home, name="home"),
    path("name/", views.community_name, name="name"),
    path("groups/new/", views.group_create, name="group_create"),
    path("<slug:zone_slug>/", views.zone_detail, name="zone"),
    path("<slug:zone_slug>/read/", views.zone_mark_read, name="zone_read"),
    path("<slug:zone_slug>/new/", views.thread_create, name="thread_create"),
    path("<slug:zone_slug>/members/", views.group_members, name="group_members"),
    path("<slug:zone_slug>/join/", views.group_join, name="group_join"),
    path("<slug:zone_slug>/leave/", views.group_leave, name="group_leave"),
    path("<slug:zone_slug>/invitation/", views.group_invitation, name="group_invitation"),
    path("<slug:zone_slug>/threads/<int:thread_id>/", views.thread_detail, name="thread"),
    path(
        "<slug:zone_slug>/threads/<int:thread_id>/follow/",
        views.thread_subscribe,
        name="thread_subscribe",
    ),
    path(
        "<slug:zone_slug>/threads/<int:thread_id>/unfollow/",
        views.thread_unsubscribe,
        name="thread_unsubscribe",
    ),
    path(
        "<slug:zone_slug>/threads/<int:thread_id>/posts/<int:post_id>/edit/",
        views.post_edit,
        name="post_edit",
    ),
]
