"""The library: one shared, versioned collection of guidance pages and templates, written for
PA Hub, with local additions by each council's spoke.

A `Resource` with no `local_authority` belongs to the shared regional core; one with a
council is that council's local addition, shown to people in its area marked "Local to
<council>". Every change of content is a new `ResourceVersion` made by
`services.publish_version`, the only writer: the loader reading the repository's Markdown
files and the editing pages both call it, so the history is complete and every version is
audited.

`Resource.body`, `keywords` and the text fields are copies of the current version kept on the
resource for search: on PostgreSQL a generated, weighted `tsvector` column with a GIN index
is made from them (migration 0002), and SQLite searches them with `icontains`.
"""

from django.conf import settings
from django.db import models


class Kind(models.TextChoices):
    GUIDANCE = "guidance", "Guidance"
    TEMPLATE = "template", "Template"


class Audience(models.TextChoices):
    PA = "pa", "PAs"
    EMPLOYER = "employer", "Employers"
    REPRESENTATIVE = "representative", "Representatives"
    STAFF = "staff", "Support staff"


class Tag(models.Model):
    """A topic a resource is about, like `holiday` or `employing-a-pa`."""

    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.slug.replace("-", " ").capitalize()


class Resource(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField(blank=True, help_text="The current version's text, for search.")
    keywords = models.CharField(
        max_length=500, blank=True, help_text="The current tags' words, for search."
    )
    tags = models.ManyToManyField(Tag, related_name="resources", blank=True)
    sources = models.JSONField(default=list, blank=True)
    local_authority = models.ForeignKey(
        "places.LocalAuthority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="library_resources",
        help_text="Empty for the shared regional core; a council for its local addition.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_resources",
        help_text="Who is reminded when the resource is due for review.",
    )
    review_every_months = models.PositiveSmallIntegerField(default=12)
    last_reviewed = models.DateField()
    review_due_on = models.DateField(db_index=True)
    # The due date the owner was last reminded of, so each due date is reminded once.
    reminded_for = models.DateField(null=True, blank=True)
    current_version = models.OneToOneField(
        "ResourceVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The hash of the repository file last loaded, so an edit made on the pages stays until
    # the file itself changes (then the reviewed file wins, as a new version).
    file_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        indexes = [
            models.Index(fields=["local_authority", "kind", "title"], name="library_res_area_kind"),
            models.Index(fields=["kind", "title"], name="library_res_kind_title"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_local(self) -> bool:
        return self.local_authority_id is not None


class ResourceAudience(models.Model):
    """One audience a resource is written for."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="audiences")
    audience = models.CharField(max_length=20, choices=Audience.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "audience"], name="library_one_audience_once"
            )
        ]
        indexes = [models.Index(fields=["audience", "resource"], name="library_audience_res")]

    def __str__(self) -> str:
        return self.get_audience_display()


class ResourceVersion(models.Model):
    """A published version: a full copy of the resource's content as it was then."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    # Audience, tags and sources as they were in this version.
    details = models.JSONField(default=dict)
    change_note = models.CharField(max_length=500)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_versions",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["resource", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "number"], name="library_one_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource.slug} version {self.number}"
