"""Who may see and do what with courses, quizzes and certificates: the only place these rules
live. Pages and the API both call these helpers.

Reading a published course is open to everyone, signed in or not. Taking a quiz needs an
account (any role: the employer course is written for employers and the induction for PAs,
but anyone signed in may take either). A certificate's page is its owner's alone; anyone else
checks it by its code on the public verification page, which shows name, course and date.
"""

import re

from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.learning.models import Certificate, Course, Module, QuizAttempt

# What a slug or a certificate code can look like: anything else (a NUL byte sent to the API,
# which PostgreSQL refuses with an error) is simply not found, without asking the database.
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")
CODE = re.compile(r"[A-Za-z0-9]{1,12}")


def access_course_for_reading(slug: str) -> Course:
    if not SLUG.fullmatch(slug):
        raise Http404
    return get_object_or_404(Course, slug=slug, published_at__isnull=False)


def access_module_for_reading(course: Course, slug: str) -> Module:
    """A module still in the course, with its current version loaded."""
    if not SLUG.fullmatch(slug):
        raise Http404
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
    if not CODE.fullmatch(code):
        raise Http404
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
