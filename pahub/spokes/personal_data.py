"""The spokes' part of a person's data: only council staff appear in it, as the person who
last changed a spoke's text or who posted a news item. What they wrote is the council's, so it
stays when their account is deleted; the link to them goes (the foreign keys are SET_NULL)."""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.spokes.models import NewsItem, SpokeContent


def export_spokes(user) -> dict[str, Any]:
    return {
        "spoke_changes": [
            {
                "council": content.local_authority.name,
                "version": content.get_version_display(),
                "updated_at": content.updated_at.isoformat(),
            }
            for content in SpokeContent.objects.filter(updated_by=user)
            .select_related("local_authority")
            .order_by("updated_at", "pk")
        ],
        "news_posted": [
            {
                "council": item.local_authority.name,
                "title": item.title,
                "date": item.date.isoformat(),
            }
            for item in NewsItem.objects.filter(created_by=user)
            .select_related("local_authority")
            .order_by("date", "pk")
        ],
    }


def forget_spoke_authors(user) -> None:
    SpokeContent.objects.filter(updated_by=user).update(updated_by=None)
    NewsItem.objects.filter(created_by=user).update(created_by=None)


register(
    "spokes",
    models={
        "spokes.SpokeContent": Fate.KEPT_ANONYMISED,
        # Part of a version of the council's page, with nothing of the person: kept with it.
        "spokes.SpokeContact": Fate.KEPT_ANONYMISED,
        "spokes.NewsItem": Fate.KEPT_ANONYMISED,
    },
    export=export_spokes,
    erase={Step.RECORDS: forget_spoke_authors},
)
