"""Who may write and publish courses through pages: staff (any role) of a training provider,
for their own organisation's courses, and site admins, for every course published through
pages. PA Hub's own courses (source "repository") change through pull requests, so nobody
edits them here.

Pages, and any later API, load courses and drafts only through the `access_*` helpers below.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Organisation, User
from pahub.accounts.permissions import is_site_admin
from pahub.learning.models import Course, ModuleDraft


def author_organisations(user: User) -> QuerySet[Organisation]:
    """The training providers this person may publish courses for."""
    providers = Organisation.objects.filter(kind=Organisation.Kind.TRAINING_PROVIDER)
    if is_site_admin(user):
        return providers
    return providers.filter(memberships__user=user).distinct()


def is_course_author(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    if is_site_admin(user):
        return True
    return author_organisations(user).exists()


def author_required(view: Callable) -> Callable:
    """Signed out: to the sign-in page. Signed in but not an author (a PA, an employer, staff
    of an organisation that is not a training provider): 403, the page is not for them."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_course_author(request.user):
            raise PermissionDenied("These pages are for staff of training providers.")
        return view(request, *args, **kwargs)

    return wrapper


def courses_for_author(user: User) -> QuerySet[Course]:
    """Every course this person may change: never PA Hub's own (repository) courses."""
    courses = Course.objects.filter(source=Course.Source.PAGES)
    if is_site_admin(user):
        return courses
    return courses.filter(provider__in=author_organisations(user))


def access_course_for_author(user: User, course_id: int) -> Course:
    """The only way an authoring page loads a course. Another organisation's course, and
    PA Hub's own courses, are "not found", so ids reveal nothing."""
    course = get_object_or_404(Course.objects.select_related("provider"), pk=course_id)
    if course.source != Course.Source.PAGES:
        raise Http404
    if is_site_admin(user):
        return course
    if course.provider_id is None:
        raise Http404
    if not author_organisations(user).filter(pk=course.provider_id).exists():
        raise Http404
    return course


def access_draft_for_author(user: User, course_id: int, draft_id: int) -> ModuleDraft:
    course = access_course_for_author(user, course_id)
    draft = get_object_or_404(ModuleDraft, pk=draft_id, course=course)
    draft.course = course  # the one already loaded, with its provider
    return draft
