"""The learning zone's data: courses as versioned content, progress, certificates, the
self-assessment and learning plan, prior learning, the CPD log, and providers' events.

Versioning: a `Module` is a stable identity (course + slug); each change of its content makes
a new `ModuleVersion`. Passing a quiz is recorded against the version taken, so a new
version never rewrites anyone's history. A `Certificate` names the course version it was
issued for and the module versions that earned it, and stays valid after newer versions.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pahub.learning.topics import Topic


class Audience(models.TextChoices):
    PA = "pa", "Personal assistants"
    EMPLOYER = "employer", "Employers"
    ANYONE = "anyone", "Anyone"


class Course(models.Model):
    class Source(models.TextChoices):
        REPOSITORY = "repository", "PA Hub's own content, kept in the repository"
        PAGES = "pages", "Published through PA Hub's pages"

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    # Markdown shown on the course's page, before its modules (the text after course.md's
    # front matter).
    introduction = models.TextField(blank=True)
    audience = models.CharField(max_length=10, choices=Audience.choices)
    # Completing this course satisfies Level 2's induction requirement.
    is_induction = models.BooleanField(default=False)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.REPOSITORY)
    # A course from a training provider's staff; PA Hub's own courses have none.
    provider = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="learning_courses",
    )
    # Bumped whenever a module is added, removed or given a new version.
    version = models.PositiveIntegerField(default=1)
    order = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_induction"],
                condition=models.Q(is_induction=True),
                name="one_induction_course",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Module(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    slug = models.SlugField(max_length=80)
    order = models.PositiveIntegerField(default=0)
    # A module taken out of the course keeps its versions (and everyone's completions).
    retired_at = models.DateTimeField(null=True, blank=True)
    current_version = models.ForeignKey(
        "ModuleVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["course", "order"]
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="one_module_slug_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.course.slug}/{self.slug}"


class ModuleVersion(models.Model):
    """One version of a module's content: its pages (Markdown, one `# Heading` a page) and
    quiz. Never edited once someone has passed it; a change makes a new version."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    minutes = models.PositiveSmallIntegerField(help_text="About how long it takes, 5 to 15.")
    body = models.TextField(help_text="Markdown; each page starts with a level-1 heading.")
    pass_mark = models.PositiveSmallIntegerField(
        default=80, help_text="Percentage of questions to answer right to pass."
    )
    topics = models.JSONField(default=list, help_text="Keys of pahub.learning.topics.Topic.")
    # The Care Certificate standards this module gives evidence for, e.g. ["2", "10"].
    care_certificate = models.JSONField(default=list, blank=True)
    # The GOV.UK pages and reference files its facts were checked against.
    sources = models.JSONField(default=list, blank=True)
    # SHA-256 of the source file: the loader makes a new version only when it changes.
    content_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["module", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["module", "number"], name="one_module_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.module} v{self.number}"


class Question(models.Model):
    module_version = models.ForeignKey(
        ModuleVersion, on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["module_version", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["module_version", "order"], name="one_question_per_place"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=400)
    correct = models.BooleanField(default=False)
    # Why this answer is right or wrong, shown after the quiz.
    feedback = models.TextField()

    class Meta:
        ordering = ["question", "order"]

    def __str__(self) -> str:
        return self.text[:60]


class QuizAttempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    module_version = models.ForeignKey(
        ModuleVersion, on_delete=models.PROTECT, related_name="attempts"
    )
    # {question id: [choice ids]} as submitted.
    answers = models.JSONField(default=dict)
    correct_count = models.PositiveSmallIntegerField()
    question_count = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "module_version"], name="attempt_user_version")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.module_version_id}: {self.correct_count}/{self.question_count}"


class ModuleCompletion(models.Model):
    """A person passed one version of a module. Kept when newer versions come."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module_version = models.ForeignKey(
        ModuleVersion, on_delete=models.PROTECT, related_name="completions"
    )
    # Denormalised so "has this person done this module (any version)?" is one index lookup.
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="completions")
    attempt = models.ForeignKey(QuizAttempt, null=True, on_delete=models.SET_NULL)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_version"], name="one_completion_per_version"
            )
        ]
        indexes = [
            models.Index(fields=["user", "module"], name="completion_user_module"),
            models.Index(fields=["completed_at"], name="completion_date"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} passed {self.module_version_id}"


class Certificate(models.Model):
    """A course completed. Anyone with the code can check it at a public address, which shows
    the name, course and date only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="certificates")
    course_version = models.PositiveIntegerField()
    module_versions = models.ManyToManyField(ModuleVersion, related_name="certificates")
    # Short, unambiguous, typed by hand: 8 characters from an alphabet without 0/O, 1/I/L.
    code = models.CharField(max_length=12, unique=True)
    # The name as it was when issued: a certificate does not change if the person renames.
    name = models.CharField(max_length=200)
    issued_at = models.DateTimeField(default=timezone.now)
    # The PA chooses whether their profile shows it (and its code) to employers.
    show_on_profile = models.BooleanField(default=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "course_version"], name="one_certificate_per_version"
            )
        ]
        indexes = [models.Index(fields=["issued_at"], name="certificate_date")]

    def __str__(self) -> str:
        return f"{self.code}: {self.course} for {self.name}"


class ModuleSuggestion(models.Model):
    """An employer suggests a module to a PA who works for them (or has applied to them)."""

    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_suggestions_made"
    )
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_suggestions"
    )
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="suggestions")
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.employer_id} suggests {self.module_id} to {self.pa_id}"


class SelfRating(models.Model):
    """One line of a PA's self-assessment: a topic of Fig. 5-1 or a skill of the taxonomy."""

    class Rating(models.TextChoices):
        CAN_DO = "can_do", "I can do this"
        WANT_TO_LEARN = "want_to_learn", "I want to learn this"
        NOT_FOR_ME = "not_for_me", "Not for me"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_ratings"
    )
    topic = models.CharField(max_length=30, choices=Topic.choices, blank=True)
    skill = models.ForeignKey("taxonomy.Skill", null=True, blank=True, on_delete=models.CASCADE)
    rating = models.CharField(max_length=15, choices=Rating.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(topic="") & models.Q(skill__isnull=False))
                | (~models.Q(topic="") & models.Q(skill__isnull=True)),
                name="self_rating_topic_or_skill",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=~models.Q(topic=""),
                name="one_rating_per_topic",
            ),
            models.UniqueConstraint(
                fields=["user", "skill"],
                condition=models.Q(skill__isnull=False),
                name="one_rating_per_skill",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.topic or self.skill_id}: {self.rating}"


class PlanItem(models.Model):
    """One step of a PA's learning plan: a module, a provider's event, or their own words."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_items"
    )
    order = models.PositiveIntegerField()
    topic = models.CharField(max_length=30, choices=Topic.choices, blank=True)
    module = models.ForeignKey(Module, null=True, blank=True, on_delete=models.CASCADE)
    event = models.ForeignKey("Event", null=True, blank=True, on_delete=models.SET_NULL)
    # The skill of the taxonomy the PA wants to learn, for a step made from a skill gap.
    skill = models.ForeignKey("taxonomy.Skill", null=True, blank=True, on_delete=models.CASCADE)
    title = models.CharField(max_length=200, blank=True, help_text="For a step in their words.")
    note = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["user", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.user_id} step {self.order}"


class LearningRecord(models.Model):
    """Learning done before or outside PA Hub (prior learning): a qualification, a course,
    experience on the job. With evidence sent for checking it counts towards levels through
    the register's verification (`evidence` links the register's item)."""

    class Kind(models.TextChoices):
        QUALIFICATION = "qualification", "A qualification"
        COURSE = "course", "A course"
        EXPERIENCE = "experience", "Experience on the job"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_records"
    )
    kind = models.CharField(max_length=15, choices=Kind.choices)
    title = models.CharField(max_length=200)
    provider = models.CharField(max_length=200, blank=True, help_text="OCN, WEA, OU, a college…")
    completed_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    topics = models.JSONField(default=list, blank=True)
    evidence = models.OneToOneField(
        "register.Evidence",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_record",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class CPDEntry(models.Model):
    """Continuing professional development: one piece of learning a PA logs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_entries"
    )
    title = models.CharField(max_length=200)
    provider = models.CharField(max_length=200, blank=True)
    learned_on = models.DateField()
    hours = models.DecimalField(max_digits=5, decimal_places=2)
    what_i_learned = models.TextField()
    evidence_file = models.FileField(upload_to="cpd/%Y/", blank=True)
    # Filled in when the entry comes from a PA Hub module, course or event.
    module_completion = models.OneToOneField(
        ModuleCompletion, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-learned_on", "-pk"]
        indexes = [models.Index(fields=["user", "learned_on"], name="cpd_user_date")]

    def __str__(self) -> str:
        return f"{self.title} ({self.learned_on})"


class CPDReview(models.Model):
    """A PA reviewed their CPD log: the yearly reminder counts from the latest review.

    A reminder sent before the PA has reviewed makes a row with `reminded_at` and no
    `reviewed_at`; their next review fills that row in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_reviews"
    )
    reviewed_at = models.DateTimeField(default=timezone.now, null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.user_id} reviewed {self.reviewed_at:%Y-%m-%d}"


class Event(models.Model):
    """A course or event a training provider or council lists, or a meet-up an organisation or
    one of its peer supporters posts: online or in a place. One model and one listing for both;
    `kind` tells them apart."""

    class Format(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in_person", "In person"

    class Kind(models.TextChoices):
        TRAINING = "training", "Course or training"
        MEETUP = "meetup", "Meet-up or coffee morning"
        PEER_GROUP = "peer_group", "Peer group"
        HOT_SEAT = "hot_seat", "Hot seat session"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="learning_events"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.TRAINING)
    # Set when a peer supporter posted the meet-up: the event says "Run by <first name>, peer
    # supporter with <organisation>". Kept after their role ends, as a record of who ran it.
    peer_supporter = models.ForeignKey(
        "learning.PeerSupporter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    title = models.CharField(max_length=200)
    description = models.TextField()
    topics = models.JSONField(default=list)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.ANYONE)
    format = models.CharField(max_length=10, choices=Format.choices)
    # In person: the district for distance search and the venue shown to people booked.
    district = models.ForeignKey(
        "places.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    venue = models.CharField(max_length=300, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    cost_pence = models.PositiveIntegerField(default=0, help_text="0 means free.")
    funding = models.TextField(blank=True, help_text="E.g. the individual employer funding.")
    accessibility = models.TextField(blank=True)
    # Either people book elsewhere (a link), or on PA Hub up to `capacity` places.
    booking_url = models.URLField(blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at"], name="event_starts")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_meetup(self) -> bool:
        """Any kind but a course: coffee mornings, peer groups and hot seat sessions."""
        return self.kind != self.Kind.TRAINING


MEETUP_KINDS = tuple(kind for kind in Event.Kind.values if kind != Event.Kind.TRAINING)


class PeerSupporter(models.Model):
    """A PA or employer an organisation's admin has named to run meet-ups on its behalf: PA
    coffee mornings, employer peer groups, hot seat sessions. Ending the role keeps the row
    (who named whom, and when), so the audit and past meet-ups still read true."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_supporter_roles"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="peer_supporters"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["organisation", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(ended_at__isnull=True),
                name="one_live_peer_supporter_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} for {self.organisation_id}"

    @property
    def first_name(self) -> str:
        """The name a meet-up shows: what they are known as, or the first of their names."""
        user = self.user
        if user.deleted_at is not None:
            return user.display_name
        return user.known_as or (user.full_name.split() or [user.display_name])[0]


class EventBooking(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_bookings"
    )
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(cancelled_at__isnull=True),
                name="one_live_booking_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} at {self.event_id}"


class ModuleDraft(models.Model):
    """A module being written through the authoring pages, before (and between) publishing.

    Authors edit the draft; "Publish" turns it into a `ModuleSpec` for
    `versioning.publish_module_version`, which makes a new `ModuleVersion` only when the
    content differs from the current one. Authors never edit versions themselves.
    """

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="drafts")
    # The module's identity in the course (the `Module.slug` it publishes to); never changes.
    slug = models.SlugField(max_length=80)
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    minutes = models.PositiveSmallIntegerField()
    body = models.TextField(blank=True, help_text="Markdown; each page starts with '# Heading'.")
    pass_mark = models.PositiveSmallIntegerField(default=80)
    topics = models.JSONField(default=list, blank=True)
    care_certificate = models.JSONField(default=list, blank=True)
    # [{"text": ..., "choices": [{"text": ..., "correct": bool, "feedback": ...}]}], the
    # shape of `versioning.QuestionSpec`.
    questions = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["course", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="one_draft_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.course.slug}/{self.slug} (draft)"
