"""A PA's evidence, references and the code of conduct; the referee's one-time page."""

from django.urls import path

from pahub.register.evidence import views

urlpatterns = [
    path("code-of-conduct/", views.code, name="code"),
    path("code-of-conduct/publish/", views.code_publish, name="code_publish"),
    path("evidence/", views.evidence_overview, name="evidence"),
    path("evidence/add/<slug:kind_slug>/", views.evidence_add, name="evidence_add"),
    path("evidence/<int:evidence_id>/change/", views.evidence_edit, name="evidence_edit"),
    path("evidence/<int:evidence_id>/withdraw/", views.evidence_withdraw, name="evidence_withdraw"),
    path(
        "evidence/<int:evidence_id>/document/",
        views.evidence_document,
        name="evidence_document",
    ),
    path("evidence/references/new/", views.reference_request, name="reference_request"),
    path(
        "evidence/references/<int:evidence_id>/send-again/",
        views.reference_send_again,
        name="reference_send_again",
    ),
    path("reference/<str:token>/", views.reference_answer, name="reference_answer"),
]
