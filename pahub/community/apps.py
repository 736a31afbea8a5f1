from django.apps import AppConfig


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.community"
    label = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        # The staff area links to the community moderators' queue only for people who
        # moderate a zone, by the same rule as the queue itself.
        from pahub.accounts.navigation import register_staff_permission
        from pahub.community.moderation.permissions import moderates_any_zone

        register_staff_permission("moderate_community", moderates_any_zone)
