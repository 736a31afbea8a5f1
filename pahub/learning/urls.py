"""The learning zone's pages, under /learning/. Each feature keeps its own urls module."""

app_name = "learning"

urlpatterns: list = []
