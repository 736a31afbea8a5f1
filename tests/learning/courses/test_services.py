"""Quiz attempts, completions and certificates: `courses.services`."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.learning.courses import queries
from pahub.learning.courses.loading import courses_load
from pahub.learning.courses.services import (
    CODE_ALPHABET,
    QuizAnswerError,
    certificate_set_show_on_profile,
    quiz_submit,
)
from pahub.learning.models import Certificate, ModuleCompletion, QuizAttempt
from pahub.notifications.models import Notice
from pahub.register.models import Evidence, InductionCompletion, PAProfile
from pahub.register.queries import induction_complete
from tests.learning.courses.conftest import (
    complete_course,
    current,
    pass_module,
    right_answers,
    wrong_answers,
)
from tests.register.verification.fixtures import make_entry_level, verified


def test_a_failed_attempt_is_recorded_without_a_completion(pa, course):
    version = current(course, "welcome")

    outcome = quiz_submit(user=pa, module_version=version, answers=wrong_answers(version))

    assert not outcome.marked.passed
    assert outcome.attempt.correct_count == 0
    assert outcome.completion is None
    assert not ModuleCompletion.objects.exists()


def test_a_pass_records_the_completion_once_however_often_it_is_passed(pa, course):
    first = pass_module(pa, course, "welcome")
    second = pass_module(pa, course, "welcome")

    assert first.completion == second.completion
    assert QuizAttempt.objects.filter(user=pa).count() == 2
    assert ModuleCompletion.objects.filter(user=pa).count() == 1
    assert first.completion.module_version == current(course, "welcome")


def test_half_right_passes_a_pass_mark_of_50(pa, course):
    version = current(course, "welcome")
    answers = right_answers(version)
    _, second = answers
    answers[second] = wrong_answers(version)[second]

    outcome = quiz_submit(user=pa, module_version=version, answers=answers)

    assert (outcome.marked.right, outcome.marked.count, outcome.marked.passed) == (1, 2, True)


def test_select_all_needs_every_right_answer_and_no_wrong_one(pa, course):
    version = current(course, "safety")
    [question] = version.questions.prefetch_related("choices")
    right = [c.pk for c in question.choices.all() if c.correct]

    missed = quiz_submit(user=pa, module_version=version, answers={question.pk: right[:1]})
    everything = quiz_submit(
        user=pa,
        module_version=version,
        answers={question.pk: [c.pk for c in question.choices.all()]},
    )

    assert not missed.marked.passed
    assert not everything.marked.passed


def test_an_unanswered_question_is_refused_and_nothing_is_saved(pa, course):
    version = current(course, "welcome")
    answers = right_answers(version)
    first = next(iter(answers))
    del answers[first]

    with pytest.raises(QuizAnswerError) as error:
        quiz_submit(user=pa, module_version=version, answers=answers)

    assert error.value.problems == {first: "Choose an answer to question 1"}
    assert not QuizAttempt.objects.exists()


def test_a_choice_from_another_question_or_two_for_a_one_answer_question_is_refused(pa, course):
    version = current(course, "welcome")
    answers = right_answers(version)
    first, second = answers
    answers[first] = answers[second]
    answers[second] = [c.pk for c in version.questions.get(pk=second).choices.all()]

    with pytest.raises(QuizAnswerError) as error:
        quiz_submit(user=pa, module_version=version, answers=answers)

    assert error.value.problems == {
        first: "Choose from the answers given for question 1",
        second: "Choose one answer to question 2",
    }


def test_completing_every_module_issues_one_certificate_and_tells_the_person(pa, course):
    pass_module(pa, course, "welcome")
    assert not Certificate.objects.exists()

    outcome = pass_module(pa, course, "safety")

    certificate = outcome.certificate
    assert certificate is not None
    assert certificate.name == "Jordan Reed"
    assert certificate.course_version == 1
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{8}}", certificate.code)
    assert set(certificate.module_versions.all()) == {
        current(course, "welcome"),
        current(course, "safety"),
    }
    notice = Notice.objects.get(recipient=pa, kind="learning.certificate")
    assert certificate.code in notice.body
    # Passing again gives no second certificate.
    assert pass_module(pa, course, "safety").certificate is None
    assert Certificate.objects.count() == 1


def test_progress_counts_completions_of_current_modules(pa, course, django_assert_max_num_queries):
    pass_module(pa, course, "welcome")

    with django_assert_max_num_queries(3):
        [progress] = queries.progress_for(pa, [course])

    assert (progress.done, progress.total) == (1, 2)
    assert progress.next_module.module.slug == "safety"
    assert progress.care_certificate_standards == ["1", "10"]


def test_a_new_version_keeps_old_certificates_valid_and_naming_their_version(
    pa, other_pa, course, content_dir
):
    old = complete_course(pa, course).certificate
    path = content_dir / "first-steps" / "02-safety.md"
    path.write_text(path.read_text().replace("adult social care team", "safeguarding team"))
    courses_load(content_dir)
    course.refresh_from_db()
    assert course.version == 2

    # The old certificate still verifies, naming version 1 of the course and of each module.
    found = queries.certificate_by_code(old.code.lower())
    assert found == old
    assert found.course_version == 1
    assert sorted(v.number for v in found.module_versions.all()) == [1, 1]
    # Someone completing it now gets version 2, made of the new safety module.
    new = complete_course(other_pa, course).certificate
    assert new.course_version == 2
    assert current(course, "safety") in new.module_versions.all()
    assert current(course, "safety").number == 2
    # The PA who took version 1 keeps their completion; passing version 2 renews the certificate.
    assert queries.progress_for(pa, [course])[0].done == 2
    renewed = pass_module(pa, course, "safety").certificate
    assert renewed.course_version == 2
    assert Certificate.objects.filter(user=pa).count() == 2


def test_a_retired_module_is_not_needed_for_the_certificate(pa, course, content_dir):
    (content_dir / "first-steps" / "02-safety.md").unlink()
    courses_load(content_dir)

    outcome = pass_module(pa, course, "welcome")

    assert outcome.certificate is not None
    assert outcome.certificate.course_version == 2


def test_showing_a_certificate_on_the_profile_can_be_turned_off(pa, course):
    certificate = complete_course(pa, course).certificate
    assert certificate.show_on_profile

    certificate_set_show_on_profile(certificate=certificate, show=False)

    certificate.refresh_from_db()
    assert not certificate.show_on_profile


# Level 2 through the induction course


@pytest.fixture
def pa_profile(pa, db) -> PAProfile:
    from pahub.register.availability import mask_from_keys
    from pahub.taxonomy.models import Skill, SkillCategory

    category, _ = SkillCategory.objects.get_or_create(name="Personal care")
    skill, _ = Skill.objects.get_or_create(
        code="personal_care.dressing",
        defaults={"category": category, "name": "Dressing", "description": "Getting dressed."},
    )
    profile = PAProfile.objects.create(
        user=pa,
        display_name="Jordan",
        about_me="I have cared for my grandad for five years.",
        availability=mask_from_keys(["monday_morning"]),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
    )
    profile.skills.add(skill)
    return profile


@pytest.fixture
def code_version(db):
    from pahub.register.models import CodeOfConductVersion

    return CodeOfConductVersion.objects.get_or_create(
        number=1, defaults={"body": "Be kind.", "published_at": timezone.now()}
    )[0]


def test_completing_the_induction_course_with_a_verified_dbs_reaches_level_2(
    pa, pa_profile, code_version, organisation, course
):
    make_entry_level(pa_profile, code_version)
    verified(
        pa_profile,
        Evidence.Kind.DBS,
        organisation,
        expires_on=timezone.localdate() + timedelta(days=300),
    )
    from pahub.register.services import profile_recompute_level

    assert profile_recompute_level(profile=pa_profile) == 1
    assert not induction_complete(pa)

    certificate = complete_course(pa, course).certificate

    assert induction_complete(pa)
    induction = InductionCompletion.objects.get(user=pa)
    assert induction.certificate_code == certificate.code
    assert induction.completed_on == timezone.localdate()
    assert induction.source == "induction course on PA Hub"
    pa_profile.refresh_from_db()
    assert pa_profile.level == 2


def test_a_course_that_is_not_the_induction_records_no_induction(pa, course):
    course.is_induction = False
    course.save(update_fields=["is_induction"])

    complete_course(pa, course)

    assert not induction_complete(pa)


def test_an_employer_completing_the_induction_gets_a_certificate_and_no_level(employer, course):
    certificate = complete_course(employer, course).certificate

    assert certificate is not None
    assert InductionCompletion.objects.filter(user=employer).exists()
    assert not PAProfile.objects.filter(user=employer).exists()
