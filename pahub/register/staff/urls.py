"""Staff pages of the register, under /staff/register/ (two-factor enforced)."""

from django.urls import path

from pahub.register.staff import views

app_name = "register_staff"

urlpatterns = [
    path("", views.register_search, name="search"),
    path("export.<str:file_format>", views.register_export, name="export"),
    path("pas/new/", views.pa_create, name="pa_create"),
    path("pas/<int:profile_id>/", views.profile_detail, name="profile"),
    path("pas/<int:profile_id>/print/", views.profile_print, name="profile_print"),
    path("pas/<int:profile_id>/edit/", views.profile_edit, name="profile_edit"),
    path("pas/<int:profile_id>/induction/", views.induction, name="induction"),
    path("pas/<int:profile_id>/consent/", views.consent, name="consent"),
    path(
        "pas/<int:profile_id>/consent/<int:consent_id>/withdraw/",
        views.consent_withdrawn,
        name="consent_withdraw",
    ),
    path("verification/", views.verification_queue, name="queue"),
    path("verification/<int:evidence_id>/", views.evidence_detail, name="evidence"),
]
