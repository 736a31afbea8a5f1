from django.apps import AppConfig


class CostsConfig(AppConfig):
    name = "pahub.costs"
    label = "costs"
    verbose_name = "Costs"

    def ready(self) -> None:
        from pahub.costs.job_cost import job_cost_section
        from pahub.jobs.sections import register_job_section

        # A job's page shows what the job costs; jobs sits below costs and cannot import it.
        register_job_section("cost", job_cost_section)
