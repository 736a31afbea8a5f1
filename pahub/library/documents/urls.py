"""The document pages under /library/<slug>/fill/ (joined into `library.urls`, namespace
"library")."""

from django.urls import path

from pahub.library.documents import views

urlpatterns = [
    path("<slug:slug>/fill/", views.choose_job, name="fill_choose"),
    path("<slug:slug>/fill/<int:job_id>/", views.filled, name="fill"),
    path("<slug:slug>/fill/<int:job_id>/docx/", views.filled_docx, name="fill_docx"),
]
