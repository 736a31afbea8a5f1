"""What the public job pages keep in the shared cache, and what makes each entry stale.

The cache is the one in settings (Redis with REDIS_URL, else the database's cache table),
shared by every server process, so an entry is only ever public: HTML rendered for a visitor
who is signed out, and the `PublicJob` it was rendered from (which holds nothing about the
employer). Pages for signed-in people are never read from it or written to it. docs/jobs.md
("Caching the public pages") lists every key.

- A job page's entry is keyed by a version of that job, which every save or deletion of the
  job (and every change of its tasks or skills) replaces, through Django's signals on `Job`,
  so the next request looks under a new key. An open job's page is then served from the
  cache alone; a job that is not open is looked up in the database (404) and never cached.
- Searches and the feed list many jobs, so they are keyed by one version of "the public
  jobs", changed by every save or deletion of a job that is not a draft (drafts are never
  public) and by every change of such a job's tasks or skills: an edit, publishing, pausing,
  resuming, closing, reopening, filling, the councils' local rules. After such a change,
  every cached search and the feed are stale at once.
- Entries also expire after `TIMEOUT`, which bounds how long a renamed task, council or
  organisation (changed in the admin, not on a job) shows its old name.
"""

import hashlib

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict

from pahub.core.cache_versions import bump_now_and_after_commit, bump_version, current_version
from pahub.jobs.models import Job

# Change when `PublicJob` or the cached templates change shape, so a new release never
# reads an old release's entries.
SHAPE = 1
TIMEOUT = 60 * 60
VERSION_KEY = f"jobs:public:{SHAPE}:version"


def public_jobs_version() -> str:
    return current_version(VERSION_KEY)


def bump_public_jobs_version() -> None:
    """After a bulk load of jobs that bypasses `save()` (`manage.py seed` calls it after loading its rows)."""
    bump_version(VERSION_KEY)


def public_jobs_changed() -> None:
    """Every cached search and the feed are stale."""
    bump_now_and_after_commit(VERSION_KEY)


def job_version_key(job_id: int) -> str:
    return f"jobs:public:{SHAPE}:job:{job_id}:version"


def public_job_changed(job_id: int) -> None:
    """This job's cached page is stale."""
    bump_now_and_after_commit(job_version_key(job_id))


def job_saved(sender, instance: Job, **kwargs) -> None:
    """A job was saved or deleted (post_save, post_delete): its page is stale, and so are
    the lists, unless it is a draft (never public, before or after)."""
    public_job_changed(instance.pk)
    if instance.status != Job.Status.DRAFT:
        public_jobs_changed()


def job_lists_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """A job's tasks, skills or interests changed (m2m_changed): its page and the lists show
    them. From the other side (a skill's jobs), `pk_set` holds the jobs."""
    if not action.startswith("post_"):
        return
    job_ids = list(pk_set or ()) if reverse else [instance.pk]
    for job_id in job_ids:
        public_job_changed(job_id)
    if reverse or instance.status != Job.Status.DRAFT:
        public_jobs_changed()


def connect_signals() -> None:
    """Called once, from the jobs app's `ready`."""
    post_save.connect(job_saved, sender=Job, dispatch_uid="jobs.public.saved")
    post_delete.connect(job_saved, sender=Job, dispatch_uid="jobs.public.deleted")
    for field in ("tasks", "required_skills", "nice_skills", "nice_interests"):
        m2m_changed.connect(
            job_lists_changed,
            sender=getattr(Job, field).through,
            dispatch_uid=f"jobs.public.{field}",
        )


def job_page_key(job_id: int) -> str:
    """A job page's main content and its `PublicJob`, as a signed-out visitor sees them, at
    the job's current version."""
    return f"jobs:public:{SHAPE}:page:{job_id}:{current_version(job_version_key(job_id))}"


def search_page_key(query: QueryDict) -> str:
    """A search page as a signed-out visitor sees it, for this exact query string (every
    parameter, sorted), at the current version of the public jobs."""
    canonical = sorted((key, value) for key, values in query.lists() for value in values)
    digest = hashlib.sha256(repr(canonical).encode()).hexdigest()[:32]
    return f"jobs:public:{SHAPE}:search:{public_jobs_version()}:{digest}"


def feed_key(site: str) -> str:
    """The feed, whose links are absolute: `site` is the scheme and host it was asked on."""
    digest = hashlib.sha256(site.encode()).hexdigest()[:16]
    return f"jobs:public:{SHAPE}:feed:{public_jobs_version()}:{digest}"


def place_key(outcode: str, miles: int) -> str:
    """The districts within `miles` of a district and their distances: they change only
    when the postcode data is loaded again, so entries simply expire after `TIMEOUT`."""
    return f"jobs:public:{SHAPE}:within:{outcode}:{miles}"
