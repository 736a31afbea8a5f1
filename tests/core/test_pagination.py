"""Page numbers for every paged list, from one function (no database)."""

from django.core.paginator import Paginator

from pahub.core.pagination import pagination_items


def page(number: int, *, items: int = 100):
    return Paginator(range(items), 10).page(number)


def test_a_middle_page_shows_the_ends_and_its_neighbours_with_gaps_between():
    assert pagination_items(page(5)) == [1, None, 4, 5, 6, None, 10]


def test_the_first_page_shows_its_neighbour_and_the_last():
    assert pagination_items(page(1)) == [1, 2, None, 10]


def test_a_few_pages_are_all_shown():
    assert pagination_items(page(2, items=40)) == [1, 2, 3, 4]
