"""/jobs/feed.xml: the newest open jobs as RSS 2.0, for job sites and Jobcentres to read.

Each item is built from a `PublicJob`, so the feed holds what the public page shows and
nothing about the employer. It is the same for everyone, so it is built once for each version
of the public jobs and kept in the shared cache (`caching.py`).
"""

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from pahub.core.public import public_page
from pahub.jobs.vacancies import caching
from pahub.jobs.vacancies.public_job import PublicJob, public_job, with_public_data
from pahub.jobs.vacancies.search import open_jobs

FEED_SIZE = 50


@public_page
class OpenJobsFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Open Personal Assistant jobs on PA Hub"
    description = (
        "Jobs for Personal Assistants (PAs) posted on PA Hub by disabled and older people who "
        "employ their own PAs, newest first. Each job shows its postcode district only."
    )
    language = "en-gb"

    def link(self) -> str:
        return reverse("jobs:list")

    def feed_url(self) -> str:
        return reverse("jobs:feed")

    def items(self) -> list[PublicJob]:
        jobs = with_public_data(open_jobs().order_by("-published_at", "-pk"))[:FEED_SIZE]
        return [public_job(job) for job in jobs]

    def item_title(self, item: PublicJob) -> str:
        return f"{item.title} ({item.district})"

    def item_description(self, item: PublicJob) -> str:
        lines = [
            item.description,
            f"Where: {item.place_label}",
            f"Hours: {item.hours_label}"
            + (f" ({'; '.join(item.hours_lines)})" if item.hours_lines else ""),
            f"Pay: {item.pay_label}",
            f"Kind of work: {item.kind_label}",
        ]
        if item.tasks:
            lines.append("Tasks: " + ", ".join(task.name for task in item.tasks))
        if item.must_haves:
            lines.append("Must have: " + "; ".join(item.must_haves))
        if item.posted_by_label:
            lines.append(item.posted_by_label)
        return "\n".join(line for line in lines if line)

    def item_link(self, item: PublicJob) -> str:
        return reverse("jobs:detail", args=[item.id])

    def item_pubdate(self, item: PublicJob):
        return item.published_at

    def item_categories(self, item: PublicJob) -> list[str]:
        return [task.name for task in item.tasks]

    def __call__(self, request: HttpRequest, *args, **kwargs):
        # Its links are absolute, made from the address it was asked on.
        key = caching.feed_key(request.build_absolute_uri("/"))
        cached = cache.get(key)
        if cached is None:
            built = super().__call__(request, *args, **kwargs)
            cached = (built.content, built["Content-Type"], built.get("Last-Modified"))
            cache.set(key, cached, caching.TIMEOUT)
        content, content_type, last_modified = cached
        response = HttpResponse(content, content_type=content_type)
        if last_modified:
            response["Last-Modified"] = last_modified
        # Job sites poll the feed; let caches keep it for a few minutes.
        response["Cache-Control"] = "public, max-age=300"
        return response
