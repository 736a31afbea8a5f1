"""Bulk imports for organisation staff, under /staff/imports/."""

from django.urls import path

from pahub.accounts.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_list, name="list"),
    path("new/", views.import_new, name="new"),
    path("<int:run_id>/", views.import_detail, name="detail"),
    path("<int:run_id>/columns/", views.import_columns, name="columns"),
    path("<int:run_id>/confirm/", views.import_confirm, name="confirm"),
    path("<int:run_id>/resume/", views.import_resume, name="resume"),
    path("<int:run_id>/report.csv", views.import_report_csv, name="report_csv"),
]
