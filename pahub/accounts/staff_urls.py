from django.urls import path

from pahub.accounts import staff_views as views

app_name = "staff"

urlpatterns = [
    path("", views.staff_home, name="home"),
    path("organisations/<int:organisation_id>/", views.organisation_detail, name="organisation"),
    path("organisations/<int:organisation_id>/invite/", views.invite, name="invite"),
    path(
        "organisations/<int:organisation_id>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "organisations/<int:organisation_id>/members/<int:membership_id>/safeguarding/",
        views.member_safeguarding,
        name="member_safeguarding",
    ),
    path(
        "organisations/<int:organisation_id>/members/<int:membership_id>/insights/",
        views.member_insights,
        name="member_insights",
    ),
    path(
        "organisations/<int:organisation_id>/api-keys/new/", views.api_key_new, name="api_key_new"
    ),
    path(
        "organisations/<int:organisation_id>/api-keys/<int:key_id>/",
        views.api_key_created,
        name="api_key_created",
    ),
    path(
        "organisations/<int:organisation_id>/api-keys/<int:key_id>/revoke/",
        views.api_key_revoke,
        name="api_key_revoke",
    ),
    path("representatives/record/", views.record_grant, name="record_grant"),
    path("audit/", views.audit_log, name="audit_log"),
    path("emails/", views.emails, name="emails"),
    path("emails/<int:email_id>/retry/", views.email_retry, name="email_retry"),
]
