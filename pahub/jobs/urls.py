"""Public vacancies, applications and saved searches, under /jobs/."""

from django.urls import path

from pahub.jobs.applications import views as application_views
from pahub.jobs.saved_searches import views as saved_search_views
from pahub.jobs.vacancies import views as public_views
from pahub.jobs.vacancies.feeds import OpenJobsFeed

app_name = "jobs"

urlpatterns = [
    path("", public_views.job_list, name="list"),
    path("feed.xml", OpenJobsFeed(), name="feed"),
    path("<int:job_id>/", public_views.job_detail, name="detail"),
    path("<int:job_id>/apply/", application_views.apply, name="apply"),
    path("<int:job_id>/invite/", application_views.invite, name="invite"),
    path("<int:job_id>/applicants/", application_views.applicants, name="applicants"),
    path("my-applications/", application_views.my_applications, name="my_applications"),
    path(
        "applications/<int:application_id>/withdraw/",
        application_views.withdraw,
        name="withdraw",
    ),
    path(
        "applications/<int:application_id>/shortlist/",
        application_views.shortlist,
        name="shortlist",
    ),
    path("applications/<int:application_id>/decline/", application_views.decline, name="decline"),
    path("applications/<int:application_id>/hire/", application_views.hire, name="hire"),
    # One address: GET lists the searches, POST saves one. Two names, for the two uses.
    path("saved-searches/", saved_search_views.saved_searches, name="saved_searches"),
    path("saved-searches/", saved_search_views.saved_searches, name="saved_search_create"),
    path(
        "saved-searches/<int:search_id>/alerts/",
        saved_search_views.alerts,
        name="saved_search_alerts",
    ),
    path(
        "saved-searches/<int:search_id>/delete/",
        saved_search_views.delete,
        name="saved_search_delete",
    ),
    path(
        "saved-searches/alerts-off/<str:token>/",
        saved_search_views.unsubscribe,
        name="saved_search_unsubscribe",
    ),
]
