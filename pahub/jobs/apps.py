from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "pahub.jobs"
    label = "jobs"
    verbose_name = "Jobs"

    def ready(self) -> None:
        from pahub.core.commitments import register_commitments
        from pahub.jobs.commitments import hired_job_hours

        # Cover's rota counts the hours of jobs a PA was hired for (cover cannot import jobs).
        register_commitments("hired_jobs", hired_job_hours)

        from pahub.jobs.local_rules import follow_council_rules
        from pahub.rules.followers import register_rule_follower

        # A council's new or changed rule applies to its employers' drafts and open jobs.
        register_rule_follower("jobs", follow_council_rules)

        from pahub.jobs.vacancies.caching import connect_signals

        # Any change to a job the public may see makes the cached searches and feed stale.
        connect_signals()
