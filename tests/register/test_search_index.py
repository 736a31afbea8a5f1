"""The register's in-memory search index (pahub/register/search_index.py): it finds exactly
what the database's search finds, in the same order, for every filter and scope; it follows
every kind of write; and what it finds is shown only through the scope's own SQL."""

import random

import pytest
from django.urls import reverse

from pahub.accounts.models import Role
from pahub.places.models import LocalAuthority
from pahub.register import search
from pahub.register.availability import DAYS, PARTS
from pahub.register.models import Evidence, PAProfile, ProfileLanguage
from pahub.register.permissions import profiles_in_areas
from pahub.register.search import (
    EvidenceFilter,
    ProfileStatusFilter,
    RegisterFilters,
    availability_filters,
    indexed_profile_ids,
    search_profiles,
)
from pahub.register.search_index import INDEX
from pahub.taxonomy.models import Language, Skill
from tests.factories import UserFactory
from tests.register.verification.fixtures import *  # noqa: F403 -- staff and PA fixtures
from tests.register.verification.fixtures import today, verified

POSTCODES = ["NE6 1AA", "NE1 4ST", "DH1 3LE", "SR1 1AA", "TS1 1AA", "NE63 9AA"]
FIRST = ["Sarah", "Sam", "Samira", "Jordan", "Alex", "Priya", "Tom", "Aoife"]
LAST = ["Smith", "Smithson", "Reed", "Ng", "O'Brien", "Smith-Jones", "Patel", "Hughes"]
LANGUAGES = [("pl", "Polish"), ("bsl", "British Sign Language"), ("ur", "Urdu")]


def db_ids(areas, filters: RegisterFilters) -> list[int]:
    return list(
        search_profiles(profiles_in_areas(areas), filters, today=today()).values_list(
            "pk", flat=True
        )
    )


def index_ids(areas, filters: RegisterFilters) -> list[int]:
    found = indexed_profile_ids(areas, filters, today=today())
    assert found is not None
    return [int(pk) for pk in found]


def make_register(rng: random.Random, count: int) -> list[PAProfile]:
    """`count` PAs with names, places, levels, skills, languages, times, statuses, chosen
    areas and evidence drawn at random (some names shared, so the order's ties matter)."""
    skills = list(Skill.objects.order_by("pk")[:6])
    languages = [
        Language.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in LANGUAGES
    ]
    areas = list(LocalAuthority.objects.filter(is_spoke=True).order_by("pk")[:6])
    profiles = []
    for _ in range(count):
        user = UserFactory(
            full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            known_as=rng.choice(["", "", "Sammy", "Jo"]),
            postcode=rng.choice(POSTCODES),
            roles=[Role.PA],
        )
        profile = PAProfile.objects.create(
            user=user,
            display_name=rng.choice(["", user.full_name.split(" ")[0], "Smithy"]),
            availability=rng.getrandbits(len(DAYS) * len(PARTS)),
            visibility=rng.choice(list(PAProfile.Visibility)),
            is_paused=rng.random() < 0.2,
            level=rng.randint(0, 4),
        )
        profile.skills.set(rng.sample(skills, rng.randint(0, 3)))
        for language in rng.sample(languages, rng.randint(0, 2)):
            ProfileLanguage.objects.create(
                profile=profile, language=language, level=ProfileLanguage.Level.FLUENT
            )
        profile.visible_in.set(rng.sample(areas, rng.randint(0, 2)))
        if rng.random() < 0.3:
            verified(profile, Evidence.Kind.DBS)
        profiles.append(profile)
    return profiles


def random_filters(rng: random.Random) -> RegisterFilters:
    skills = list(Skill.objects.order_by("pk").values_list("code", flat=True)[:6])
    days = rng.sample(range(len(DAYS)), rng.randint(0, 2)) if rng.random() < 0.3 else []
    parts = rng.sample(range(len(PARTS)), rng.randint(0, 2)) if rng.random() < 0.3 else []
    mask, groups = availability_filters(days, parts)
    area = rng.choice(list(LocalAuthority.objects.filter(is_spoke=True)[:6]))
    return RegisterFilters(
        name=rng.choice(["", "", "", "sam", "smith", "sarah smi", "o'brien", "jo", "nobody"]),
        district=rng.choice(["", "", "", "NE6", "DH1", "ZZ9"]),
        local_authority=rng.choice(["", "", "", area.gss_code]),
        min_level=rng.choice([None, None, 1, 2, 4]),
        skill=rng.choice(["", "", *skills, "no-such-skill"]),
        language=rng.choice(["", "", "pl", "bsl", "xx"]),
        availability_mask=mask,
        available_in_each=groups,
        evidence=rng.choice(["", "", "", EvidenceFilter.DBS_VERIFIED, EvidenceFilter.AWAITING]),
        status=rng.choice(["", "", *ProfileStatusFilter.VALUES]),
    )


def random_areas(rng: random.Random) -> set[str] | None:
    areas = list(LocalAuthority.objects.filter(is_spoke=True).values_list("gss_code", flat=True))
    return rng.choice([None, set(rng.sample(areas, 1)), set(rng.sample(areas, 3)), set()])


# The same results as the database


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_finds_what_the_database_finds_in_the_same_order(seed):
    rng = random.Random(seed)
    make_register(rng, 60)

    for _ in range(120):
        areas, filters = random_areas(rng), random_filters(rng)

        assert index_ids(areas, filters) == db_ids(areas, filters), (areas, filters)


@pytest.mark.django_db
def test_every_filter_alone_finds_someone_and_agrees():
    """The random test's filters are not vacuous: each alone finds some PAs, not all."""
    rng = random.Random(7)
    profiles = make_register(rng, 60)
    everyone = {profile.pk for profile in profiles}
    skill = Skill.objects.order_by("pk").first()
    mask, _ = availability_filters([0], [1])
    for filters in [
        RegisterFilters(name="smith"),
        RegisterFilters(district="NE6"),
        RegisterFilters(min_level=2),
        RegisterFilters(skill=skill.code),
        RegisterFilters(language="pl"),
        RegisterFilters(availability_mask=mask),
        RegisterFilters(available_in_each=availability_filters([2, 3], [])[1]),
        RegisterFilters(evidence=EvidenceFilter.DBS_VERIFIED),
        RegisterFilters(status=ProfileStatusFilter.PAUSED),
    ]:
        found = index_ids(None, filters)

        assert found == db_ids(None, filters), filters
        assert 0 < len(found) < len(everyone), filters


# Following every kind of write


@pytest.fixture
def register(db) -> list[PAProfile]:
    return make_register(random.Random(11), 12)


def all_ids() -> list[int]:
    return index_ids(None, RegisterFilters())


def test_a_renamed_pa_moves_to_their_new_place_by_name(register):
    assert all_ids() == db_ids(None, RegisterFilters())
    user = register[0].user

    type(user).objects.filter(pk=user.pk).update(full_name="Aaron Aardvark")  # no signal

    assert all_ids()[0] == register[0].pk
    assert all_ids() == db_ids(None, RegisterFilters())


def test_a_new_pa_is_found_and_a_deleted_one_is_not(register):
    all_ids()
    user = UserFactory(full_name="Zed Zebra", roles=[Role.PA])
    added = PAProfile.objects.create(user=user, display_name="Zed")

    assert all_ids()[-1] == added.pk

    register[1].delete()

    assert register[1].pk not in all_ids()
    assert all_ids() == db_ids(None, RegisterFilters())


def test_bulk_updates_languages_areas_and_districts_are_followed(register):
    newcastle = LocalAuthority.objects.get(name="Newcastle upon Tyne")
    profile = register[2]
    all_ids()

    PAProfile.objects.filter(pk=profile.pk).update(availability=0, level=4, is_paused=True)
    polish = Language.objects.get(code="pl")
    ProfileLanguage.objects.filter(profile=profile).delete()
    ProfileLanguage.objects.create(
        profile=profile, language=polish, level=ProfileLanguage.Level.FLUENT
    )
    profile.visible_in.set([newcastle])
    type(profile.user).objects.filter(pk=profile.user_id).update(district_id="DH1")

    rng = random.Random(3)
    for _ in range(40):
        areas, filters = random_areas(rng), random_filters(rng)
        assert index_ids(areas, filters) == db_ids(areas, filters), (areas, filters)
    assert profile.pk in index_ids({newcastle.gss_code}, RegisterFilters(language="pl"))


# What it cannot answer, and what it may never do


def test_without_the_change_feed_the_database_answers(register, monkeypatch):
    monkeypatch.setattr(INDEX, "feed_factory", None)

    assert indexed_profile_ids(None, RegisterFilters()) is None
    page = search.register_page(None, RegisterFilters(), 1)
    assert [profile.pk for profile in page] == db_ids(None, RegisterFilters())[:25]


def test_a_skill_beyond_the_bits_is_searched_in_the_database(register, monkeypatch):
    skill = Skill.objects.order_by("pk").first()
    monkeypatch.setattr(search, "has_bit", lambda pk: False)

    assert indexed_profile_ids(None, RegisterFilters(skill=skill.code)) is None
    page = search.register_page(None, RegisterFilters(skill=skill.code), 1)
    assert [profile.pk for profile in page] == db_ids(None, RegisterFilters(skill=skill.code))


def test_a_profile_the_index_wrongly_finds_is_never_shown_out_of_scope(register, monkeypatch):
    newcastle = {LocalAuthority.objects.get(name="Newcastle upon Tyne").gss_code}
    outside = PAProfile.objects.exclude(pk__in=profiles_in_areas(newcastle)).first()
    monkeypatch.setattr(INDEX, "find", lambda *args, **kwargs: [outside.pk])

    page = search.register_page(newcastle, RegisterFilters(), 1)

    assert outside not in list(page)


@pytest.mark.django_db
def test_the_staff_page_lists_pages_from_the_index(client_for, member, pa_profile):
    response = client_for(member).get(reverse("register_staff:search"))

    assert INDEX.loaded
    assert [profile.pk for profile, _ in response.context["rows"]] == [pa_profile.pk]
