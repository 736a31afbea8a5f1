from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "pahub.employers"
    label = "employers"
    verbose_name = "Employers"
