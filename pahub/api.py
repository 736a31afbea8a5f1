"""PA Hub's JSON API, /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs).

People use their browser session; organisations' systems send an API key as
`Authorization: Bearer pahub_...`. Each app adds its own router here.
"""

from pahub.accounts.api import router as accounts_router
from pahub.accounts.imports.api import router as imports_router
from pahub.community.forum.api import router as community_forum_router
from pahub.community.moderation.api import router as community_moderation_router
from pahub.community.trust.api import router as community_trust_router
from pahub.core.api import router as core_router
from pahub.core.api_errors import PAHubAPI
from pahub.core.public import public_page
from pahub.costs.api import router as costs_router
from pahub.cover.api import router as cover_router
from pahub.directory.openreferral.api import router as openreferral_router
from pahub.insights.api import router as insights_router
from pahub.jobs.api import router as jobs_router
from pahub.jobs.matches.api import router as job_matches_router
from pahub.jobs.public_api import router as public_jobs_router
from pahub.learning.courses.api import router as learning_courses_router
from pahub.learning.cpd.api import router as learning_cpd_router
from pahub.learning.events.api import router as learning_events_router
from pahub.learning.plans.api import router as learning_plans_router
from pahub.learning.suggestions.api import router as learning_suggestions_router
from pahub.library.api import router as library_router
from pahub.messaging.api import router as messaging_router
from pahub.notifications.api import router as notifications_router
from pahub.places.api import router as places_router
from pahub.register.api import router as register_router
from pahub.register.staff.api import router as register_staff_router
from pahub.rules.api import router as rules_router
from pahub.spokes.api import router as spokes_router
from pahub.support.concerns.api import router as concerns_router
from pahub.support.help.api import router as support_help_router
from pahub.taxonomy.api import router as taxonomy_router

api = PAHubAPI(
    title="PA Hub API",
    version="1",
    urls_namespace="api",
    description=(
        "The PA Hub API for organisations and people's own data. Authenticate with a browser "
        "session, or with an organisation API key sent as `Authorization: Bearer <key>`. "
        "Every error is a JSON object with a `detail` sentence; bad input also names the "
        "fields at fault in `field` and `errors`. 400 bad input, 401 not signed in, 403 not "
        "allowed, 404 not found or not yours, 409 the thing has moved on."
    ),
)
api.add_router("/", core_router)
api.add_router("/", accounts_router)
api.add_router("/places/", places_router)
api.add_router("/", taxonomy_router)
api.add_router("/", register_router)
api.add_router("/", register_staff_router)
api.add_router("/", public_jobs_router)
api.add_router("/", jobs_router)
api.add_router("/", job_matches_router)
api.add_router("/", messaging_router)
api.add_router("/", cover_router)
api.add_router("/", notifications_router)
api.add_router("/", learning_plans_router)
api.add_router("/", learning_cpd_router)
api.add_router("/", learning_courses_router)
api.add_router("/", learning_suggestions_router)
api.add_router("/", learning_events_router)
api.add_router("/", community_forum_router)
api.add_router("/", community_moderation_router)
api.add_router("/", community_trust_router)
api.add_router("/", concerns_router)
api.add_router("/", costs_router)
api.add_router("/", openreferral_router)
api.add_router("/", support_help_router)
api.add_router("/", rules_router)
api.add_router("/", spokes_router)
api.add_router("/", library_router)
api.add_router("/", insights_router)
api.add_router("/", imports_router)


def api_urls() -> tuple[list, str, str]:
    """The API's URL patterns, with its OpenAPI schema and docs pages marked public.

    Operations are public by declaring `auth=None`; the schema and docs are django-ninja's
    own views, so they are marked here.
    """
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if pattern.name in ("openapi-json", "openapi-view"):
            public_page(pattern.callback)
    return patterns, app_name, namespace
