"""Module suggestions, under /learning/suggestions/ (namespace "learning:suggestions")."""

from django.urls import path

from pahub.learning.suggestions import views

app_name = "suggestions"

urlpatterns = [
    path("", views.suggestion_list, name="list"),
    path("new/", views.suggestion_new, name="new"),
    path("new/<int:employer_id>/", views.suggestion_new, name="new_for"),
    path("<int:suggestion_id>/dismiss/", views.suggestion_dismiss_view, name="dismiss"),
]
