"""The community's pages, under /community/. Each part keeps its own urls module."""

from django.urls import include, path

app_name = "community"

# The forum's zone pages are /community/<zone slug>/..., so every other part's include must
# come before it, with a first path segment listed in forum/zones.py RESERVED_SLUGS.
urlpatterns: list = [
    path("", include("pahub.community.moderation.urls")),
    path("", include("pahub.community.trust.urls")),
    path("", include("pahub.community.meetups.urls")),
    path("", include("pahub.community.forum.urls")),
]
