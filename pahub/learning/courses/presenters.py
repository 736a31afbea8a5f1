"""What the course pages show, shaped from the models: rendered pages and a reviewed quiz."""

from dataclasses import dataclass

from pahub.learning.courses.marking import asking_order
from pahub.learning.courses.rendering import Page, render_markdown, render_pages
from pahub.learning.models import Course, ModuleVersion, QuizAttempt


def from_staff(course: Course) -> bool:
    """Text staff wrote through pages is cleaned; the repository's own is trusted Markdown."""
    return course.source == Course.Source.PAGES


def module_pages(course: Course, version: ModuleVersion) -> list[Page]:
    return render_pages(version.body, from_staff=from_staff(course))


def rendered_introduction(course: Course) -> str:
    if not course.introduction.strip():
        return ""
    return render_markdown(course.introduction, from_staff=from_staff(course))


@dataclass(frozen=True)
class ReviewedChoice:
    text: str
    chosen: bool
    correct: bool
    feedback: str


@dataclass(frozen=True)
class ReviewedQuestion:
    number: int
    text: str
    right: bool
    select_all: bool
    choices: list[ReviewedChoice]


def attempt_review(attempt: QuizAttempt) -> list[ReviewedQuestion]:
    """Every question of the attempt with each answer: chosen or not, right or wrong, and why."""
    chosen = {int(key): set(ids) for key, ids in attempt.answers.items()}
    review = []
    questions = attempt.module_version.questions.prefetch_related("choices")
    for number, question in enumerate(questions, start=1):
        # In the order the person was asked them (`QuizForm`), so the review reads the same.
        by_id = {choice.pk: choice for choice in question.choices.all()}
        choices = [by_id[pk] for pk in asking_order(list(by_id), seed=attempt.user_id)]
        picked = chosen.get(question.pk, set())
        correct = {choice.pk for choice in choices if choice.correct}
        review.append(
            ReviewedQuestion(
                number=number,
                text=question.text,
                right=picked == correct,
                select_all=len(correct) > 1,
                choices=[
                    ReviewedChoice(
                        text=choice.text,
                        chosen=choice.pk in picked,
                        correct=choice.correct,
                        feedback=choice.feedback,
                    )
                    for choice in choices
                ],
            )
        )
    return review
