from django.apps import AppConfig


class SupportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.support"
    label = "support"
    verbose_name = "Support and safeguarding"
