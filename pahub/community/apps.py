from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.community"
    label = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        from pahub.community.forum.signals import ensure_zones_after_migrate

        post_migrate.connect(
            ensure_zones_after_migrate, sender=self, dispatch_uid="community_zones"
        )
        # The staff area links to the community moderators' queue only for people who
        # moderate a zone, by the same rule as the queue itself.
        from pahub.accounts.navigation import register_staff_permission
        from pahub.community.moderation.permissions import moderates_any_zone

        register_staff_permission("moderate_community", moderates_any_zone)
        # The register shows endorsements on PA profiles without importing the community.
        from pahub.community.trust import profile_section

        profile_section.register()
