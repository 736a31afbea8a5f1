"""The CPD log and prior learning, under /learning/ (names in `learning:`)."""

from django.urls import path

from pahub.learning.cpd import views

urlpatterns = [
    path("cpd/", views.cpd_log, name="cpd"),
    path("cpd/add/", views.cpd_add, name="cpd_add"),
    path("cpd/review/", views.cpd_review, name="cpd_review"),
    path("cpd/export.csv", views.cpd_export_csv, name="cpd_export_csv"),
    path("cpd/export.pdf", views.cpd_export_pdf, name="cpd_export_pdf"),
    path("cpd/<int:entry_id>/", views.cpd_edit, name="cpd_edit"),
    path("cpd/<int:entry_id>/delete/", views.cpd_delete, name="cpd_delete"),
    path("cpd/<int:entry_id>/evidence/", views.cpd_evidence, name="cpd_evidence"),
    path("prior-learning/", views.prior_learning, name="prior_learning"),
    path("prior-learning/add/", views.prior_learning_add, name="prior_learning_add"),
    path("prior-learning/<int:record_id>/", views.prior_learning_edit, name="prior_learning_edit"),
    path(
        "prior-learning/<int:record_id>/delete/",
        views.prior_learning_delete,
        name="prior_learning_delete",
    ),
]
