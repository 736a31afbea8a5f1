"""The library at /library/: guidance and templates, and templates filled from PA Hub's data."""

app_name = "library"
urlpatterns: list = []
