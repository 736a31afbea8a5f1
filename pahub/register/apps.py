from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "pahub.register"
    label = "register"
    verbose_name = "PA register"

    def ready(self) -> None:
        from pahub.register import signals  # noqa: F401  (deletes private files with their rows)
