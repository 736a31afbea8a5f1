"""The pages to take courses, under /learning/: the learning home, a course, a module's pages
(and a print view of them all), its quiz and results, certificates and their public check.

Reading is open to everyone; quizzes and certificates need sign-in (`permissions`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.core.public import public_page
from pahub.learning.courses import queries, services
from pahub.learning.courses.forms import QuizForm, ShowOnProfileForm, VerifyForm, field_name
from pahub.learning.courses.pdf import certificate_pdf
from pahub.learning.courses.permissions import (
    access_attempt_for_owner,
    access_certificate_for_owner,
    access_course_for_reading,
    access_module_for_reading,
)
from pahub.learning.courses.presenters import attempt_review, module_pages, rendered_introduction
from pahub.learning.home import learning_tools


@public_page
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    courses = list(queries.published_courses())
    progress = queries.progress_for(request.user, courses)
    audiences = queries.audiences_for(request.user)
    for_you = [row for row in progress if row.course.audience in audiences]
    others = [row for row in progress if row.course.audience not in audiences]
    continuing = next(
        (row for row in for_you + others if row.started and row.next_module is not None), None
    )
    return render(
        request,
        "learning/courses/home.html",
        {
            "for_you": for_you,
            "others": others,
            "continuing": continuing,
            "tools": learning_tools(request.user),
        },
    )


@public_page
@require_GET
def course_detail(request: HttpRequest, course_slug: str) -> HttpResponse:
    course = access_course_for_reading(course_slug)
    [progress] = queries.progress_for(request.user, [course])
    return render(
        request,
        "learning/courses/course.html",
        {
            "course": course,
            "progress": progress,
            "introduction": rendered_introduction(course),
        },
    )


def _module_context(request: HttpRequest, course_slug: str, module_slug: str) -> dict:
    course = access_course_for_reading(course_slug)
    module = access_module_for_reading(course, module_slug)
    version = module.current_version
    return {
        "course": course,
        "module": module,
        "version": version,
        "pages": module_pages(course, version),
        "completed": queries.has_completed(request.user, module),
    }


@public_page
@require_GET
def module_page(
    request: HttpRequest, course_slug: str, module_slug: str, page_number: int | None = None
) -> HttpResponse:
    context = _module_context(request, course_slug, module_slug)
    pages = context["pages"]
    if page_number is None:
        try:
            page_number = int(request.GET.get("page", 1))
        except ValueError:
            page_number = 1
    if not 1 <= page_number <= len(pages):
        raise Http404
    context.update(
        page=pages[page_number - 1],
        previous_page=pages[page_number - 2] if page_number > 1 else None,
        next_page=pages[page_number] if page_number < len(pages) else None,
    )
    return render(request, "learning/courses/module_page.html", context)


@public_page
@require_GET
def module_print(request: HttpRequest, course_slug: str, module_slug: str) -> HttpResponse:
    context = _module_context(request, course_slug, module_slug)
    return render(request, "learning/courses/module_print.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def quiz(request: HttpRequest, course_slug: str, module_slug: str) -> HttpResponse:
    context = _module_context(request, course_slug, module_slug)
    version = context["version"]
    questions = list(version.questions.prefetch_related("choices"))
    form = QuizForm(request.POST or None, questions=questions, order_seed=request.user.pk)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.quiz_submit(
                user=request.user, module_version=version, answers=form.answers()
            )
        except services.QuizAnswerError as error:
            form.add_service_problems(error.problems)
        else:
            if outcome.certificate is not None:
                messages.success(
                    request,
                    f"You completed {context['course'].title}. Your certificate is ready.",
                )
            return redirect(
                "learning:quiz_result",
                course_slug=course_slug,
                module_slug=module_slug,
                attempt_id=outcome.attempt.pk,
            )
    context.update(
        form=form, fields=[(question, form[field_name(question)]) for question in questions]
    )
    return render(request, "learning/courses/quiz.html", context)


@login_required
@require_GET
def quiz_result(
    request: HttpRequest, course_slug: str, module_slug: str, attempt_id: int
) -> HttpResponse:
    attempt = access_attempt_for_owner(request.user, attempt_id)
    version = attempt.module_version
    module = version.module
    course = module.course
    if (course.slug, module.slug) != (course_slug, module_slug):
        raise Http404
    [progress] = queries.progress_for(request.user, [course])
    return render(
        request,
        "learning/courses/quiz_result.html",
        {
            "course": course,
            "module": module,
            "version": version,
            "attempt": attempt,
            "review": attempt_review(attempt),
            "progress": progress,
            "is_current": module.current_version_id == version.pk and module.retired_at is None,
        },
    )


@login_required
@require_GET
def certificate_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "learning/courses/certificates.html",
        {"certificates": queries.certificates_of(request.user)},
    )


@login_required
@require_GET
def certificate_detail(request: HttpRequest, code: str) -> HttpResponse:
    certificate = access_certificate_for_owner(request.user, code)
    return render(
        request,
        "learning/courses/certificate.html",
        {
            "certificate": certificate,
            "module_versions": queries.certificate_module_versions(certificate),
            "verify_url": verify_url(request, certificate.code),
            "form": ShowOnProfileForm(
                initial={"show": "yes" if certificate.show_on_profile else "no"}
            ),
        },
    )


def verify_url(request: HttpRequest, code: str) -> str:
    return request.build_absolute_uri(reverse("learning:verify")) + f"?code={code}"


@login_required
@require_GET
def certificate_pdf_download(request: HttpRequest, code: str) -> HttpResponse:
    certificate = access_certificate_for_owner(request.user, code)
    content = certificate_pdf(certificate, verify_url=verify_url(request, certificate.code))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


@login_required
@require_POST
def certificate_show_on_profile(request: HttpRequest, code: str) -> HttpResponse:
    certificate = access_certificate_for_owner(request.user, code)
    form = ShowOnProfileForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "learning/courses/certificate.html",
            {
                "certificate": certificate,
                "module_versions": queries.certificate_module_versions(certificate),
                "verify_url": verify_url(request, certificate.code),
                "form": form,
            },
            status=400,
        )
    show = form.cleaned_data["show"]
    services.certificate_set_show_on_profile(certificate=certificate, show=show)
    messages.success(
        request,
        "Your profile shows this certificate." if show else "Your profile does not show it.",
    )
    return redirect("learning:certificate", code=certificate.code)


@public_page
@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone checks a certificate by its code: name, course and date, nothing else."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    certificate = None
    checked = False
    if form.is_bound and form.is_valid():
        checked = True
        certificate = queries.certificate_by_code(form.cleaned_data["code"])
    return render(
        request,
        "learning/courses/verify.html",
        {"form": form, "certificate": certificate, "checked": checked},
        status=200,
    )
