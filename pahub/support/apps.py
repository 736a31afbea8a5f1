from django.apps import AppConfig


class SupportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.support"
    label = "support"
    verbose_name = "Support and safeguarding"

    def ready(self) -> None:
        # The staff area links to the safeguarding pages only for staff who may open them.
        from pahub.accounts.navigation import register_staff_permission
        from pahub.support.concerns.permissions import (
            areas_for_contact_editor,
            handles_safeguarding,
        )

        register_staff_permission("handle_safeguarding", handles_safeguarding)
        register_staff_permission(
            "set_safeguarding_contact", lambda user: areas_for_contact_editor(user).exists()
        )
        # The staff area links to the queue of requests for help only for staff of a support
        # agency or user-led organisation, who may open it.
        from pahub.support.help.permissions import is_helper

        register_staff_permission("help_people", is_helper)
