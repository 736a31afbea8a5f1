from django.apps import AppConfig


class CoverConfig(AppConfig):
    name = "pahub.cover"
    label = "cover"
    verbose_name = "Cover and bookings"
