from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.directory"
    label = "directory"
    verbose_name = "Directory"
