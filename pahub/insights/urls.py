from django.urls import path

from pahub.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.home, name="home"),
    path("report/<str:month>/", views.report, name="report"),
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
