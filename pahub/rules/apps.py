from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "pahub.rules"
    label = "rules"
    verbose_name = "Local rules"
