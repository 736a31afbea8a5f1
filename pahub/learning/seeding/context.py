"""What planning seeded learning starts from: the shares of PAs who learn what, the
practice content's shape, the texts CPD entries, plan steps and events are drawn from, and
the shapes a seeded learner is planned in before `pahub.learning.seeding.load` inserts it."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from functools import cached_property

from django.utils import timezone

from pahub.learning.models import CPDEntry, ModuleCompletion, PlanItem, SelfRating
from pahub.learning.topics import Topic

HEAVY_PA_COMPLETIONS = 200
PRACTICE_COURSE_TITLE = "Seeded practice course {number}"
PRACTICE_COURSE_SLUG = "seeded-practice-course-{number}"
MODULES_PER_PRACTICE_COURSE = 10
# Without content loaded: two courses, the first one finished by 35% of PAs.
PRACTICE_MODULES_WITHOUT_CONTENT = 2 * MODULES_PER_PRACTICE_COURSE
# Seeded content is dated from the first seeded person's join date, so everyone could take it.
PRACTICE_PUBLISHED_AT = datetime(2024, 1, 1, tzinfo=UTC)
TRAINING_PROVIDER_NAME = "Seeded training provider"

SHARE_WHOLE_COURSE = 0.35
SHARE_SOME_MODULES = 0.25
SHARE_ANOTHER_COURSE = 0.33  # of those who finished the whole course
SHARE_RETRIED = 1 / 7
SHARE_CPD = 0.40
SHARE_LOGGED_MODULE = 0.3  # of a CPD keeper's passed modules, logged as CPD too
SHARE_SELF_ASSESSED = 0.30
SHARE_OWN_STEP = 0.15
SHARE_EVENT_STEP = 0.3
PAS_PER_EVENT = 250
# The induction's topics and those of Fig. 5-1; the employer course's are not a PA's to rate.
PA_TOPICS: tuple[str, ...] = tuple(
    topic
    for topic in Topic.values
    if topic not in (Topic.RECRUITING, Topic.EMPLOYER_DUTIES, Topic.MANAGING)
)
RATING_WEIGHTS = (
    (SelfRating.Rating.CAN_DO, 50),
    (SelfRating.Rating.WANT_TO_LEARN, 35),
    (SelfRating.Rating.NOT_FOR_ME, 15),
)

# (title, provider, usual hours, what I learned): learning PAs log from outside PA Hub.
CPD_LEARNING: tuple[tuple[str, str, str, str], ...] = (
    (
        "Emergency first aid at work",
        "St John Ambulance",
        "6.00",
        "What to do if someone collapses, chokes or is bleeding, and how to do CPR.",
    ),
    (
        "Moving and handling people",
        "North East PA Training Partnership",
        "3.00",
        "How to use a hoist and a slide sheet safely, and when to ask for a new assessment.",
    ),
    (
        "Safeguarding adults: the basics",
        "Local council training team",
        "2.50",
        "The signs of abuse and neglect, and who to tell in our area.",
    ),
    (
        "Medication awareness",
        "College short course",
        "3.00",
        "Reading a medication record and what a PA may and may not do.",
    ),
    (
        "Dementia friends session",
        "Alzheimer's Society",
        "1.00",
        "Small things that make a day easier for someone living with dementia.",
    ),
    (
        "Food hygiene level 2",
        "Online course",
        "2.00",
        "Storing and cooking food safely, and keeping the kitchen clean.",
    ),
    (
        "Shadowing an experienced PA",
        "On the job",
        "4.00",
        "How another PA plans the day with the person they support.",
    ),
    (
        "Autism awareness",
        "WEA",
        "2.00",
        "Why routine matters, and how to make changes less stressful.",
    ),
    (
        "Mental health first aid",
        "Local charity",
        "7.50",
        "How to start a conversation about mental health and where to point people.",
    ),
    (
        "Epilepsy awareness and rescue medication",
        "Specialist nurse",
        "3.50",
        "Recognising seizures, timing them and when to call 999.",
    ),
)
OWN_STEPS: tuple[str, ...] = (
    "Shadow an experienced PA for a day",
    "Ask my employer about first aid training",
    "Read my employer's support plan again",
    "Look for a moving and handling course near me",
)
EVENT_KINDS: tuple[tuple[str, str], ...] = (
    (Topic.BEING_A_PA, "Starting out as a PA: a morning for new PAs"),
    (Topic.PERSON_CENTRED, "Person-centred working in practice"),
    (Topic.EMPLOYMENT, "Know your rights: contracts, pay and holiday for PAs"),
    (Topic.BOUNDARIES, "Boundaries when you work in someone's home"),
    (Topic.SAFEGUARDING, "Safeguarding adults: spotting the signs"),
    (Topic.RECORDS, "Keeping good records"),
    (Topic.HEALTH_AND_SAFETY, "Moving and handling people safely"),
    (Topic.COMMUNICATION, "Communication skills for PAs"),
    (Topic.PERSONAL_DEVELOPMENT, "Your next step: qualifications for PAs"),
    (Topic.PROBLEMS, "When things go wrong at work: where to get help"),
)
FUNDING = "Your employer may be able to pay for this through the individual employer funding."


@dataclass(frozen=True)
class QuizQuestion:
    pk: int
    right: tuple[int, ...]
    wrong: tuple[int, ...]


@dataclass(frozen=True)
class SeedModule:
    """A module's current version, as the seed needs it."""

    module_id: int
    version_id: int
    title: str
    minutes: int
    topics: tuple[str, ...]
    pass_mark: int
    questions: tuple[QuizQuestion, ...]
    # When it could first be taken: its version made and its course published.
    available_at: datetime

    @property
    def available_on(self) -> date:
        return timezone.localdate(self.available_at)

    @cached_property
    def answers_all_right(self) -> dict[str, list[int]]:
        """A passing attempt's answers: every question right. One dict, made once and shared
        by every passing attempt the seed plans (which never changes it), so `bulk_load`
        turns it into JSON once a batch too."""
        return {str(question.pk): list(question.right) for question in self.questions}


@dataclass(frozen=True)
class SeedCourse:
    pk: int
    version: int
    modules: tuple[SeedModule, ...]


@dataclass(frozen=True)
class SeedEvent:
    pk: int
    topics: tuple[str, ...]
    starts_at: datetime


@dataclass(frozen=True)
class LearningSeedContext:
    # The last day anyone learned anything: yesterday, so no moment drawn is in the future.
    last_day: date
    now: datetime
    courses: tuple[SeedCourse, ...]
    # The course 35% of PAs finish: the induction if there is one, otherwise the first.
    main_course: SeedCourse
    modules_by_topic: dict[str, tuple[SeedModule, ...]]
    upcoming_events_by_topic: dict[str, tuple[SeedEvent, ...]]
    skill_ids: tuple[int, ...]
    # The current time zone, looked up once: moments are made in it for every step.
    zone: tzinfo = field(default_factory=timezone.get_current_timezone)


@dataclass
class Step:
    """A module passed: the attempts and completion it becomes."""

    module: SeedModule
    completed_at: datetime
    retried: bool
    logged_as_cpd: bool = False
    completion: ModuleCompletion | None = None


@dataclass
class PlannedLearner:
    user_id: int
    name: str
    steps: list[Step] = field(default_factory=list)
    certificates: list[tuple[SeedCourse, list[Step], bool]] = field(default_factory=list)
    cpd: list[CPDEntry] = field(default_factory=list)
    ratings: list[SelfRating] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)


@dataclass
class LearningSeedCounts:
    courses_created: int = 0
    modules_created: int = 0
    learners: int = 0
    completions: int = 0
    attempts: int = 0
    certificates: int = 0
    cpd_entries: int = 0
    self_assessed: int = 0
    self_ratings: int = 0
    plan_items: int = 0
    events: int = 0
    bookings: int = 0
    rows: int = 0
    heavy_pa_email: str = ""
    heavy_pa_completions: int = 0
    skipped: str = ""
