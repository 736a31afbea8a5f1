"""Asking for help, under /support/. Each part keeps its own urls module."""

app_name = "support"

urlpatterns: list = []
