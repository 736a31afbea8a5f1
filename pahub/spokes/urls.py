"""Each council's spoke at /areas/<slug>/."""

app_name = "spokes"
urlpatterns: list = []
