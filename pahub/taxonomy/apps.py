from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "pahub.taxonomy"
    label = "taxonomy"
    verbose_name = "Skills, interests and languages"

    def ready(self) -> None:
        from pahub.taxonomy.snapshot import connect_signals

        connect_signals()
