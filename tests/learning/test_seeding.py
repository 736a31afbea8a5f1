"""`manage.py seed` gives seeded PAs their learning: completions with the quiz attempts behind
them, certificates with unique codes, CPD logs, self-assessments and plans, and providers'
events with bookings; one PA holds 200 completions for the benchmark; the same seed gives the
same learning."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q
from django.utils import timezone

from pahub.accounts.models import Organisation, Role, User
from pahub.accounts.seeding import seed_users
from pahub.learning.courses.services import CODE_ALPHABET
from pahub.learning.models import (
    Audience,
    Certificate,
    Course,
    CPDEntry,
    Event,
    EventBooking,
    Module,
    ModuleCompletion,
    PlanItem,
    QuizAttempt,
    SelfRating,
)
from pahub.learning.seeding import (
    HEAVY_PA_COMPLETIONS,
    TRAINING_PROVIDER_NAME,
    heavy_pa_email,
    practice_module_spec,
    seed_learning,
)
from pahub.learning.versioning import publish_module_version

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed", "--employers", "0", *args, stdout=out)
    return out.getvalue()


def seeded_pas(number: int):
    return seed_users(number).filter(roles__role=Role.PA)


def learning_of(number: int) -> dict[str, tuple]:
    """Everything the seed gave each PA, by email, in a form two runs can be compared in."""
    learning = {}
    for person in seeded_pas(number).order_by("email"):
        learning[person.email] = (
            list(
                person.module_completions.order_by("completed_at", "module__slug").values_list(
                    "module__course__slug", "module__slug", "completed_at"
                )
            ),
            list(
                person.quiz_attempts.order_by("created_at", "pk").values_list(
                    "module_version__module__slug", "correct_count", "passed", "created_at"
                )
            ),
            list(
                person.certificates.order_by("course__slug").values_list(
                    "course__slug", "code", "issued_at", "show_on_profile"
                )
            ),
            list(
                person.cpd_entries.order_by("learned_on", "title", "hours").values_list(
                    "title", "provider", "learned_on", "hours"
                )
            ),
            list(
                person.self_ratings.order_by("topic", "skill__code").values_list(
                    "topic", "skill__code", "rating"
                )
            ),
            list(
                person.plan_items.order_by("order").values_list(
                    "order", "topic", "module__slug", "event__title", "title", "done_at"
                )
            ),
            list(
                person.event_bookings.order_by("event__starts_at").values_list(
                    "event__title", "event__starts_at", "cancelled_at"
                )
            ),
        )
    return learning


def test_seeding_gives_a_share_of_pas_completions_certificates_and_cpd():
    output = seed("--pas", "120", "--seed", "31")

    pas = seeded_pas(31)
    learners = pas.filter(module_completions__isnull=False).distinct().count()
    certified = pas.filter(certificates__isnull=False).distinct().count()
    cpd_keepers = pas.filter(cpd_entries__isnull=False).distinct().count()
    assert 45 <= learners <= 95  # about 60% of 120
    assert 25 <= certified <= 65  # about 35%
    assert 30 <= cpd_keepers <= 70  # about 40%
    assert pas.filter(self_ratings__isnull=False).distinct().count() >= 20
    assert PlanItem.objects.filter(user__in=pas).exists()
    assert EventBooking.objects.filter(user__in=pas).exists()
    assert "Learning: " in output
    assert f"{ModuleCompletion.objects.filter(user__in=pas).count():,} modules" in output
    assert f"{Certificate.objects.filter(user__in=pas).count():,} certificates" in output


def test_certificate_codes_are_unique_and_easy_to_type():
    seed("--pas", "150", "--seed", "32")

    codes = list(Certificate.objects.values_list("code", flat=True))
    assert len(codes) > 40
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)


def test_a_certificate_names_every_module_of_its_course_that_its_holder_passed():
    seed("--pas", "60", "--seed", "33")

    for certificate in Certificate.objects.select_related("course"):
        modules = Module.objects.filter(course=certificate.course, retired_at__isnull=True)
        assert certificate.module_versions.count() == modules.count()
        passed = ModuleCompletion.objects.filter(
            user_id=certificate.user_id, module_version__in=certificate.module_versions.all()
        )
        assert passed.count() == modules.count()
        assert certificate.issued_at == max(passed.values_list("completed_at", flat=True))
        assert certificate.name == User.objects.get(pk=certificate.user_id).full_name


def test_every_completion_rests_on_a_passed_attempt_and_failed_ones_fall_short():
    seed("--pas", "80", "--seed", "34")

    now = timezone.now()
    completions = ModuleCompletion.objects.select_related("attempt", "user", "module_version")
    assert completions.exists()
    for completion in completions:
        attempt = completion.attempt
        assert attempt.passed
        assert attempt.module_version_id == completion.module_version_id
        assert attempt.correct_count * 100 >= completion.module_version.pass_mark * (
            attempt.question_count
        )
        assert completion.user.date_joined.date() <= completion.completed_at.date()
        assert completion.completed_at < now
    failed = QuizAttempt.objects.filter(passed=False)
    assert failed.exists()
    for attempt in failed.select_related("module_version"):
        assert attempt.correct_count * 100 < attempt.module_version.pass_mark * (
            attempt.question_count
        )
        assert len(attempt.answers) == attempt.question_count


def test_with_a_heavy_pa_the_first_pa_holds_exactly_200_completions_and_a_long_plan():
    output = seed("--pas", "30", "--seed", "35", "--learning-heavy-pa")

    heavy = User.objects.get(email=heavy_pa_email(35))
    assert heavy.module_completions.count() == HEAVY_PA_COMPLETIONS == 200
    assert heavy.module_completions.values("module").distinct().count() == 200
    # Every practice course is ten modules, so 200 finish twenty courses.
    assert heavy.certificates.count() == 20
    assert heavy.cpd_entries.count() >= 10
    assert heavy.plan_items.count() >= 20
    assert heavy.self_ratings.count() >= 11
    others = seeded_pas(35).exclude(pk=heavy.pk)
    busiest = (
        ModuleCompletion.objects.filter(user__in=others)
        .values("user")
        .annotate(count=Count("pk"))
        .order_by("-count")
        .first()
    )
    assert busiest is None or busiest["count"] < 200
    assert f"{heavy.email} has 200 completions" in output


def test_without_a_heavy_pa_the_first_pa_is_like_any_other():
    seed("--pas", "30", "--seed", "46")

    heavy = User.objects.get(email=heavy_pa_email(46))
    assert heavy.module_completions.count() <= 20


def test_the_same_seed_gives_the_same_learning():
    seed("--pas", "60", "--seed", "36", "--learning-heavy-pa")
    first = learning_of(36)

    seed("--pas", "60", "--seed", "36", "--replace", "--learning-heavy-pa")

    assert learning_of(36) == first
    assert sum(len(rows[0]) for rows in first.values()) > 200


def test_two_practice_courses_are_made_when_no_course_is_loaded_and_only_once():
    seed("--pas", "10", "--seed", "37")
    seed("--pas", "10", "--seed", "38")

    practice = Course.objects.filter(slug__startswith="seeded-practice-course-")
    assert list(practice.values_list("title", flat=True)) == [
        "Seeded practice course 1",
        "Seeded practice course 2",
    ]
    assert Module.objects.count() == 20
    assert ModuleCompletion.objects.filter(user__in=seeded_pas(38)).exists()


def test_a_heavy_pa_tops_the_modules_up_to_200_once():
    seed("--pas", "10", "--seed", "37")
    seed("--pas", "10", "--seed", "38", "--learning-heavy-pa")
    seed("--pas", "10", "--seed", "39", "--learning-heavy-pa")

    assert Course.objects.filter(slug__startswith="seeded-practice-course-").count() == 20
    assert Module.objects.count() == 200


def test_a_heavy_pa_needs_pas_and_learning():
    with pytest.raises(CommandError):
        seed("--pas", "0", "--seed", "47", "--learning-heavy-pa")
    with pytest.raises(CommandError):
        seed("--pas", "5", "--seed", "47", "--learning-heavy-pa", "--no-learning")


def test_pas_finish_the_induction_course_when_one_is_loaded():
    induction = Course.objects.create(
        slug="induction",
        title="Induction for Personal Assistants",
        summary="What every new PA needs to know.",
        audience=Audience.PA,
        is_induction=True,
        order=1,
    )
    for order in (1, 2, 3):
        publish_module_version(induction, practice_module_spec(900 + order), order=order)
    induction.published_at = timezone.now() - timezone.timedelta(days=400)
    induction.save(update_fields=["published_at"])

    seed("--pas", "60", "--seed", "48")

    certificates = Certificate.objects.filter(user__in=seeded_pas(48))
    assert certificates.filter(course=induction).count() >= 10
    assert set(certificates.values_list("course", flat=True)) == {induction.pk}
    assert not Course.objects.filter(slug__startswith="seeded-practice-course-").exists()


def test_content_published_today_is_taken_between_its_publication_and_now():
    before = timezone.now()
    induction = Course.objects.create(
        slug="induction",
        title="Induction for Personal Assistants",
        summary="What every new PA needs to know.",
        audience=Audience.PA,
        is_induction=True,
    )
    publish_module_version(induction, practice_module_spec(901), order=1)
    publish_module_version(induction, practice_module_spec(902), order=2)
    induction.published_at = timezone.now()
    induction.save(update_fields=["published_at"])

    seed("--pas", "30", "--seed", "49")

    after = timezone.now()
    completions = ModuleCompletion.objects.filter(module__course=induction)
    assert completions.exists()
    for completed_at in completions.values_list("completed_at", flat=True):
        assert induction.published_at <= completed_at <= after
    assert QuizAttempt.objects.filter(created_at__lt=before).count() == 0


def test_events_come_from_training_providers_or_a_seeded_one():
    seed("--pas", "20", "--seed", "40")

    provider = Organisation.objects.get(name=TRAINING_PROVIDER_NAME)
    assert provider.kind == Organisation.Kind.TRAINING_PROVIDER
    assert Event.objects.filter(organisation=provider).count() >= 4
    for booking in EventBooking.objects.select_related("event"):
        assert booking.created_at <= booking.event.starts_at


def test_events_use_existing_training_providers():
    partnership = Organisation.objects.create(
        name="North East PA Training Partnership", kind=Organisation.Kind.TRAINING_PROVIDER
    )

    seed("--pas", "20", "--seed", "41")

    assert not Organisation.objects.filter(name=TRAINING_PROVIDER_NAME).exists()
    assert Event.objects.filter(organisation=partnership).count() >= 4


def test_no_event_is_booked_beyond_its_places():
    seed("--pas", "300", "--seed", "42")

    events = Event.objects.filter(capacity__isnull=False).annotate(
        live=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True))
    )
    assert events.filter(live__gt=0).exists()
    for event in events:
        assert event.live <= event.capacity


def test_seeding_learning_again_adds_nothing():
    seed("--pas", "15", "--seed", "43")
    completions = ModuleCompletion.objects.count()

    counts = seed_learning(seed=43)

    assert counts.skipped
    assert ModuleCompletion.objects.count() == completions


def test_no_learning_skips_it():
    output = seed("--pas", "15", "--seed", "44", "--no-learning")

    assert "Learning:" not in output
    assert not ModuleCompletion.objects.exists()
    assert not CPDEntry.objects.exists()
    assert not SelfRating.objects.exists()


def test_replace_deletes_the_seeds_learning_with_its_people():
    seed("--pas", "30", "--seed", "45")

    seed("--pas", "5", "--seed", "45", "--replace", "--no-learning")

    assert not ModuleCompletion.objects.exists()
    assert not Certificate.objects.exists()
    assert not QuizAttempt.objects.exists()
    assert not CPDEntry.objects.exists()
    assert not PlanItem.objects.exists()


@pytest.fixture(autouse=True)
def _own_courses_only(without_repository_courses) -> None:
    """Only the courses these tests make."""
