"""Demo PA profiles, employer profiles, jobs and one application, for `make run`.

Called by `demo_data_create` after the demo people exist (see DEMO_EXTENSIONS). Like the rest
of the demo, it only adds what is missing, so a second run changes nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from pahub.accounts.models import User
from pahub.employers.models import EmployerProfile
from pahub.jobs.models import Application, Job
from pahub.messaging.models import Message
from pahub.messaging.services import conversation_get_or_create, hub_event_post, message_post
from pahub.places.queries import district_for_postcode
from pahub.register.availability import mask_from_keys
from pahub.register.code.services import code_sign
from pahub.register.evidence.services import evidence_add
from pahub.register.models import CodeOfConductVersion, Evidence, PAProfile, VerificationRecord
from pahub.register.permissions import verifier_organisation
from pahub.register.profile.services import profile_update_step
from pahub.register.services import profile_get_or_create, profile_recompute_level
from pahub.register.verification.services import evidence_verify
from pahub.taxonomy.dbs import dbs_rank
from pahub.taxonomy.models import Interest, Language, Skill

# The demo's verifiers (pahub.setup.demo): the first whose organisation covers a PA checks
# their DBS certificate.
DEMO_VERIFIERS = ("verifier", "verifier.twils")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


@dataclass(frozen=True)
class DemoProfile:
    mailbox: str
    about_me: str
    skills: tuple[str, ...]
    free: tuple[str, ...]
    interests: tuple[str, ...]
    travel_miles: int
    hourly_rate: str
    gender: str = ""
    drives: bool = False
    languages: tuple[tuple[str, str], ...] = (("en", "fluent"),)
    enhanced_dbs: bool = False
    years_experience: int = 1


DEMO_PROFILES: tuple[DemoProfile, ...] = (
    DemoProfile(
        mailbox="pa.jordan",
        about_me="I looked after my grandad for five years and loved it. Calm, patient, punctual.",
        skills=(
            "personal_care.washing_bathing",
            "personal_care.dressing",
            "mobility.hoist",
            "food.meal_prep",
            "health.medication",
        ),
        free=tuple(f"{day}_{part}" for day in WEEKDAYS for part in ("early", "morning")),
        interests=("Football", "Gardening", "Cooking and baking"),
        travel_miles=8,
        hourly_rate="13.00",
        gender="man",
        drives=True,
        enhanced_dbs=True,
        years_experience=5,
    ),
    DemoProfile(
        mailbox="pa.chloe",
        about_me="Student nurse looking for early shifts around my course. Chatty and practical.",
        skills=("personal_care.washing_bathing", "personal_care.dressing", "domestic.cleaning"),
        free=("monday_early", "wednesday_early", "friday_early", "saturday_morning"),
        interests=("Music", "Walking"),
        travel_miles=15,
        hourly_rate="12.80",
        gender="woman",
        years_experience=1,
    ),
    DemoProfile(
        mailbox="pa.tomasz",
        about_me="Ten years in care homes, now working for myself. I speak Polish and English.",
        skills=(
            "personal_care.washing_bathing",
            "mobility.bed_transfers",
            "mobility.hoist",
            "health.peg_feeding",
            "condition.dementia",
        ),
        free=tuple(f"{day}_{part}" for day in WEEKDAYS for part in ("early", "evening")),
        interests=("Football", "Cars and motorsport"),
        travel_miles=12,
        hourly_rate="14.00",
        gender="man",
        languages=(("en", "fluent"), ("pl", "fluent")),
        enhanced_dbs=True,
        years_experience=10,
    ),
    DemoProfile(
        mailbox="pa.david",
        about_me="Retired postman who enjoys company, days out and a good quiz.",
        skills=("social.activities", "transport.driving", "errands.shopping"),
        free=("saturday_afternoon", "sunday_afternoon", "wednesday_afternoon"),
        interests=("Walking", "Board games and puzzles"),
        travel_miles=20,
        hourly_rate="12.71",
        drives=True,
        years_experience=2,
    ),
)


@dataclass(frozen=True)
class DemoJob:
    employer: str
    title: str
    description: str
    tasks: tuple[str, ...]
    hours: tuple[str, ...]
    hours_per_week: str
    hourly_pay: str
    status: str
    nice_interests: tuple[str, ...] = ()
    required_skills: tuple[str, ...] = ()
    required_dbs: str = ""
    requires_driver: bool = False


DEMO_JOBS: tuple[DemoJob, ...] = (
    DemoJob(
        employer="employer.amira",
        title="Morning PA to help me start the day",
        description=(
            "I am a mum of two and use a wheelchair. I need help getting up, washed and dressed "
            "before the school run, and a hand with breakfast. I like a calm start and a chat."
        ),
        tasks=(
            "personal_care.washing_bathing",
            "personal_care.dressing",
            "mobility.hoist",
            "food.meal_prep",
        ),
        hours=tuple(f"{day}_early" for day in WEEKDAYS),
        hours_per_week="15",
        hourly_pay="13.50",
        status=Job.Status.PUBLISHED,
        nice_interests=("Football", "Cooking and baking"),
        required_skills=("mobility.hoist",),
        required_dbs="enhanced",
    ),
    DemoJob(
        employer="employer.amira",
        title="Weekend companion for days out",
        description="Someone to come with me to the coast, the shops or a match now and then.",
        tasks=("social.activities", "social.community_access"),
        hours=("saturday_afternoon", "sunday_afternoon"),
        hours_per_week="8",
        hourly_pay="13.00",
        status=Job.Status.DRAFT,
    ),
    DemoJob(
        employer="employer.margaret",
        title="Afternoon company and help around the house",
        description=(
            "I am 84 and live on my own in Tynemouth. I would like help with shopping, a bit "
            "of cleaning and someone to drive me to see friends."
        ),
        tasks=("errands.shopping", "domestic.cleaning", "transport.driving"),
        hours=("monday_afternoon", "wednesday_afternoon", "friday_afternoon"),
        hours_per_week="9",
        hourly_pay="13.20",
        status=Job.Status.PUBLISHED,
        nice_interests=("Board games and puzzles",),
        requires_driver=True,
    ),
)

DEMO_EMPLOYERS = {
    "employer.amira": ("Amira", "A calm, cheerful person who is on time and likes a chat."),
    "employer.margaret": ("Peggy", "Someone kind and patient who will have a cup of tea with me."),
    "employer.george": ("George", "Someone reliable who loves the outdoors as much as I do."),
}


def demo_extension(*, people: dict[str, User]) -> None:
    """Add the demo's profiles, jobs and an application for people already created."""
    code = CodeOfConductVersion.objects.filter(published_at__isnull=False).order_by("-number")
    current_code = code.first()
    for spec in DEMO_PROFILES:
        if spec.mailbox in people:
            _demo_pa_profile(spec, people[spec.mailbox], current_code, people)
    for mailbox, (display_name, what_matters) in DEMO_EMPLOYERS.items():
        if mailbox in people:
            _demo_employer_profile(people[mailbox], display_name, what_matters)
    jobs = [_demo_job(spec, people[spec.employer]) for spec in DEMO_JOBS if spec.employer in people]
    if jobs and "pa.chloe" in people:
        _demo_application(jobs[0], people["pa.chloe"])


def _demo_pa_profile(spec: DemoProfile, user: User, current_code, people) -> None:
    """A PA's profile made as the PA makes it: every step of the builder saved through the
    same service (so the builder counts each section done), identity declared, and a DBS
    certificate checked by a real demo verifier of an organisation covering the PA's area."""
    if PAProfile.objects.filter(user=user).exists():
        return
    profile = profile_get_or_create(user=user)
    for step, answers in _builder_answers(spec, user).items():
        profile = profile_update_step(profile=profile, step=step, data=answers, by=user)
    evidence_add(
        profile=profile,
        kind=Evidence.Kind.IDENTITY,
        by=user,
        details={"identity_document": Evidence.IdentityDocument.PASSPORT},
        declared=True,
    )
    if spec.enhanced_dbs:
        _demo_verified_dbs(profile, user, people)
    if current_code is not None:
        code_sign(user=user, version_number=current_code.number)
    profile_recompute_level(profile=profile)


def _builder_answers(spec: DemoProfile, user: User) -> dict[str, dict]:
    """The answers to each of the builder's steps, in its order, as the forms give them."""
    languages = {language.code: language for language in Language.objects.all()}
    return {
        "name": {"display_name": user.known_as or user.full_name.split(" ")[0]},
        "about": {
            "about_me": spec.about_me,
            "what_matters": (
                "Being trusted to do things the way the person I support likes them done."
            ),
        },
        "interests": {
            "interests": list(Interest.objects.filter(name__in=spec.interests)),
            "other_interests": [],
        },
        "languages": {"languages": [(languages[code], level) for code, level in spec.languages]},
        "photo": {},  # answered: no photo for now
        "skills": {"skills": list(Skill.objects.filter(code__in=spec.skills))},
        "experience": {
            "years_experience": spec.years_experience,
            "experience_kinds": ["family"],
            "experience_summary": "",
            "qualifications_summary": "",
        },
        "driving": {
            "has_driving_licence": spec.drives,
            "has_own_car": spec.drives,
            "offers_driving": spec.drives,
        },
        "gender": {"gender": spec.gender},
        "availability": {"availability": mask_from_keys(spec.free)},
        "location": {"travel_miles": spec.travel_miles},
        "pay": {"hourly_rate": Decimal(spec.hourly_rate)},
        "work": {"work_wanted": PAProfile.WorkWanted.BOTH},
        "visibility": {"visibility": PAProfile.Visibility.ALL_EMPLOYERS, "visible_in": []},
    }


def _demo_verified_dbs(profile: PAProfile, user: User, people: dict[str, User]) -> None:
    """The PA adds their certificate; a demo verifier whose organisation covers the PA's
    area checks the original, as on the verification page."""
    certificate = evidence_add(
        profile=profile,
        kind=Evidence.Kind.DBS,
        by=user,
        details={
            "dbs_type": Evidence.DbsType.ENHANCED,
            "dbs_certificate_number": "001234567890",
            "dbs_issue_date": timezone.localdate() - timedelta(days=200),
            "dbs_on_update_service": False,
            "dbs_status_check_consent": False,
        },
    )
    verifier = next(
        (
            people[mailbox]
            for mailbox in DEMO_VERIFIERS
            if mailbox in people and verifier_organisation(people[mailbox], profile) is not None
        ),
        None,
    )
    if verifier is None:
        return  # no demo verifier covers this PA: the certificate waits to be checked
    evidence_verify(
        evidence=certificate,
        by=verifier,
        outcome=VerificationRecord.Outcome.VERIFIED,
        saw_original=True,
    )


def _demo_employer_profile(user: User, display_name: str, what_matters: str) -> None:
    if EmployerProfile.objects.filter(user=user).exists():
        return
    district = district_for_postcode(user.postcode)
    profile = EmployerProfile.objects.create(
        user=user,
        display_name=display_name,
        postcode=user.postcode,
        district=district,
        local_authority=district.local_authority,
        what_matters=what_matters,
        created_by=user,
    )
    profile.interests.set(Interest.objects.filter(name__in=["Football", "Cooking and baking"]))


def _demo_job(spec: DemoJob, employer: User) -> Job:
    existing = Job.objects.filter(employer=employer, title=spec.title).first()
    if existing:
        return existing
    profile = EmployerProfile.objects.get(user=employer)
    published = spec.status == Job.Status.PUBLISHED
    job = Job.objects.create(
        employer=employer,
        posted_by=employer,
        title=spec.title,
        description=spec.description,
        hours_grid=mask_from_keys(spec.hours),
        hours_per_week=Decimal(spec.hours_per_week),
        start_date=date.today() + timedelta(days=28),
        hourly_pay=Decimal(spec.hourly_pay),
        district=profile.district,
        local_authority=profile.local_authority,
        required_dbs=spec.required_dbs,
        required_dbs_rank=dbs_rank(spec.required_dbs),
        requires_driver=spec.requires_driver,
        status=spec.status,
        published_at=timezone.now() if published else None,
        completed_steps=["title", "description", "tasks", "hours", "start", "pay", "must_haves"],
    )
    job.tasks.set(Skill.objects.filter(code__in=spec.tasks))
    job.required_skills.set(Skill.objects.filter(code__in=spec.required_skills))
    job.nice_interests.set(Interest.objects.filter(name__in=spec.nice_interests))
    return job


def _demo_application(job: Job, pa: User) -> None:
    if Application.objects.filter(job=job, pa=pa).exists():
        return
    conversation = conversation_get_or_create(employer=job.employer, pa=pa, job=job)
    hub_event_post(conversation=conversation, body=f"Chloe said she is interested in “{job}”.")
    message_post(
        conversation=conversation,
        author=pa,
        author_role=Message.AuthorRole.PA,
        body=(
            "Hello! I'm a student nurse and free most early mornings. "
            "I'd love to hear more about the job."
        ),
    )
    Application.objects.create(
        job=job,
        pa=pa,
        origin=Application.Origin.INTERESTED,
        status=Application.Status.INTERESTED,
        message="I'd love to hear more about the job.",
        conversation=conversation,
    )
