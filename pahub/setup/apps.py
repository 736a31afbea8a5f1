from django.apps import AppConfig


class SetupConfig(AppConfig):
    """The project's top: demo and seed orchestration, which may import every app.

    Nothing imports this app, so `core` stays the ground floor.
    """

    name = "pahub.setup"
    label = "setup"
    verbose_name = "PA Hub demo and seed"
