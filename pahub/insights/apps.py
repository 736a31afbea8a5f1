from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "pahub.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        # Each collectors module registers itself with summaries.collector on import.
        from pahub.insights.discovery import import_submodules

        import_submodules("pahub.insights.collectors")
