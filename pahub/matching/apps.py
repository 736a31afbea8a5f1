from django.apps import AppConfig


class MatchingConfig(AppConfig):
    """Scoring and explanations, with their pages, and the change feed of the in-memory pool."""

    name = "pahub.matching"
    label = "matching"
    verbose_name = "Matching"

    def ready(self) -> None:
        # The register's search index follows the same change feed; the register sits below
        # matching and cannot import it, so the feed is lent from here.
        from pahub.matching.models import PoolChange
        from pahub.matching.pool import ChangeFeed
        from pahub.register.search_index import INDEX

        INDEX.use_change_feed(
            ChangeFeed, profile_kind=PoolChange.Kind.PROFILE, user_kind=PoolChange.Kind.USER
        )
