"""Who counts as an employer's PA, and which modules can be suggested."""

from django.utils import timezone

from pahub.learning.models import Module
from pahub.learning.suggestions.queries import module_path, pas_of_employer, suggestable_modules
from tests.learning.suggestions.making import book_cover, hire, make_course, module


def test_a_pa_hired_for_a_filled_job_is_the_employers_pa(employer, pa):
    hire(employer, pa)
    assert list(pas_of_employer(employer)) == [pa]


def test_a_pa_named_on_a_job_that_is_not_filled_is_not_their_pa(employer, pa):
    hire(employer, pa, status="closed")
    assert list(pas_of_employer(employer)) == []


def test_a_pa_with_a_confirmed_booking_in_the_last_year_is_their_pa(employer, pa):
    book_cover(employer, pa, days_ago=300)
    assert list(pas_of_employer(employer)) == [pa]


def test_a_booking_still_to_come_counts(employer, pa):
    book_cover(employer, pa, days_ago=-3)
    assert list(pas_of_employer(employer)) == [pa]


def test_a_booking_over_a_year_ago_does_not_count(employer, pa):
    book_cover(employer, pa, days_ago=370)
    assert list(pas_of_employer(employer)) == []


def test_a_cancelled_booking_does_not_count(employer, pa):
    book_cover(employer, pa, status="cancelled")
    assert list(pas_of_employer(employer)) == []


def test_a_pa_hired_and_booked_is_listed_once(employer, pa):
    hire(employer, pa)
    book_cover(employer, pa)
    book_cover(employer, pa, days_ago=20)
    assert list(pas_of_employer(employer)) == [pa]


def test_another_employers_pas_are_not_theirs(employer, pa, other_pa, other_employer):
    hire(other_employer, other_pa)
    book_cover(other_employer, pa)
    assert list(pas_of_employer(employer)) == []


def test_a_closed_account_is_not_listed(employer, pa):
    hire(employer, pa)
    pa.is_active = False
    pa.save(update_fields=["is_active"])
    assert list(pas_of_employer(employer)) == []


def test_pas_are_read_in_one_query(employer, pa, other_pa, django_assert_num_queries):
    hire(employer, pa)
    book_cover(employer, other_pa)
    with django_assert_num_queries(1):
        names = [person.full_name for person in pas_of_employer(employer)]
    assert names == ["Chris Lowe", "Jordan Reed"]


def test_only_current_modules_of_published_courses_for_pas_can_be_suggested(db):
    course = make_course(modules=(("one", "Module one"), ("two", "Module two")))
    make_course("draft", "A draft course", modules=(("draft-one", "Draft one"),), published=False)
    make_course(
        "employer", "Becoming an employer", modules=(("hiring", "Hiring"),), audience="employer"
    )
    Module.objects.filter(course=course, slug="two").update(retired_at=timezone.now())

    assert [m.slug for m in suggestable_modules()] == ["one"]


def test_modules_come_in_course_then_module_order(db):
    second = make_course("second", "Second course", modules=(("b", "B"), ("a", "A")), order=2)
    first = make_course("first", "First course", modules=(("z", "Z"),), order=1)
    assert [(m.course_id, m.slug) for m in suggestable_modules()] == [
        (first.pk, "z"),
        (second.pk, "b"),
        (second.pk, "a"),
    ]


def test_a_modules_page_is_under_its_course(db):
    course = make_course()
    assert module_path(module(course, "what-to-expect")) == (
        "/learning/courses/induction/what-to-expect/"
    )
