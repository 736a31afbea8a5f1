from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from pahub.accounts.navigation import register_header_count
        from pahub.notifications.queries import unread_count

        register_header_count("notifications", unread_count)
