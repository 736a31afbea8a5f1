from django.apps import AppConfig


class MatchingConfig(AppConfig):
    """Scoring and explanations, with their pages, and the change feed of the in-memory pool."""

    name = "pahub.matching"
    label = "matching"
    verbose_name = "Matching"
