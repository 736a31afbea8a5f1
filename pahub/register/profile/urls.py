"""The profile builder, its preview, and PA profiles as others see them (under /register/)."""

from django.urls import path

from pahub.register.profile import views as profile_views

urlpatterns = [
    path("profile/", profile_views.profile_overview, name="profile"),
    path("profile/preview/", profile_views.profile_preview, name="profile_preview"),
    path("profile/pause/", profile_views.profile_pause, name="profile_pause"),
    path("profile/<slug:step>/", profile_views.profile_step, name="profile_step"),
    path("pas/<int:profile_id>/", profile_views.profile_detail, name="profile_detail"),
    path("pas/<int:profile_id>/photo/", profile_views.profile_photo, name="profile_photo"),
]
