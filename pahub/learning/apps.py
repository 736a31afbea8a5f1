from django.apps import AppConfig


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        # The register shows completed courses on PA profiles without importing learning.
        from pahub.learning import profile_section

        profile_section.register()
