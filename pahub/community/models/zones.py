"""Private zones: forums only their members can see (docs/community.md).

Who belongs to a zone is a rule over roles and places for three kinds of zone (every PA is in
the PA zone; every employer and representative in the employers' zone; everyone placed in a
council's area in that area's zone), so those members are never stored. Only a group that an
organisation runs keeps its members, because joining or being invited is a decision someone
made. `pahub/community/permissions.py` holds the one rule.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class CommunityName(models.Model):
    """The name a person posts under, chosen by them; never their email address.

    Without a row, a person posts as their first name and district ("Jordan, NE4").
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_name"
    )
    name = models.CharField(max_length=60)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class Zone(models.Model):
    class Kind(models.TextChoices):
        PAS = "pas", "Personal assistants only"
        EMPLOYERS = "employers", "Employers and representatives only"
        AREA = "area", "Everyone in a council's area"
        GROUP = "group", "A group an organisation runs"

    class Joining(models.TextChoices):
        OPEN = "open", "Anyone it is for may join"
        INVITATION = "invitation", "By invitation"

    class Audience(models.TextChoices):
        """Who a group is for; zones of the other kinds are defined by their kind."""

        ANYONE = "anyone", "Anyone"
        PAS = "pas", "Personal assistants"
        EMPLOYERS = "employers", "Employers and representatives"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField()
    local_authority = models.ForeignKey(
        "places.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="community_zones",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="community_groups",
        help_text="The organisation running a group; its staff moderate it.",
    )
    joining = models.CharField(max_length=10, choices=Joining.choices, default=Joining.OPEN)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.ANYONE)
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                name="area_zone_has_its_area",
                condition=~Q(kind="area") | Q(local_authority__isnull=False),
            ),
            models.CheckConstraint(
                name="group_zone_has_its_organisation",
                condition=~Q(kind="group") | Q(organisation__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["local_authority"],
                condition=Q(kind="area"),
                name="one_zone_per_area",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class GroupMember(models.Model):
    """A person in a group zone: invited, then a member once they accept (or join an open
    group themselves)."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        MEMBER = "member", "Member"
        LEFT = "left", "Left"

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="group_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_groups"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["zone", "user"], name="one_group_row_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.zone_id}: {self.get_status_display()}"


class Thread(models.Model):
    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_threads",
        help_text="Empty for PA Hub's own welcome threads and after the author's account is deleted.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Kept in step by the services whenever a published post is added, hidden or restored,
    # so a zone's first page and its unread counts never count posts.
    last_post_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField(default=False)
    is_welcome = models.BooleanField(default=False)
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["zone", "-is_pinned", "-last_post_at"], name="thread_zone_page"),
        ]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        HELD = "held", "Held for a moderator to check"
        HIDDEN = "hidden", "Hidden by a moderator"

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_posts",
    )
    # The name shown, fixed when posting, so old threads read the same after someone changes
    # their community name. Erasing an account replaces it (personal_data.py).
    author_name = models.CharField(max_length=60)
    body = models.TextField(help_text="Safe Markdown as the person typed it.")
    body_html = models.TextField(help_text="The body rendered and sanitised once, when saved.")
    quoted = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="quoted_by"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    held_reason = models.CharField(max_length=200, blank=True)
    hidden_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "created_at"], name="post_thread_order"),
            models.Index(fields=["status", "created_at"], name="post_status"),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread_id}"


class ThreadRead(models.Model):
    """How far a person has read a thread. A thread is unread when a published post came after
    both this and the person's ZoneRead."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    read_up_to = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="one_read_mark_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read thread {self.thread_id} to {self.read_up_to}"


class ZoneRead(models.Model):
    """ "Mark all read": everything in the zone up to this moment counts as read."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="reads")
    read_up_to = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "zone"], name="one_read_mark_per_zone")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read zone {self.zone_id} to {self.read_up_to}"


class Subscription(models.Model):
    """A person following a thread or a whole zone, for the email digest.

    `include_text`: private zones' digests name the thread and how many new posts, never what
    was written, unless the person opts in here.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_subscriptions"
    )
    zone = models.ForeignKey(
        Zone, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    include_text = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    # The digest covers posts after this moment; it moves on each time a digest is sent.
    notified_up_to = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="subscription_to_one_thing",
                condition=Q(zone__isnull=True, thread__isnull=False)
                | Q(zone__isnull=False, thread__isnull=True),
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="one_subscription_per_thread",
            ),
            models.UniqueConstraint(
                fields=["user", "zone"],
                condition=Q(zone__isnull=False),
                name="one_subscription_per_zone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.thread_id or self.zone_id}"
