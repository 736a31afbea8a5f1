from django.urls import path, re_path

from pahub.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.home, name="home"),
    re_path(r"^report/(?P<year>\d{4})-(?P<month>\d{2})/$", views.report, name="report"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path(
        "<slug:slug>/<slug:key>.csv",
        views.download,
        {"extension": "csv"},
        name="download_csv",
    ),
    path(
        "<slug:slug>/<slug:key>.xlsx",
        views.download,
        {"extension": "xlsx"},
        name="download_xlsx",
    ),
]
