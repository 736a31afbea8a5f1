from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pahub.core"
    label = "core"
    verbose_name = "PA Hub core"
