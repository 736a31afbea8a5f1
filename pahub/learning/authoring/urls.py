"""Authoring pages, under /learning/manage/courses/."""

from django.urls import path

from pahub.learning.authoring import views

app_name = "authoring"

MODULE = "<int:course_id>/modules/<int:draft_id>/"
QUESTION = MODULE + "questions/<int:number>/"

urlpatterns = [
    path("", views.course_list, name="courses"),
    path("new/", views.course_create, name="course_create"),
    path("<int:course_id>/", views.course_detail, name="course"),
    path("<int:course_id>/publish/", views.course_publish, name="course_publish"),
    path("<int:course_id>/modules/new/", views.draft_create, name="module_create"),
    path(MODULE, views.draft_detail, name="module"),
    path(MODULE + "edit/", views.draft_edit, name="module_edit"),
    path(MODULE + "preview/", views.draft_preview, name="module_preview"),
    path(MODULE + "publish/", views.draft_publish, name="module_publish"),
    path(MODULE + "retire/", views.draft_retire, name="module_retire"),
    path(MODULE + "questions/new/", views.question_add, name="question_add"),
    path(QUESTION, views.question_edit, name="question_edit"),
    path(QUESTION + "delete/", views.question_delete, name="question_delete"),
    path(QUESTION + "move/", views.question_move, name="question_move"),
]
