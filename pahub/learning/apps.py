from django.apps import AppConfig


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pahub.learning"
    label = "learning"
    verbose_name = "Learning"
