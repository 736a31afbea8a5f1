"""Raising a safeguarding concern, under /concerns/."""

app_name = "concerns"

urlpatterns: list = []
