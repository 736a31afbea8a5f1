from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "pahub.jobs"
    label = "jobs"
    verbose_name = "Jobs"
