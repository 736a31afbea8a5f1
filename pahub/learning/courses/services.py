"""What a person changes by taking courses: quiz attempts, completions and certificates.

One function per action, each one transaction, called by the pages and the API alike.
"""

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.learning.courses.marking import Marked, QuestionKey, mark
from pahub.learning.models import (
    Certificate,
    Course,
    Module,
    ModuleCompletion,
    ModuleVersion,
    Question,
    QuizAttempt,
)
from pahub.learning.notices import CERTIFICATE
from pahub.notifications.services import notify
from pahub.register.verification.services import induction_record_from_course

# No 0/O, 1/I/L: a code is read off paper and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class QuizAnswerError(ValueError):
    """Answers that cannot be marked; `problems` maps each question id at fault to a message
    to show beside it."""

    def __init__(self, problems: dict[int, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class QuizOutcome:
    attempt: QuizAttempt
    marked: Marked
    completion: ModuleCompletion | None
    certificate: Certificate | None  # issued by this attempt


def unanswered_message(number: int, *, select_all: bool) -> str:
    if select_all:
        return f"Select at least one answer to question {number}"
    return f"Choose an answer to question {number}"


def question_keys(questions: Iterable[Question]) -> list[QuestionKey]:
    """Answer keys from questions loaded with their choices (prefetch `choices`)."""
    return [
        QuestionKey(
            id=question.pk,
            correct=frozenset(choice.pk for choice in question.choices.all() if choice.correct),
        )
        for question in questions
    ]


def answer_problems(
    questions: Iterable[Question], answers: Mapping[int, Iterable[int]]
) -> dict[int, str]:
    """Every question must be answered with its own choices; a one-answer question with one."""
    problems = {}
    for number, question in enumerate(questions, start=1):
        valid = {choice.pk for choice in question.choices.all()}
        select_all = sum(choice.correct for choice in question.choices.all()) > 1
        chosen = set(answers.get(question.pk, ()))
        if not chosen:
            problems[question.pk] = unanswered_message(number, select_all=select_all)
        elif not chosen <= valid:
            problems[question.pk] = f"Choose from the answers given for question {number}"
        elif not select_all and len(chosen) > 1:
            problems[question.pk] = f"Choose one answer to question {number}"
    return problems


@transaction.atomic
def quiz_submit(
    *, user: User, module_version: ModuleVersion, answers: Mapping[int, Iterable[int]]
) -> QuizOutcome:
    """Mark one attempt at a module's quiz and record it. A pass records the module as
    completed (once per version, however often it is passed), and completing the course's
    last module issues its certificate."""
    questions = list(module_version.questions.prefetch_related("choices"))
    problems = answer_problems(questions, answers)
    if problems:
        raise QuizAnswerError(problems)
    chosen = {question.pk: sorted(set(answers[question.pk])) for question in questions}
    marked = mark(question_keys(questions), chosen, module_version.pass_mark)
    attempt = QuizAttempt.objects.create(
        user=user,
        module_version=module_version,
        answers={str(question_id): ids for question_id, ids in chosen.items()},
        correct_count=marked.right,
        question_count=marked.count,
        passed=marked.passed,
    )
    if not marked.passed:
        return QuizOutcome(attempt=attempt, marked=marked, completion=None, certificate=None)
    completion, created = ModuleCompletion.objects.get_or_create(
        user=user,
        module_version=module_version,
        defaults={"module_id": module_version.module_id, "attempt": attempt},
    )
    certificate = None
    if created:
        audit.record(user, "learning.module_completed", completion, version=module_version.number)
        certificate = certificate_issue_if_complete(user=user, course=module_version.module.course)
    return QuizOutcome(
        attempt=attempt, marked=marked, completion=completion, certificate=certificate
    )


def new_certificate_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Certificate.objects.filter(code=code).exists():
            return code


@transaction.atomic
def certificate_issue_if_complete(*, user: User, course: Course) -> Certificate | None:
    """Issue the course's certificate when the person has completed every current module (any
    version of each), unless they already have one for this version of the course."""
    course = Course.objects.select_for_update().get(pk=course.pk)
    modules = list(Module.objects.filter(course=course, retired_at__isnull=True))
    if not modules:
        return None
    # Each module's newest completion: the versions this certificate is for.
    latest: dict[int, int] = {}
    for module_id, version_id in (
        ModuleCompletion.objects.filter(user=user, module__in=modules)
        .order_by("completed_at", "pk")
        .values_list("module_id", "module_version_id")
    ):
        latest[module_id] = version_id
    if len(latest) < len(modules):
        return None
    if Certificate.objects.filter(user=user, course=course, course_version=course.version).exists():
        return None
    certificate = Certificate.objects.create(
        user=user,
        course=course,
        course_version=course.version,
        code=new_certificate_code(),
        name=user.full_name or user.email,
    )
    certificate.module_versions.set(latest.values())
    audit.record(user, "learning.certificate_issued", certificate, version=course.version)
    if course.is_induction:
        induction_record_from_course(
            user=user,
            completed_on=timezone.localdate(certificate.issued_at),
            certificate_code=certificate.code,
        )
    url = reverse("learning:certificate", args=[certificate.code])
    body = (
        f"You completed every module of {course.title}. Your certificate's code is "
        f"{certificate.code}: anyone you show it to can check it on PA Hub."
    )
    notify(
        user,
        CERTIFICATE.key,
        title=f"Certificate: {course.title}",
        body=body,
        url=url,
        email=(
            f"Your certificate for {course.title}",
            f"{body}\n\nSee it on PA Hub: {settings.SITE_URL}{url}",
        ),
    )
    return certificate


@transaction.atomic
def certificate_set_show_on_profile(*, certificate: Certificate, show: bool) -> Certificate:
    if certificate.show_on_profile != show:
        certificate.show_on_profile = show
        certificate.save(update_fields=["show_on_profile"])
        audit.record(certificate.user, "learning.certificate_shown", certificate, show=show)
    return certificate
