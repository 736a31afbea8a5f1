from django.apps import AppConfig


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.community"
    label = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        # The register shows endorsements on PA profiles without importing the community.
        from pahub.community.trust import profile_section

        profile_section.register()
