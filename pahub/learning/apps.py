from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        from pahub.learning.courses.signals import load_courses_after_migrate

        post_migrate.connect(load_courses_after_migrate, sender=self, dispatch_uid="load_courses")

        # The register shows completed courses on PA profiles without importing learning.
        from pahub.learning import profile_section

        profile_section.register()
