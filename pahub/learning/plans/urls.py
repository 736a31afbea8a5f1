"""The self-assessment and the learning plan, under /learning/ (names in `learning:`)."""

from django.urls import path

from pahub.learning.plans import views

urlpatterns = [
    path("self-assessment/", views.self_assessment, name="self_assessment"),
    path(
        "self-assessment/<slug:group>/",
        views.self_assessment_group,
        name="self_assessment_group",
    ),
    path("plan/", views.plan, name="plan"),
    path("plan/make/", views.plan_make, name="plan_make"),
    path("plan/add/", views.plan_step_add, name="plan_step_add"),
    path("plan/<int:item_id>/note/", views.plan_step_note, name="plan_step_note"),
    path("plan/<int:item_id>/<slug:action>/", views.plan_step_action, name="plan_step_action"),
]
