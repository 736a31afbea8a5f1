from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "pahub.register"
    label = "register"
    verbose_name = "PA register"

    def ready(self) -> None:
        from pahub.accounts.exports import register_exporter
        from pahub.register import signals  # noqa: F401  (deletes private files with their rows)
        from pahub.register.exports import export_register_data

        register_exporter("pa_register", export_register_data)
