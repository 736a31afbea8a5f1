from django.apps import AppConfig


class CoverConfig(AppConfig):
    name = "pahub.cover"
    label = "cover"
    verbose_name = "Cover and bookings"

    def ready(self) -> None:
        from pahub.accounts.navigation import register_header_count
        from pahub.cover.queries import new_cover_alert_count

        register_header_count("cover", new_cover_alert_count)

        from pahub.cover.services.requests import follow_council_rules
        from pahub.rules.followers import register_rule_follower

        # A council's new or changed rule applies to its employers' open cover requests.
        register_rule_follower("cover", follow_council_rules)
