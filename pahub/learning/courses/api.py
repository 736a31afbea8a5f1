"""API: courses and modules (public), your progress and quiz attempts (signed in), and the
public check of a certificate's code, under /api/v1/learning/.

Questions are published without their answers; an attempt's result gives each answer's
feedback, as the results page does. A certificate check answers name, course and date only,
and 404 for a code nobody holds. Writes need the CSRF token in `X-CSRFToken`.
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import InputSchema, RecordId
from pahub.learning.courses import queries, services
from pahub.learning.courses.permissions import (
    access_course_for_reading,
    access_module_for_reading,
)
from pahub.learning.courses.presenters import module_pages, rendered_introduction
from pahub.learning.models import Course

router = Router(tags=["learning"])


class ModuleSummaryOut(Schema):
    slug: str
    title: str
    summary: str
    minutes: int
    version: int
    care_certificate: list[str] = Field(description="Care Certificate standards, e.g. ['2']")
    topics: list[str]


class CourseOut(Schema):
    slug: str
    title: str
    summary: str
    audience: str
    is_induction: bool
    version: int
    modules: list[ModuleSummaryOut]


class CourseDetailOut(CourseOut):
    introduction_html: str


class CourseListOut(Schema):
    items: list[CourseOut]


class PageOut(Schema):
    number: int
    title: str
    html: str


class ChoiceOut(Schema):
    id: int
    text: str


class QuestionOut(Schema):
    id: int
    text: str
    select_all: bool = Field(description="More than one right answer: choose every right one")
    choices: list[ChoiceOut]


class ModuleOut(ModuleSummaryOut):
    course: str
    pass_mark: int = Field(description="Percentage of questions to answer right to pass")
    sources: list[str]
    pages: list[PageOut]
    questions: list[QuestionOut]


class AnswerIn(InputSchema):
    question: RecordId
    choices: list[RecordId] = Field(max_length=50)


class AttemptIn(InputSchema):
    answers: list[AnswerIn] = Field(max_length=200)


class ChoiceResultOut(Schema):
    id: int
    text: str
    chosen: bool
    correct: bool
    feedback: str = Field(description="Why this answer is right or wrong")


class QuestionResultOut(Schema):
    id: int
    text: str
    right: bool
    choices: list[ChoiceResultOut]


class AttemptOut(Schema):
    id: int
    module_version: int
    right: int
    questions: int
    pass_mark: int
    passed: bool
    certificate: str | None = Field(description="The code of a certificate this attempt earned")
    results: list[QuestionResultOut]


class CompletionOut(Schema):
    course: str
    module: str
    version: int
    completed_at: datetime


class CertificateOut(Schema):
    code: str
    course: str
    course_title: str
    course_version: int
    name: str
    issued_at: datetime
    show_on_profile: bool


class ProgressOut(Schema):
    completions: list[CompletionOut]
    certificates: list[CertificateOut]


class VerifiedOut(Schema):
    name: str
    course: str
    completed_on: str = Field(description="The date the course was completed, YYYY-MM-DD")


def module_summary(row: queries.ModuleRow) -> ModuleSummaryOut:
    version = row.version
    return ModuleSummaryOut(
        slug=row.module.slug,
        title=version.title,
        summary=version.summary,
        minutes=version.minutes,
        version=version.number,
        care_certificate=version.care_certificate,
        topics=version.topics,
    )


def course_out(progress: queries.CourseProgress) -> dict:
    course = progress.course
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "audience": course.audience,
        "is_induction": course.is_induction,
        "version": course.version,
        "modules": [module_summary(row) for row in progress.modules],
    }


@router.get(
    "/learning/courses",
    response={200: CourseListOut},
    auth=None,
    summary="Every published course, with its modules",
)
def course_list(request: HttpRequest):
    courses: list[Course] = list(queries.published_courses())
    progress = queries.progress_for(request.user, courses)
    return Status(200, CourseListOut(items=[CourseOut(**course_out(row)) for row in progress]))


@router.get(
    "/learning/courses/{slug}",
    response={200: CourseDetailOut, 404: ErrorOut},
    auth=None,
    summary="One course and its modules",
)
def course_detail(request: HttpRequest, slug: str):
    course = access_course_for_reading(slug)
    [progress] = queries.progress_for(request.user, [course])
    return Status(
        200,
        CourseDetailOut(**course_out(progress), introduction_html=rendered_introduction(course)),
    )


@router.get(
    "/learning/courses/{slug}/modules/{module}",
    response={200: ModuleOut, 404: ErrorOut},
    auth=None,
    summary="A module's current version: its pages as HTML and its quiz, without the answers",
)
def module_detail(request: HttpRequest, slug: str, module: str):
    course = access_course_for_reading(slug)
    found = access_module_for_reading(course, module)
    version = found.current_version
    questions = version.questions.prefetch_related("choices")
    return Status(
        200,
        ModuleOut(
            **module_summary(queries.ModuleRow(module=found, version=version)).dict(),
            course=course.slug,
            pass_mark=version.pass_mark,
            sources=version.sources,
            pages=[
                PageOut(number=p.number, title=p.title, html=p.html)
                for p in module_pages(course, version)
            ],
            questions=[
                QuestionOut(
                    id=question.pk,
                    text=question.text,
                    select_all=sum(c.correct for c in question.choices.all()) > 1,
                    choices=[ChoiceOut(id=c.pk, text=c.text) for c in question.choices.all()],
                )
                for question in questions
            ],
        ),
    )


@router.get(
    "/learning/progress",
    response={200: ProgressOut, 401: ErrorOut},
    auth=django_auth,
    summary="Your completed modules and your certificates",
)
def progress(request: HttpRequest):
    user = request.auth
    completions = user.module_completions.select_related(
        "module__course", "module_version"
    ).order_by("-completed_at", "-pk")
    return Status(
        200,
        ProgressOut(
            completions=[
                CompletionOut(
                    course=c.module.course.slug,
                    module=c.module.slug,
                    version=c.module_version.number,
                    completed_at=c.completed_at,
                )
                for c in completions
            ],
            certificates=[
                CertificateOut(
                    code=c.code,
                    course=c.course.slug,
                    course_title=c.course.title,
                    course_version=c.course_version,
                    name=c.name,
                    issued_at=c.issued_at,
                    show_on_profile=c.show_on_profile,
                )
                for c in queries.certificates_of(user)
            ],
        ),
    )


@router.post(
    "/learning/courses/{slug}/modules/{module}/attempts",
    response={201: AttemptOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    summary="Answer a module's quiz: marked at once, with feedback on every answer",
)
def attempt_create(request: HttpRequest, slug: str, module: str, payload: AttemptIn):
    course = access_course_for_reading(slug)
    version = access_module_for_reading(course, module).current_version
    answers: dict[int, list[int]] = {}
    for answer in payload.answers:
        answers.setdefault(answer.question, []).extend(answer.choices)
    try:
        outcome = services.quiz_submit(user=request.auth, module_version=version, answers=answers)
    except services.QuizAnswerError as error:
        first = next(iter(error.problems))
        return Status(
            400,
            ErrorOut(
                detail=error.problems[first],
                field="answers",
                errors={f"answers.{qid}": [message] for qid, message in error.problems.items()},
            ),
        )
    chosen = {question_id: set(ids) for question_id, ids in answers.items()}
    results = [
        QuestionResultOut(
            id=question.pk,
            text=question.text,
            right=outcome.marked.by_question[question.pk],
            choices=[
                ChoiceResultOut(
                    id=choice.pk,
                    text=choice.text,
                    chosen=choice.pk in chosen.get(question.pk, set()),
                    correct=choice.correct,
                    feedback=choice.feedback,
                )
                for choice in question.choices.all()
            ],
        )
        for question in version.questions.prefetch_related("choices")
    ]
    return Status(
        201,
        AttemptOut(
            id=outcome.attempt.pk,
            module_version=version.number,
            right=outcome.marked.right,
            questions=outcome.marked.count,
            pass_mark=version.pass_mark,
            passed=outcome.marked.passed,
            certificate=outcome.certificate.code if outcome.certificate else None,
            results=results,
        ),
    )


@router.get(
    "/learning/certificates/{code}",
    response={200: VerifiedOut, 404: ErrorOut},
    auth=None,
    summary="Check a certificate's code: the name, course and date only",
)
def certificate_verify(request: HttpRequest, code: str):
    certificate = queries.certificate_by_code(code)
    if certificate is None:
        return Status(404, ErrorOut(detail="No certificate has this code."))
    return Status(
        200,
        VerifiedOut(
            name=certificate.name,
            course=certificate.course.title,
            completed_on=certificate.issued_at.date().isoformat(),
        ),
    )
