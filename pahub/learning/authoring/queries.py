"""What the authoring pages read: a person's courses, and a course's modules with where each
stands (never published, published, changed since, retired)."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from pahub.accounts.models import User
from pahub.learning.authoring.permissions import courses_for_author
from pahub.learning.authoring.services import draft_has_changes
from pahub.learning.models import Course, Module, ModuleDraft


def course_list_for_author(user: User) -> QuerySet[Course]:
    """The person's courses with their counts, in one query however many there are."""
    return (
        courses_for_author(user)
        .select_related("provider")
        .annotate(
            live_module_count=Count(
                "modules",
                filter=Q(modules__retired_at__isnull=True, modules__current_version__isnull=False),
                distinct=True,
            ),
            draft_count=Count("drafts", distinct=True),
        )
        .order_by("-created_at", "pk")
    )


@dataclass(frozen=True)
class ModuleRow:
    draft: ModuleDraft
    module: Module | None
    has_changes: bool

    @property
    def version_number(self) -> int | None:
        if self.module is None or self.module.current_version is None:
            return None
        return self.module.current_version.number

    @property
    def is_retired(self) -> bool:
        return self.module is not None and self.module.retired_at is not None

    @property
    def status(self) -> str:
        """Where the module stands, in words (a tag's colour only repeats them)."""
        if self.version_number is None:
            return "Not published yet"
        if self.is_retired:
            return "Retired"
        if self.has_changes:
            return "Changes not yet published"
        return "Published"


def module_rows(course: Course) -> list[ModuleRow]:
    """Each module written for the course, with its published module if any: two queries."""
    modules = {
        module.slug: module
        for module in Module.objects.filter(course=course).select_related("current_version")
    }
    rows = []
    for draft in ModuleDraft.objects.filter(course=course):
        draft.course = course
        module = modules.get(draft.slug)
        rows.append(ModuleRow(draft, module, draft_has_changes(draft, module)))
    return rows


def module_row(draft: ModuleDraft) -> ModuleRow:
    module = (
        Module.objects.select_related("current_version")
        .filter(course_id=draft.course_id, slug=draft.slug)
        .first()
    )
    return ModuleRow(draft, module, draft_has_changes(draft, module))
