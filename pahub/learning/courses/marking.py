"""Marking a quiz: pure functions over plain data, so the rules can be tested exhaustively.

A question is right when the set of answers chosen is exactly the set of right answers (a
"select all that apply" question with one right answer missed, or one wrong answer added, is
wrong). A quiz is passed when right answers * 100 >= pass mark * questions, in whole numbers,
so 4 of 5 passes a pass mark of 80 with no rounding in between.
"""

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionKey:
    """One question's answer key: its id and the ids of its right choices."""

    id: int
    correct: frozenset[int]

    @property
    def select_all(self) -> bool:
        """More than one right answer: shown as checkboxes, "select all that apply"."""
        return len(self.correct) > 1


@dataclass(frozen=True)
class Marked:
    right: int
    count: int
    pass_mark: int
    # question id -> was it answered right
    by_question: Mapping[int, bool]

    @property
    def passed(self) -> bool:
        return is_pass(self.right, self.count, self.pass_mark)

    @property
    def percent(self) -> int:
        """For people to read, rounded down, so 79.9% never shows as a pass mark of 80."""
        return self.right * 100 // self.count if self.count else 0


def question_right(chosen: Iterable[int], correct: frozenset[int]) -> bool:
    return frozenset(chosen) == correct


def is_pass(right: int, count: int, pass_mark: int) -> bool:
    return count > 0 and right * 100 >= pass_mark * count


def mark(
    questions: Sequence[QuestionKey], answers: Mapping[int, Iterable[int]], pass_mark: int
) -> Marked:
    """Mark answers ({question id: chosen choice ids}); a question not answered is wrong."""
    by_question = {
        question.id: question_right(answers.get(question.id, ()), question.correct)
        for question in questions
    }
    return Marked(
        right=sum(by_question.values()),
        count=len(questions),
        pass_mark=pass_mark,
        by_question=by_question,
    )


def asking_order(choice_ids: list[int], *, seed: int) -> list[int]:
    """The order a quiz shows its answers in: mixed, so the right one is not always where the
    author wrote it (first, in most files), yet the same for one person every time they look,
    including when the page comes back with an error. Pure: a hash of (seed, choice id)."""
    return sorted(
        choice_ids,
        key=lambda choice_id: hashlib.sha256(f"{seed}:{choice_id}".encode()).hexdigest(),
    )
