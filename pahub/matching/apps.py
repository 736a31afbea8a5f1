from django.apps import AppConfig


class MatchingConfig(AppConfig):
    """Scoring and explanations, with their pages; no models of its own."""

    name = "pahub.matching"
    label = "matching"
    verbose_name = "Matching"
