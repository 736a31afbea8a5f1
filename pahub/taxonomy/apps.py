from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "pahub.taxonomy"
    label = "taxonomy"
    verbose_name = "Skills, interests and languages"
