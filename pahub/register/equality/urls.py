"""The PA's equality monitoring pages, under /register/equality/."""

from django.urls import path

from pahub.register.equality import views

urlpatterns = [
    path("equality/", views.equality_overview, name="equality"),
    path("equality/questions/", views.equality_questions, name="equality_questions"),
    path("equality/background/", views.equality_background, name="equality_background"),
    path("equality/decline/", views.equality_decline, name="equality_decline"),
    path("equality/delete/", views.equality_delete, name="equality_delete"),
]
