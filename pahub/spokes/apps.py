from django.apps import AppConfig


class SpokesConfig(AppConfig):
    name = "pahub.spokes"
    label = "spokes"
    verbose_name = "Local spokes"

    def ready(self) -> None:
        # The staff area links to the spokes someone edits only when they edit one.
        from pahub.accounts.navigation import register_staff_permission
        from pahub.spokes.permissions import edits_any_spoke

        register_staff_permission("edit_spoke", edits_any_spoke)
