from django.apps import AppConfig


class CoverConfig(AppConfig):
    name = "pahub.cover"
    label = "cover"
    verbose_name = "Cover and bookings"

    def ready(self) -> None:
        from pahub.accounts.navigation import register_header_count
        from pahub.cover.queries import new_cover_alert_count

        register_header_count("cover", new_cover_alert_count)
