"""A council's spoke: what its own staff write for /areas/<slug>/, in a draft and a published
version, and its local news.

The rest of the spoke page (safeguarding, the support organisations and user-led organisations
serving the area, courses and meet-ups, open vacancies and cover, the peer zone) is read live
from the apps that own it, so it is never copied here and never out of date.

Each council has at most two `SpokeContent` rows: the draft its staff edit, and the published
version everyone sees. Publishing copies the draft, with its contacts, over the published
version (`services.spoke_publish`); a preview renders the draft with the public page's own
template, so what staff check is exactly what will be shown.
"""

from django.conf import settings
from django.db import models


class SpokeContent(models.Model):
    class Version(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    local_authority = models.ForeignKey(
        "places.LocalAuthority", on_delete=models.CASCADE, related_name="spoke_contents"
    )
    version = models.CharField(max_length=10, choices=Version.choices)
    intro = models.TextField("introduction", blank=True)
    # The council's direct payment team: the first people to call about a direct payment.
    team_name = models.CharField("team name", max_length=200, blank=True)
    team_phone = models.CharField("phone", max_length=30, blank=True)
    team_email = models.EmailField("email", blank=True)
    team_hours = models.CharField("opening hours", max_length=200, blank=True)
    team_url = models.URLField("web page", blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # On the published version: when it was last published.
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "version"], name="spokes_one_content_per_version"
            )
        ]
        verbose_name = "spoke content"
        verbose_name_plural = "spoke contents"

    def __str__(self) -> str:
        return f"{self.local_authority_id} ({self.get_version_display()})"

    @property
    def has_team(self) -> bool:
        return bool(self.team_name or self.team_phone or self.team_email or self.team_url)


class SpokeContact(models.Model):
    """Another "who to call": a carers' centre, a council's out-of-hours line."""

    content = models.ForeignKey(SpokeContent, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    description = models.CharField("what they help with", max_length=300, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    hours = models.CharField("opening hours", max_length=200, blank=True)
    url = models.URLField("web page", blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class NewsItem(models.Model):
    """Local news a council's staff post; shown on the spoke page only while published."""

    local_authority = models.ForeignKey(
        "places.LocalAuthority", on_delete=models.CASCADE, related_name="spoke_news"
    )
    title = models.CharField(max_length=200)
    body = models.TextField()
    date = models.DateField()
    is_published = models.BooleanField("published", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(
                fields=["local_authority", "is_published", "date"], name="spokes_news_published"
            )
        ]
        verbose_name = "news item"

    def __str__(self) -> str:
        return self.title
