from django.apps import AppConfig


class SpokesConfig(AppConfig):
    name = "pahub.spokes"
    label = "spokes"
    verbose_name = "Local spokes"
