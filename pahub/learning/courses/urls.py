"""Courses, quizzes and certificates, under /learning/ (included from learning/urls.py; the
names share the `learning:` namespace)."""

from django.urls import path

from pahub.learning.courses import views

urlpatterns = [
    path("", views.home, name="home"),
    path("courses/<slug:course_slug>/", views.course_detail, name="course"),
    path("courses/<slug:course_slug>/<slug:module_slug>/", views.module_page, name="module"),
    path(
        "courses/<slug:course_slug>/<slug:module_slug>/<int:page_number>/",
        views.module_page,
        name="module_page",
    ),
    path(
        "courses/<slug:course_slug>/<slug:module_slug>/print/",
        views.module_print,
        name="module_print",
    ),
    path("courses/<slug:course_slug>/<slug:module_slug>/quiz/", views.quiz, name="quiz"),
    path(
        "courses/<slug:course_slug>/<slug:module_slug>/quiz/results/<int:attempt_id>/",
        views.quiz_result,
        name="quiz_result",
    ),
    path("certificates/", views.certificate_list, name="certificates"),
    path("certificates/<str:code>/", views.certificate_detail, name="certificate"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf_download, name="certificate_pdf"),
    path(
        "certificates/<str:code>/profile/",
        views.certificate_show_on_profile,
        name="certificate_show_on_profile",
    ),
    path("verify/", views.verify, name="verify"),
]
