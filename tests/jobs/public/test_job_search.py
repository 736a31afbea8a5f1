"""Searching public jobs: distance (nearest first), hours, pay, tasks and kind of work, and
clear messages beside the field for anything mistyped."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pahub.jobs.vacancies.search import JobFilters, search_jobs
from tests.factories import make_job
from tests.jobs.public.fixtures import html_of


def titles(response) -> list[str]:
    return [row.job.title for row in response.context["rows"]]


def search(client, **filters):
    return client.get(reverse("jobs:list"), filters)


def test_searching_from_a_postcode_lists_nearest_first_with_the_distance(
    client, open_job, durham_job
):
    response = search(client, where="ne3 1aa", miles="30")

    assert titles(response) == ["Morning PA for a busy mum", "Weekend cover in Durham"]
    html = html_of(response)
    assert "miles from NE3" in html
    assert "2 jobs matching your search" in html


def test_a_district_works_as_well_as_a_full_postcode(client, open_job, durham_job):
    response = search(client, where="DH1", miles="5")

    assert titles(response) == ["Weekend cover in Durham"]
    assert "0 miles from DH1" in html_of(response)


def test_jobs_further_than_the_distance_are_left_out(client, open_job, durham_job):
    assert titles(search(client, where="NE1")) == ["Morning PA for a busy mum"]


def test_without_a_place_the_newest_jobs_come_first(client, open_job, durham_job):
    assert titles(search(client)) == ["Weekend cover in Durham", "Morning PA for a busy mum"]


def test_hours_a_week_can_be_narrowed_both_ways(client, open_job, durham_job):
    assert titles(search(client, min_hours="10")) == ["Morning PA for a busy mum"]
    assert titles(search(client, max_hours="7.5")) == ["Weekend cover in Durham"]
    assert titles(search(client, min_hours="6", max_hours="15")) == [
        "Weekend cover in Durham",
        "Morning PA for a busy mum",
    ]


def test_lowest_pay_accepts_a_pound_sign(client, open_job, durham_job):
    assert titles(search(client, min_pay="£14")) == ["Weekend cover in Durham"]


def test_jobs_with_any_ticked_task_are_found_once(client, open_job, durham_job):
    both = search(
        client,
        tasks=["personal_care.washing_bathing", "personal_care.dressing", "food.meal_prep"],
    )

    assert titles(both) == ["Weekend cover in Durham", "Morning PA for a busy mum"]
    assert titles(search(client, tasks=["food.meal_prep"])) == ["Weekend cover in Durham"]


def test_ticked_tasks_stay_ticked(client, open_job):
    html = html_of(search(client, tasks=["food.meal_prep"]))

    assert 'value="food.meal_prep" checked' in html


def test_regular_work_or_cover(client, open_job, durham_job):
    assert titles(search(client, kind="cover")) == ["Weekend cover in Durham"]
    assert titles(search(client, kind="regular")) == ["Morning PA for a busy mum"]


@pytest.mark.parametrize(
    ("filters", "field", "message"),
    [
        ({"where": "banana"}, "where", "Enter a postcode, like NE1 4ST, or a postcode district"),
        ({"where": "XX9"}, "where", "We do not recognise the postcode district XX9"),
        ({"miles": "10"}, "where", "Enter a postcode or district to search within a distance"),
        ({"where": "NE1", "miles": "ten"}, "miles", "Enter the distance as a whole number"),
        ({"where": "NE1", "miles": "500"}, "miles", "Distance must be between 1 and 100 miles"),
        ({"min_hours": "lots"}, "min_hours", "Enter hours as a number, like 10 or 7.5"),
        ({"min_hours": "20", "max_hours": "10"}, "max_hours", "Most hours a week must be the same"),
        ({"max_hours": "200"}, "max_hours", "Hours must be between 0 and 168"),
        ({"min_pay": "12.715"}, "min_pay", "Enter pay in pounds and pence, like 12.71"),
        ({"min_pay": "-3"}, "min_pay", "Pay must be between 0 and 999.99"),
        ({"tasks": ["flying"]}, "tasks", "Choose tasks from the list"),
        ({"kind": "forever"}, "kind", "Choose regular work, cover or any"),
    ],
)
def test_a_mistake_is_explained_beside_its_field_and_what_was_typed_is_kept(
    client, open_job, filters, field, message
):
    response = search(client, **filters)

    html = html_of(response)
    assert response.status_code == 200
    assert f'id="id_{field}-error"' in html
    assert message in html
    assert "There is a problem" in html
    assert response.context["page"] is None
    typed = filters.get(field)
    if isinstance(typed, str) and field not in ("kind",):
        assert f'value="{typed}"' in html


def test_a_search_that_finds_nothing_says_what_to_try(client, open_job):
    assert "Try a longer distance or fewer filters" in html_of(search(client, min_pay="50"))


def test_search_jobs_only_ever_returns_open_jobs(employer_profile):
    make_job(employer_profile.user, status="draft", title="Draft")
    make_job(employer_profile.user, status="paused", title="Paused")
    opened = make_job(employer_profile.user, title="Open")

    found = search_jobs(JobFilters(outcode="NE1", miles=5))

    assert list(found.jobs) == [opened]
    assert found.miles_by_district["NE1"] == 0


def test_a_filter_set_describes_itself_for_a_saved_search_name():
    filters = JobFilters(
        outcode="NE1",
        miles=15,
        min_pay=Decimal("13"),
        min_hours=Decimal("10"),
        kind="cover",
        task_codes=("a", "b", "c", "d"),
    )

    assert filters.describe({"a": "Shopping", "b": "Cooking", "c": "Cleaning"}) == (
        "Jobs within 15 miles of NE1, cover (occasional or short notice), at least 10 hours "
        "a week, at least £13.00 an hour, tasks: shopping, cooking, cleaning and 1 more"
    )
    assert JobFilters().describe() == "All open jobs"


def test_pages_from_a_place_come_in_the_same_order_as_sorting_every_job(employer_profile):
    # NearestFirst reads a page from only the districts it falls in; every page must hold
    # the jobs a sort of all of them by distance, then newest, would put there.
    from pahub.jobs.vacancies.search import page_of_jobs

    employer = employer_profile.user
    for number, outcode in enumerate(["NE1", "NE3", "NE1", "DH1", "NE6", "NE3", "NE1", "SR1"]):
        make_job(employer, title=f"Job {number}", outcode=outcode)
    search = search_jobs(JobFilters(outcode="NE2", miles=30))
    every = [job.pk for job in search.jobs]

    pages = [
        [job.pk for job, _ in page_of_jobs(search, number, per_page=3).object_list]
        for number in (1, 2, 3)
    ]

    assert len(every) == 8
    assert pages == [every[0:3], every[3:6], every[6:8]]
    assert page_of_jobs(search, 1, per_page=3).paginator.count == 8


def test_a_page_from_a_place_takes_the_same_queries_however_many_districts_it_spans(
    employer_profile, django_assert_max_num_queries
):
    from pahub.jobs.vacancies.search import page_of_jobs

    employer = employer_profile.user
    for outcode in ["NE1", "NE3", "NE6", "DH1", "SR1", "NE1"]:
        make_job(employer, outcode=outcode)
    search = search_jobs(JobFilters(outcode="NE2", miles=30))

    # The count by district, the page, and the four lists each job shows.
    with django_assert_max_num_queries(6):
        page = page_of_jobs(search, 1)

    assert len(page.object_list) == 6
