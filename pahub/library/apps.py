from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "pahub.library"
    label = "library"
    verbose_name = "Library"
