"""The demo publishes Newcastle upon Tyne's spoke, edited by the demo council's admin."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.setup.demo import DEMO_EMAIL_DOMAIN
from pahub.spokes.models import NewsItem, SpokeContent

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_newcastles_spoke_with_real_news_once(client):
    call_command("demo_data", stdout=StringIO())
    call_command("demo_data", stdout=StringIO())

    published = SpokeContent.objects.get(
        local_authority__name="Newcastle upon Tyne", version=SpokeContent.Version.PUBLISHED
    )
    assert published.team_phone == "0191 498 0123"  # an Ofcom drama number, as in the demo
    assert NewsItem.objects.filter(is_published=True).count() == 2
    editor = f"council.admin@{DEMO_EMAIL_DOMAIN}"
    assert AuditEvent.objects.filter(action="spoke.published", actor__email=editor).count() == 1

    html = client.get(reverse("spokes:detail", args=["newcastle-upon-tyne"])).content.decode()
    assert "£12.71 an hour" in html
    assert "Newcastle City Council Direct Payments Team" in html
