"""Who may see and do what with courses, quizzes and certificates: the only place these rules
live. Pages and the API both call these helpers.

Reading a published course is open to everyone, signed in or not. Taking a quiz needs an
account (any role: the employer course is written for employers and the induction for PAs,
but anyone signed in may take either). A certificate's page is its owner's alone; anyone else
checks it by its code on the public verification page, which shows name, course and date.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.learning.models import Certificate, Course, Module, QuizAttempt


def access_course_for_reading(slug: str) -> Course:
    return get_object_or_404(Course, slug=slug, published_at__isnull=False)


def access_module_for_reading(course: Course, slug: str) -> Module:
    """A module still in the course, with its current version loaded."""
    module = get_object_or_404(
        Module.objects.select_related("current_version"),
        course=course,
        slug=slug,
        retired_at__isnull=True,
    )
    if module.current_version is None:
        raise Http404
    return module


def may_take_quizzes(user) -> bool:
    return user.is_authenticated


def access_certificate_for_owner(user, code: str) -> Certificate:
    """The owner's certificate; anyone else gets 404, so nobody learns a code exists here."""
    certificate = get_object_or_404(Certificate.objects.select_related("course"), code=code.upper())
    if certificate.user_id != user.pk:
        raise Http404
    return certificate


def access_attempt_for_owner(user, attempt_id: int) -> QuizAttempt:
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("module_version__module__course"), pk=attempt_id
    )
    if attempt.user_id != user.pk:
        raise Http404
    return attempt
