from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "pahub.places"
    label = "places"
    verbose_name = "Places: postcode districts and local authorities"
    default_auto_field = "django.db.models.BigAutoField"
