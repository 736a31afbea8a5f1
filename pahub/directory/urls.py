"""The directory of organisations and services, under /directory/."""

from django.urls import path

from pahub.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.directory_search, name="search"),
    path("services/<int:service_id>/", views.service_detail, name="service"),
    path("download.csv", views.download_csv, name="download_csv"),
    path("download.json", views.download_json, name="download_json"),
    path("manage/", views.manage_home, name="manage"),
    path(
        "manage/organisations/<int:organisation_id>/start/",
        views.entry_create,
        name="entry_create",
    ),
    path("manage/entries/<int:entry_id>/", views.entry_edit, name="entry_edit"),
    path(
        "manage/entries/<int:entry_id>/services/new/",
        views.service_create,
        name="service_create",
    ),
    path("manage/services/<int:service_id>/", views.service_edit, name="service_edit"),
    path(
        "manage/services/<int:service_id>/withdraw/",
        views.service_withdraw,
        name="service_withdraw",
    ),
    path("review/", views.review_home, name="review"),
    path("review/services/<int:service_id>/", views.review_service, name="review_service"),
    path("review/entries/<int:entry_id>/standard/", views.review_standard, name="review_standard"),
]
