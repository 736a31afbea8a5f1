"""Staff pages for employers, under /staff/employers/ (two-factor enforced)."""

from django.urls import path

from pahub.employers import staff_views as views

app_name = "staff_employers"

urlpatterns = [
    path("", views.search, name="search"),
    path("<int:employer_id>/", views.employer_detail, name="employer"),
    path("<int:employer_id>/consent/", views.consent, name="consent"),
    path(
        "<int:employer_id>/consent/<int:consent_id>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
]
