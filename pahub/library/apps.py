from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LibraryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.library"
    label = "library"
    verbose_name = "Library"

    def ready(self) -> None:
        from pahub.jobs.sections import register_job_section
        from pahub.library.documents.sections import job_documents_section

        # An employer's job page links to its filled documents; jobs cannot import the library.
        register_job_section("documents", job_documents_section)

        from pahub.library.signals import load_library_after_migrate

        post_migrate.connect(load_library_after_migrate, sender=self, dispatch_uid="load_library")

        # The staff area links to the library's management pages only for those who may edit.
        from pahub.accounts.navigation import register_staff_permission
        from pahub.library.permissions import may_manage_library

        register_staff_permission("manage_library", may_manage_library)
