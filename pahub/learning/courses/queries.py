"""Reading courses and progress: a fixed number of queries however many courses, modules or
completions there are (the learning home is the zone's busiest page)."""

import re
from dataclasses import dataclass, field

from django.db.models import QuerySet

from pahub.learning.models import (
    Audience,
    Certificate,
    Course,
    Module,
    ModuleCompletion,
    ModuleVersion,
    QuizAttempt,
)


@dataclass
class ModuleRow:
    module: Module
    version: ModuleVersion
    completed: bool = False


@dataclass
class CourseProgress:
    course: Course
    modules: list[ModuleRow] = field(default_factory=list)
    certificate: Certificate | None = None

    @property
    def total(self) -> int:
        return len(self.modules)

    @property
    def done(self) -> int:
        return sum(row.completed for row in self.modules)

    @property
    def minutes(self) -> int:
        return sum(row.version.minutes for row in self.modules)

    @property
    def started(self) -> bool:
        return self.done > 0

    @property
    def next_module(self) -> ModuleRow | None:
        """Where to continue: the first module not yet completed."""
        return next((row for row in self.modules if not row.completed), None)

    @property
    def care_certificate_standards(self) -> list[str]:
        standards = {s for row in self.modules for s in row.version.care_certificate}
        return sorted(standards, key=lambda s: (len(s), s))


CODE = re.compile(r"[A-Z0-9]{1,12}")


def published_courses() -> QuerySet[Course]:
    return Course.objects.filter(published_at__isnull=False)


def audiences_for(user) -> set[str]:
    """The courses written for this person's roles (and everyone's)."""
    audiences = {Audience.ANYONE.value}
    if not user.is_authenticated:
        return audiences | {Audience.PA.value, Audience.EMPLOYER.value}
    if user.has_role("pa"):
        audiences.add(Audience.PA.value)
    if user.has_role("employer") or user.has_role("representative"):
        audiences.add(Audience.EMPLOYER.value)
    return audiences


def progress_for(user, courses: list[Course]) -> list[CourseProgress]:
    """Each course with its current modules and what this person has completed; three
    queries for a signed-in person, one for a visitor (plus the courses themselves)."""
    by_course = {course.pk: CourseProgress(course=course) for course in courses}
    modules = (
        Module.objects.filter(course__in=courses, retired_at__isnull=True)
        .exclude(current_version=None)
        .select_related("current_version")
        .order_by("course_id", "order", "pk")
    )
    completed: set[int] = set()
    if user.is_authenticated:
        completed = set(
            ModuleCompletion.objects.filter(user=user, module__course__in=courses).values_list(
                "module_id", flat=True
            )
        )
        for certificate in Certificate.objects.filter(user=user, course__in=courses).order_by(
            "issued_at"
        ):
            # The newest certificate wins.
            by_course[certificate.course_id].certificate = certificate
    for module in modules:
        by_course[module.course_id].modules.append(
            ModuleRow(
                module=module,
                version=module.current_version,
                completed=module.pk in completed,
            )
        )
    return [by_course[course.pk] for course in courses]


def certificates_of(user) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user).select_related("course")


def certificate_by_code(code: str) -> Certificate | None:
    """For the public check: the certificate with this code, if any (case and spaces are
    forgiven, since codes are typed by hand)."""
    cleaned = "".join(code.split()).upper()
    if not CODE.fullmatch(cleaned):
        return None  # not a code's shape (or a NUL byte): not found, without a query
    return Certificate.objects.select_related("course").filter(code=cleaned).first()


def certificate_module_versions(certificate: Certificate) -> list[ModuleVersion]:
    return list(
        certificate.module_versions.select_related("module").order_by("module__order", "pk")
    )


def latest_attempt(user, version: ModuleVersion) -> QuizAttempt | None:
    if not user.is_authenticated:
        return None
    return QuizAttempt.objects.filter(user=user, module_version=version).first()


def has_completed(user, module: Module) -> bool:
    return (
        user.is_authenticated and ModuleCompletion.objects.filter(user=user, module=module).exists()
    )
