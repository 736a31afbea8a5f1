"""A council staff member's part of the spokes: named as who last changed a spoke or posted news;
deleting their account keeps the council's text and forgets them."""

from pahub.accounts.services import user_delete
from pahub.core.personal_data import registry
from pahub.spokes.models import NewsItem, SpokeContent


def test_the_download_names_what_they_changed(council_staff, published_spoke, news_item):
    part = registry.export(council_staff)["spokes"]
    assert {row["version"] for row in part["spoke_changes"]} == {"Draft", "Published"}
    assert part["news_posted"][0]["title"] == "PA employers' coffee morning"


def test_deleting_their_account_keeps_the_councils_page(council_staff, published_spoke, news_item):
    user_delete(user=council_staff, by=council_staff)
    assert SpokeContent.objects.filter(updated_by__isnull=True).count() == 2
    assert NewsItem.objects.get().created_by is None
