from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "pahub.library"
    label = "library"
    verbose_name = "Library"

    def ready(self) -> None:
        from pahub.jobs.sections import register_job_section
        from pahub.library.documents.sections import job_documents_section

        # An employer's job page links to its filled documents; jobs cannot import the library.
        register_job_section("documents", job_documents_section)
