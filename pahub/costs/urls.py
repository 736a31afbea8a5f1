from django.urls import path

from pahub.costs import views

app_name = "costs"

urlpatterns = [
    path("", views.calculator, name="calculator"),
    path("save/", views.plan_save, name="save"),
    path("plans/", views.plan_list, name="plans"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan"),
    path("plans/<int:plan_id>/change/", views.plan_edit, name="plan_edit"),
    path("plans/<int:plan_id>/print/", views.plan_print, name="plan_print"),
    path("plans/<int:plan_id>/plan.csv", views.plan_csv, name="plan_csv"),
    path("plans/<int:plan_id>/delete/", views.plan_delete, name="plan_delete"),
]
