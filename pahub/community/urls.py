"""The community's pages, under /community/. Each part keeps its own urls module."""

app_name = "community"

urlpatterns: list = []
