"""Insights reads its summaries from a read replica when the deployment has one.

Set `DATABASE_REPLICA_URL` and settings add a `replica` database and this router: reads of
insights' own tables (facts and refreshes) go to the replica, so dashboards never add load
to the primary; every write (the hourly refresh) goes to the default database. Nothing else
is routed: a replica may lag a little, which is fine for counts refreshed hourly but not for
anything a person has just changed.
"""

from django.conf import settings
from django.db.models import Model

REPLICA = "replica"
ROUTED_APP = "insights"


def has_replica() -> bool:
    return REPLICA in settings.DATABASES


class InsightsReplicaRouter:
    def db_for_read(self, model: type[Model], **hints) -> str | None:
        if model._meta.app_label == ROUTED_APP and has_replica():
            return REPLICA
        return None

    def db_for_write(self, model: type[Model], **hints) -> str | None:
        return "default" if model._meta.app_label == ROUTED_APP else None

    def allow_relation(self, obj1: Model, obj2: Model, **hints) -> bool | None:
        return None

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool | None:
        # The replica copies the primary; migrations run on the primary only.
        return False if db == REPLICA else None
