from django.apps import AppConfig


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.community"
    label = "community"
    verbose_name = "Community"
