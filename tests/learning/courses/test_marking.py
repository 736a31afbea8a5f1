"""Quiz marking and the pass rule, as properties over any quiz (hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from pahub.learning.courses import marking
from pahub.learning.courses.marking import QuestionKey, is_pass, mark, question_right


@st.composite
def quizzes(draw):
    """Questions with 2-5 choices each (ids unique across the quiz), at least one right."""
    count = draw(st.integers(min_value=1, max_value=12))
    questions, next_id = [], 1
    for question_id in range(1, count + 1):
        size = draw(st.integers(min_value=2, max_value=5))
        ids = list(range(next_id, next_id + size))
        next_id += size
        correct = draw(st.sets(st.sampled_from(ids), min_size=1))
        questions.append((QuestionKey(id=question_id, correct=frozenset(correct)), ids))
    return questions


@st.composite
def quiz_and_answers(draw):
    questions = draw(quizzes())
    answers = {key.id: draw(st.sets(st.sampled_from(ids))) for key, ids in questions}
    return [key for key, _ in questions], answers


pass_marks = st.integers(min_value=1, max_value=100)


@given(quizzes(), pass_marks)
def test_all_right_answers_always_pass(questions, pass_mark):
    keys = [key for key, _ in questions]
    marked = mark(keys, {key.id: key.correct for key in keys}, pass_mark)

    assert marked.right == marked.count == len(keys)
    assert marked.passed


@given(quiz_and_answers(), pass_marks)
def test_pass_is_exactly_right_times_100_at_least_pass_mark_times_count(quiz, pass_mark):
    keys, answers = quiz
    marked = mark(keys, answers, pass_mark)

    assert marked.passed == (marked.right * 100 >= pass_mark * marked.count)
    assert 0 <= marked.right <= marked.count


@given(quiz_and_answers())
def test_a_question_is_right_only_when_the_chosen_set_equals_the_right_set(quiz):
    keys, answers = quiz
    marked = mark(keys, answers, 80)

    for key in keys:
        assert marked.by_question[key.id] == (set(answers[key.id]) == set(key.correct))


@given(quizzes(), st.data())
def test_adding_a_wrong_choice_to_right_answers_makes_the_question_wrong(questions, data):
    key, ids = data.draw(st.sampled_from(questions))
    wrong = [choice for choice in ids if choice not in key.correct]
    if not wrong:
        return
    extra = data.draw(st.sampled_from(wrong))

    assert not question_right(key.correct | {extra}, key.correct)


@given(quizzes(), st.data())
def test_missing_one_right_choice_of_several_makes_the_question_wrong(questions, data):
    key, _ = data.draw(st.sampled_from(questions))
    if len(key.correct) < 2:
        return
    missed = data.draw(st.sampled_from(sorted(key.correct)))

    assert not question_right(key.correct - {missed}, key.correct)


@given(quiz_and_answers())
def test_unanswered_questions_are_wrong(quiz):
    keys, _ = quiz

    marked = mark(keys, {}, 1)

    assert marked.right == 0
    assert not marked.passed


@given(st.integers(min_value=1, max_value=50), pass_marks, st.data())
def test_one_more_right_answer_never_turns_a_pass_into_a_fail(count, pass_mark, data):
    right = data.draw(st.integers(min_value=0, max_value=count - 1))

    if is_pass(right, count, pass_mark):
        assert is_pass(right + 1, count, pass_mark)


def test_four_of_five_passes_a_pass_mark_of_80_and_three_does_not():
    assert is_pass(4, 5, 80)
    assert not is_pass(3, 5, 80)
    assert not is_pass(0, 0, 80)  # a quiz with no questions cannot be passed


# The order answers are shown in


@given(
    ids=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8, unique=True),
    seed=st.integers(min_value=0, max_value=10**9),
)
def test_the_asking_order_is_the_same_answers_and_the_same_each_time(ids, seed):
    order = marking.asking_order(ids, seed=seed)
    assert sorted(order) == sorted(ids)
    assert marking.asking_order(list(reversed(ids)), seed=seed) == order


def test_the_right_answer_is_not_always_shown_first():
    # In the course files the right answer is usually written first; shown to a hundred
    # people, a four-answer question must not always lead with it.
    firsts = {marking.asking_order([11, 12, 13, 14], seed=person)[0] for person in range(100)}
    assert firsts == {11, 12, 13, 14}
