"""The skills and languages each process keeps (pahub/taxonomy/snapshot.py): read once, read
again after any change by anyone, and never kept from inside a transaction."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from pahub.taxonomy.models import Language, Skill, SkillCategory
from pahub.taxonomy.snapshot import VERSION_KEY, taxonomy

# Outside a test transaction, as a server's requests run: the database is emptied afterwards
# and `reference_data_loaded` puts the migrations' rows back.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _taxonomy(reference_data_loaded) -> None:
    """The skills and languages the migrations load."""


def test_it_holds_the_active_skills_in_the_taxonomys_order_and_the_languages_by_name():
    known = taxonomy()

    active = list(Skill.objects.filter(is_active=True).values_list("code", "name"))
    assert known.active_skill_choices() == active
    assert known.language_choices() == list(
        Language.objects.order_by("name").values_list("code", "name")
    )
    grouped = known.active_skills_by_category()
    assert [pair for _, pairs in grouped for pair in pairs] == active
    assert grouped[0][0] == SkillCategory.objects.first().name


def test_codes_become_ids_and_names_inactive_skills_included_unknown_codes_left_out():
    hoist = Skill.objects.get(code="mobility.hoist")
    retired = Skill.objects.filter(is_active=False).first()
    polish = Language.objects.get(code="pl")
    known = taxonomy()

    assert known.skill_id("mobility.hoist") == hoist.pk
    assert known.skill_id("no.such_skill") is None
    assert known.skill_names(["mobility.hoist", retired.code, "nope"]) == {
        hoist.pk: hoist.name,
        retired.pk: retired.name,
    }
    assert known.language_id("pl") == polish.pk
    assert known.language_names(["pl", "xx"]) == {polish.pk: polish.name}


def test_it_is_read_once_then_costs_no_query_while_nothing_changes():
    taxonomy()

    with CaptureQueriesContext(connection) as asked:
        again = taxonomy()

    reads = [query["sql"] for query in asked.captured_queries if "taxonomy_" in query["sql"]]
    assert reads == []
    assert again is taxonomy()


def test_an_admins_change_is_seen_at_the_next_ask():
    taxonomy()
    hoist = Skill.objects.get(code="mobility.hoist")
    hoist.name = "Using a hoist (ceiling or mobile)"
    hoist.save()
    Language.objects.create(code="yi", name="Yiddish")

    known = taxonomy()

    assert known.skill_names(["mobility.hoist"]) == {hoist.pk: "Using a hoist (ceiling or mobile)"}
    assert ("yi", "Yiddish") in known.language_choices()


def test_a_change_made_by_another_process_is_seen_at_the_next_ask():
    kept = taxonomy()
    # Another server saved a skill: its signal changed the shared version, not this process.
    Skill.objects.filter(code="mobility.hoist").update(is_active=False)
    cache.set(VERSION_KEY, "changed-elsewhere", timeout=None)

    known = taxonomy()

    assert known is not kept
    assert "mobility.hoist" not in dict(known.active_skill_choices())


# A cache outside the database (as Redis is): its versions are not rolled back with it.
@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_what_a_rolled_back_transaction_saw_is_not_kept():
    taxonomy()
    with pytest.raises(RuntimeError), transaction.atomic():
        Language.objects.create(code="yi", name="Yiddish")
        assert ("yi", "Yiddish") in taxonomy().language_choices()
        raise RuntimeError("the change is abandoned")

    assert ("yi", "Yiddish") not in taxonomy().language_choices()


def test_a_deleted_language_is_gone_at_the_next_ask():
    language = Language.objects.create(code="yi", name="Yiddish")
    assert taxonomy().language_id("yi") == language.pk

    language.delete()

    assert taxonomy().language_id("yi") is None
