from django.contrib import admin
from django.urls import include, path

from pahub.accounts.views import admin_login_through_allauth
from pahub.api import api_urls
from pahub.employers import urls as employer_urls
from pahub.jobs import employer_urls as job_builder_urls

admin.site.site_header = "PA Hub administration"
admin.site.site_title = "PA Hub administration"
# Admins sign in through allauth, so lockout and two-factor apply to /admin/ too.
admin.site.login = admin_login_through_allauth

urlpatterns = [
    path("", include("pahub.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("my-account/", include("pahub.accounts.urls")),
    path("register/", include("pahub.register.urls")),
    path("staff/register/", include("pahub.register.staff.urls")),
    path("staff/moderation/", include("pahub.messaging.staff_urls")),
    path("staff/employers/", include("pahub.employers.staff_urls")),
    path("staff/imports/", include("pahub.accounts.imports.urls")),
    # One "employer" namespace for the employer's own pages and the job builder under them.
    path(
        "employer/",
        include(([*employer_urls.urlpatterns, *job_builder_urls.urlpatterns], "employer")),
    ),
    path("jobs/", include("pahub.jobs.urls")),
    path("matches/", include("pahub.matching.urls")),
    path("matches/", include("pahub.jobs.matches.urls")),
    path("messages/", include("pahub.messaging.urls")),
    path("cover/", include("pahub.cover.urls")),
    path("notifications/", include("pahub.notifications.urls")),
    path("learning/", include("pahub.learning.urls")),
    path("community/", include("pahub.community.urls")),
    path("support/", include("pahub.support.urls")),
    path("concerns/", include("pahub.support.concern_urls")),
    path("costs/", include("pahub.costs.urls")),
    path("directory/", include("pahub.directory.urls")),
    path("library/", include("pahub.library.urls")),
    # Before the spokes' pages, so /areas/<slug>/rules/ is this app's.
    path("areas/<slug:council>/rules/", include("pahub.rules.urls")),
    path("areas/", include("pahub.spokes.urls")),
    path("staff/", include("pahub.accounts.staff_urls")),
    path("insights/", include("pahub.insights.urls")),
    path("api/v1/", api_urls()),
    path("admin/", admin.site.urls),
]

handler400 = "pahub.core.views.bad_request"
handler500 = "pahub.core.views.server_error"
