"""Pages where training providers' staff and site admins write and publish courses, under
/learning/manage/courses/.

Every view loads its course or draft through `permissions.access_*`: signed out goes to sign
in, anyone who is not an author gets 403, and an author asking for another organisation's
course gets 404. Staff have two-factor authentication before any of these views run
(StaffTwoFactorMiddleware). Views parse, check, call one service, and render.
"""

import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.permissions import is_site_admin
from pahub.learning.authoring import services
from pahub.learning.authoring.forms import CourseForm, ModuleForm, QuestionForm
from pahub.learning.authoring.permissions import (
    access_course_for_author,
    access_draft_for_author,
    author_organisations,
    author_required,
)
from pahub.learning.authoring.queries import course_list_for_author, module_row, module_rows
from pahub.learning.authoring.rendering import render_markdown
from pahub.learning.models import Course, ModuleDraft
from pahub.learning.versioning import InvalidModule, module_problems

QUESTION_NUMBER = re.compile(r"question (\d+)", re.I)


@author_required
@require_GET
def course_list(request: HttpRequest) -> HttpResponse:
    courses = list(course_list_for_author(request.user))
    return render(
        request,
        "learning/authoring/course_list.html",
        {"courses": courses, "is_site_admin": is_site_admin(request.user)},
    )


@author_required
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    providers = list(author_organisations(request.user).order_by("name"))
    form = CourseForm(request.POST or None, providers=providers)
    if request.method == "POST" and form.is_valid():
        provider = form.cleaned_data.get("provider") or (providers[0] if providers else None)
        course = services.course_create(
            by=request.user,
            provider=provider,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            audience=form.cleaned_data["audience"],
        )
        messages.success(request, "Course created. Now add its first module.")
        return redirect("learning:authoring:course", course_id=course.pk)
    return render(request, "learning/authoring/course_create.html", {"form": form})


def course_page(request: HttpRequest, course: Course, *, publish_error: str = "") -> HttpResponse:
    rows = module_rows(course)
    return render(
        request,
        "learning/authoring/course_detail.html",
        {
            "course": course,
            "rows": rows,
            "can_publish": any(
                row.status in ("Published", "Changes not yet published") for row in rows
            ),
            "publish_error": publish_error,
        },
    )


@author_required
@require_GET
def course_detail(request: HttpRequest, course_id: int) -> HttpResponse:
    return course_page(request, access_course_for_author(request.user, course_id))


@author_required
@require_POST
def course_publish(request: HttpRequest, course_id: int) -> HttpResponse:
    course = access_course_for_author(request.user, course_id)
    try:
        services.course_publish(course=course, by=request.user)
    except services.AuthoringError as error:
        return course_page(request, course, publish_error=str(error))
    messages.success(request, "Course published. Learners can now find it.")
    return redirect("learning:authoring:course", course_id=course.pk)


@author_required
@require_http_methods(["GET", "POST"])
def draft_create(request: HttpRequest, course_id: int) -> HttpResponse:
    course = access_course_for_author(request.user, course_id)
    form = ModuleForm(request.POST or None, initial={"pass_mark": 80})
    if request.method == "POST" and form.is_valid():
        draft = services.draft_create(course=course, by=request.user, **form.cleaned_data)
        messages.success(request, "Module saved. Now add its quiz questions.")
        return redirect("learning:authoring:module", course_id=course.pk, draft_id=draft.pk)
    return render(request, "learning/authoring/module_form.html", {"form": form, "course": course})


@author_required
@require_http_methods(["GET", "POST"])
def draft_edit(request: HttpRequest, course_id: int, draft_id: int) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    initial = {name: getattr(draft, name) for name in services.DRAFT_FIELDS}
    form = ModuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.draft_update(draft=draft, by=request.user, **form.cleaned_data)
        messages.success(request, "Module saved. Publish it when it is ready for learners.")
        return redirect("learning:authoring:module", course_id=course_id, draft_id=draft.pk)
    return render(
        request,
        "learning/authoring/module_form.html",
        {"form": form, "course": draft.course, "draft": draft},
    )


def problem_links(draft: ModuleDraft, problems: list[str]) -> list[tuple[str, str]]:
    """Each problem `module_problems` finds, with the page and answer that fixes it."""
    edit = reverse("learning:authoring:module_edit", args=[draft.course_id, draft.pk])
    links = []
    for problem in problems:
        number = QUESTION_NUMBER.search(problem)
        if number and int(number.group(1)) <= len(draft.questions):
            href = reverse(
                "learning:authoring:question_edit",
                args=[draft.course_id, draft.pk, int(number.group(1))],
            )
        elif "quiz question" in problem:
            href = reverse("learning:authoring:question_add", args=[draft.course_id, draft.pk])
        elif "title" in problem:
            href = f"{edit}#id_title"
        elif "minutes" in problem:
            href = f"{edit}#id_minutes"
        elif "pass mark" in problem:
            href = f"{edit}#id_pass_mark"
        elif "topics" in problem.lower():
            href = f"{edit}#id_topics_0"
        else:
            href = f"{edit}#id_body"
        links.append((problem, href))
    return links


def draft_page(
    request: HttpRequest, draft: ModuleDraft, *, problems=(), error: str = ""
) -> HttpResponse:
    row = module_row(draft)
    return render(
        request,
        "learning/authoring/module_detail.html",
        {
            "course": draft.course,
            "draft": draft,
            "row": row,
            "problems": problem_links(draft, list(problems)),
            "error": error,
            "topics": [
                label
                for key, label in ModuleForm.base_fields["topics"].choices
                if key in draft.topics
            ],
            "standards": [
                label
                for key, label in ModuleForm.base_fields["care_certificate"].choices
                if key in draft.care_certificate
            ],
        },
    )


@author_required
@require_GET
def draft_detail(request: HttpRequest, course_id: int, draft_id: int) -> HttpResponse:
    return draft_page(request, access_draft_for_author(request.user, course_id, draft_id))


@author_required
@require_GET
def draft_preview(request: HttpRequest, course_id: int, draft_id: int) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    pages = [
        (page.title, render_markdown(page.body, heading_offset=1))
        for page in services.split_pages(draft.body)
    ]
    return render(
        request,
        "learning/authoring/module_preview.html",
        {
            "course": draft.course,
            "draft": draft,
            "pages": pages,
            "problems": problem_links(draft, module_problems(services.draft_spec(draft))),
        },
    )


@author_required
@require_POST
def draft_publish(request: HttpRequest, course_id: int, draft_id: int) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    try:
        published = services.draft_publish(draft=draft, by=request.user)
    except InvalidModule as invalid:
        return draft_page(request, draft, problems=invalid.problems)
    number = published.version.number
    if published.is_new:
        messages.success(request, f"Version {number} of the module is published.")
    else:
        messages.info(request, f"Nothing has changed since version {number}, so it stays as it is.")
    return redirect("learning:authoring:module", course_id=course_id, draft_id=draft.pk)


@author_required
@require_POST
def draft_retire(request: HttpRequest, course_id: int, draft_id: int) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    try:
        services.module_retire(draft=draft, by=request.user)
    except services.AuthoringError as error:
        return draft_page(request, draft, error=str(error))
    messages.success(
        request, "Module retired. Learners no longer see it; their completions are kept."
    )
    return redirect("learning:authoring:module", course_id=course_id, draft_id=draft.pk)


@author_required
@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, course_id: int, draft_id: int) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        number = services.question_add(
            draft=draft,
            by=request.user,
            text=form.cleaned_data["text"],
            choices=form.cleaned_data["choices"],
        )
        messages.success(request, f"Question {number} added.")
        return redirect("learning:authoring:module", course_id=course_id, draft_id=draft.pk)
    return render(
        request,
        "learning/authoring/question_form.html",
        {"form": form, "course": draft.course, "draft": draft, "number": None},
    )


def question_or_404(draft: ModuleDraft, number: int) -> dict:
    if not 1 <= number <= len(draft.questions):
        raise Http404
    return draft.questions[number - 1]


@author_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, course_id: int, draft_id: int, number: int) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    question = question_or_404(draft, number)
    form = QuestionForm(request.POST or None, initial=QuestionForm.initial_for(question))
    if request.method == "POST" and form.is_valid():
        services.question_update(
            draft=draft,
            by=request.user,
            number=number,
            text=form.cleaned_data["text"],
            choices=form.cleaned_data["choices"],
        )
        messages.success(request, f"Question {number} saved.")
        return redirect("learning:authoring:module", course_id=course_id, draft_id=draft.pk)
    return render(
        request,
        "learning/authoring/question_form.html",
        {"form": form, "course": draft.course, "draft": draft, "number": number},
    )


@author_required
@require_http_methods(["GET", "POST"])
def question_delete(
    request: HttpRequest, course_id: int, draft_id: int, number: int
) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    question = question_or_404(draft, number)
    if request.method == "POST":
        services.question_delete(draft=draft, by=request.user, number=number)
        messages.success(request, f"Question {number} deleted.")
        return redirect("learning:authoring:module", course_id=course_id, draft_id=draft.pk)
    return render(
        request,
        "learning/authoring/question_delete.html",
        {"course": draft.course, "draft": draft, "number": number, "question": question},
    )


@author_required
@require_POST
def question_move(request: HttpRequest, course_id: int, draft_id: int, number: int) -> HttpResponse:
    draft = access_draft_for_author(request.user, course_id, draft_id)
    question_or_404(draft, number)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return draft_page(request, draft, error="Choose to move the question up or down.")
    new_number = services.question_move(
        draft=draft, by=request.user, number=number, direction=direction
    )
    messages.success(request, f"Question {number} is now question {new_number}.")
    return redirect(
        reverse("learning:authoring:module", args=[course_id, draft.pk]) + f"#question-{new_number}"
    )
