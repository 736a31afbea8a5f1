"""A council's local rules, under /areas/<slug>/rules/ (included before the spokes' pages)."""

from django.urls import path

from pahub.rules import views

app_name = "rules"

urlpatterns = [
    path("", views.rules_list, name="list"),
    path("manage/", views.rules_manage, name="manage"),
    path("manage/add/<slug:kind>/", views.rule_add, name="add"),
    path("manage/<int:rule_id>/", views.rule_edit, name="edit"),
    path("manage/<int:rule_id>/retire/", views.rule_retire, name="retire"),
]
