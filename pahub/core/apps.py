from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pahub.core"
    label = "core"
    verbose_name = "PA Hub core"

    def ready(self) -> None:
        # A worker leases the task it runs, so another finishes it if this one dies.
        from pahub.core import task_leases

        task_leases.connect_signals()
