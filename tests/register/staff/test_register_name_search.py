"""The staff register's name search, on whichever database runs the tests: PostgreSQL
full-text search (each word a prefix of a word of the name) or the SQLite fallback (each word
anywhere in the names). The same searches find the same people on both. Run both:

    .venv/bin/pytest -q tests/register/staff/test_register_name_search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/i15search_test \\
        .venv/bin/pytest -q tests/register/staff/test_register_name_search.py
"""

import pytest
from django.db import connection
from django.urls import reverse

from pahub.accounts.models import Role
from pahub.register.models import PAProfile
from pahub.register.search import (
    CappedPaginator,
    RegisterFilters,
    name_words,
    profiles_named,
    search_profiles,
    user_lookups,
    users_named,
    without_parallel_workers,
)
from tests.factories import UserFactory
from tests.register.verification.fixtures import complete_profile

URL = reverse("register_staff:search")


def names_listed(response) -> list[str]:
    return [profile.user.full_name for profile, _ in response.context["rows"]]


def newcastle_pa(
    skill, full_name: str, known_as: str = "", postcode: str = "NE6 1AA", **fields
) -> PAProfile:
    user = UserFactory(full_name=full_name, known_as=known_as, postcode=postcode, roles=[Role.PA])
    return complete_profile(user, skill, **fields)


@pytest.fixture
def people(db, skill):
    newcastle_pa(skill, "Sarah Smith")
    newcastle_pa(skill, "Sarah Jones")
    newcastle_pa(skill, "Rebecca Hill", known_as="Bex")
    newcastle_pa(skill, "Siobhan O'Brien")
    newcastle_pa(skill, "Ann Smith-Jones")
    newcastle_pa(skill, "Margaret Oduya", display_name="Maggie")
    newcastle_pa(skill, "Zoë Ångström")


@pytest.mark.parametrize(
    ("searched", "found"),
    [
        ("Sar", ["Sarah Jones", "Sarah Smith"]),
        ("sarah", ["Sarah Jones", "Sarah Smith"]),
        ("SARAH SMI", ["Sarah Smith"]),
        ("smith sarah", ["Sarah Smith"]),
        ("bex", ["Rebecca Hill"]),
        ("bex hill", ["Rebecca Hill"]),
        ("o'brien", ["Siobhan O'Brien"]),
        ("brien", ["Siobhan O'Brien"]),
        ("jones", ["Ann Smith-Jones", "Sarah Jones"]),
        ("smith-jones", ["Ann Smith-Jones"]),
        ("maggie", ["Margaret Oduya"]),
        ("zoë", ["Zoë Ångström"]),
        # Same case: SQLite's LIKE folds the case of ASCII letters only.
        ("Ångström", ["Zoë Ångström"]),
        ("sarah bex", []),
        ("nobody", []),
    ],
)
def test_a_name_search_finds_the_same_people_on_either_database(
    client_for, member, people, searched, found
):
    response = client_for(member).get(URL, {"name": searched})

    assert names_listed(response) == found


def test_punctuation_alone_searches_for_everyone(client_for, member, people):
    response = client_for(member).get(URL, {"name": "-'"})

    assert len(names_listed(response)) == 7


def test_the_name_search_stays_within_the_staff_members_areas(
    client_for, member, durham_profile, people
):
    response = client_for(member).get(URL, {"name": "chris"})

    assert names_listed(response) == []
    assert durham_profile.user.full_name == "Chris Lowe"


def test_the_name_search_combines_with_the_other_filters(client_for, member, people):
    response = client_for(member).get(URL, {"name": "sarah", "district": "NE3"})

    assert names_listed(response) == []


@pytest.mark.parametrize(
    ("searched", "found"),
    [("sarah", ["Sarah Jones", "Sarah Smith"]), ("maggie", ["Margaret Oduya"])],
)
def test_a_name_search_within_a_district_finds_the_districts_people_by_either_name(
    client_for, member, skill, people, searched, found
):
    newcastle_pa(skill, "Sarah Elsewhere", postcode="NE3 1AA")
    newcastle_pa(skill, "Mary Elsewhere", postcode="NE3 1AA", display_name="Maggie")

    response = client_for(member).get(URL, {"name": searched, "district": "NE6"})

    assert names_listed(response) == found


def test_the_person_filters_become_lookups_on_the_user():
    assert user_lookups(RegisterFilters(name="sam")) == {}
    assert user_lookups(RegisterFilters(district="NE6", local_authority="E08000021")) == {
        "district_id": "NE6",
        "local_authority_id": "E08000021",
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text only")
def test_on_postgresql_the_people_searched_by_name_are_narrowed_by_the_users_lookups(skill, people):
    newcastle_pa(skill, "Tom Jones", postcode="NE3 1AA")
    newcastle_pa(skill, "Ann Far", postcode="NE3 1AA", display_name="Maggie")

    def named(word: str, **where) -> set[str]:
        ids = profiles_named([word], **where)
        return set(PAProfile.objects.filter(pk__in=ids).values_list("user__full_name", flat=True))

    # Display names are first names here, so "jones" is found in the people's names alone.
    assert named("jones") == {"Sarah Jones", "Ann Smith-Jones", "Tom Jones"}
    assert named("jones", district_id="NE6") == {"Sarah Jones", "Ann Smith-Jones"}
    assert named("jones", district_id="NE3") == {"Tom Jones"}
    assert named("jones", local_authority_id="E06000047") == set()
    # The display names are searched among everyone: the caller's own filters narrow them.
    assert named("maggie", district_id="NE6") == {"Margaret Oduya", "Ann Far"}


def test_words_are_letters_and_digits_split_by_anything_else():
    assert name_words(" O'Brien,  smith-JONES_2 ") == ["O", "Brien", "smith", "JONES", "2"]
    assert name_words("a b c d e f g") == ["a", "b", "c", "d", "e"]
    assert name_words("") == []


def test_the_search_function_finds_the_same_ids_as_the_page(people):
    scoped = PAProfile.objects.all()

    found = search_profiles(scoped, RegisterFilters(name="sarah"))

    assert [profile.user.full_name for profile in found] == ["Sarah Jones", "Sarah Smith"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text only")
def test_on_postgresql_a_word_must_begin_a_word_of_the_name(people):
    # SQLite's fallback (icontains) would also find "arah" inside Sarah.
    assert list(profiles_named(["arah"])) == []


def bitmap_plan(queryset) -> str:
    """EXPLAIN with only bitmap scans left (what a GIN index gives) or a costly seq scan."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL GIN indexes only")
@pytest.mark.django_db
def test_on_postgresql_the_name_search_uses_the_gin_indexes():
    """The search's expressions must be exactly the indexes' (migration 0016), or
    PostgreSQL reads every user and profile instead."""
    # Each side alone: joined, a planner with tiny, freshly analysed tables may rightly probe
    # the few users by their key instead, which would say nothing about the expressions.
    assert "register_user_names_search" in bitmap_plan(users_named(["sar"]).values("pk"))
    plan = bitmap_plan(profiles_named(["sar"]))
    assert "register_profile_display_name_search" in plan


# Counting: up to a limit, then "more than"


def test_the_count_says_more_than_the_limit_when_there_are_more(
    client_for, member, people, monkeypatch
):
    monkeypatch.setattr("pahub.register.search.COUNT_LIMIT", 5)

    response = client_for(member).get(URL)

    html = response.content.decode()
    assert "More than 5 PAs" in html
    assert "(more than 5 PAs)" in html  # the download links
    assert response.context["page"].paginator.is_capped


def test_pages_go_up_to_the_limit(people):
    paginator = CappedPaginator(PAProfile.objects.order_by("pk"), 2, limit=5)

    assert (paginator.found, paginator.count, paginator.num_pages) == (6, 5, 3)
    assert paginator.is_capped
    assert paginator.get_page(9).number == 3


def test_the_count_is_exact_up_to_the_limit(client_for, member, people, monkeypatch):
    monkeypatch.setattr("pahub.register.search.COUNT_LIMIT", 7)

    response = client_for(member).get(URL)

    html = response.content.decode()
    assert "7 PAs" in html
    assert "More than" not in html
    assert not response.context["page"].paginator.is_capped


def parallel_workers() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_name_search_starts_no_parallel_workers_and_resets_after():
    before = parallel_workers()

    with without_parallel_workers(connection.alias):
        during = parallel_workers()

    assert during == "0"
    assert parallel_workers() == before != "0"
