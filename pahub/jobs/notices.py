"""The kinds of notice jobs sends (pahub/notifications/registry.py finds this module)."""

from pahub.notifications.registry import register_kind

GROUP = "Jobs"

INVITATION = register_kind(
    "jobs.invitation",
    group=GROUP,
    label="An employer invites you to apply for a job",
)
APPLICATION_UPDATE = register_kind(
    "jobs.application_update",
    group=GROUP,
    label="News about a job you applied for (hired, declined or filled)",
)
SAVED_SEARCH_RESULTS = register_kind(
    "jobs.saved_search_results",
    group=GROUP,
    label="New jobs matching your saved searches",
    hint="How often is set for each search on your saved searches page.",
)
