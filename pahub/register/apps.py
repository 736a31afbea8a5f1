from importlib import import_module

from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "pahub.register"
    label = "register"
    verbose_name = "PA register"

    def import_models(self) -> None:
        super().import_models()
        # Equality monitoring's model lives in its own package so that `register.models`,
        # which matching and employer pages import, never imports it (pyproject.toml's
        # "equality" contract); Django still finds it here, as one of the register's models.
        import_module("pahub.register.equality.models")

    def ready(self) -> None:
        from pahub.accounts.navigation import register_staff_permission
        from pahub.register import signals  # noqa: F401  (deletes private files with their rows)
        from pahub.register.permissions import is_verifier

        # The staff area links to the evidence queue only for those `verifier_required` lets in.
        register_staff_permission("check_evidence", is_verifier)
