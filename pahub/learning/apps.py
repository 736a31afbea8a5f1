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

        # The staff area links to course and event pages only for staff who may open them.
        from pahub.accounts.navigation import register_staff_permission
        from pahub.learning.authoring.permissions import is_course_author
        from pahub.learning.events.permissions import is_organiser

        register_staff_permission("author_courses", is_course_author)
        register_staff_permission("organise_events", is_organiser)

        # The register shows completed courses on PA profiles without importing learning.
        from pahub.learning import profile_section

        profile_section.register()
