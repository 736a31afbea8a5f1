from django.urls import path  # noqa: F401

app_name = "staff_employers"
urlpatterns: list = []
