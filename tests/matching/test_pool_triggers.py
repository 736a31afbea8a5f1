"""The matching pool (pahub/matching/pool.py) is kept in step by every kind of write: the
database triggers (pahub/matching/change_triggers.py) record each one in the change feed, and
the next rank after it sees it, whether made by `save()`, `QuerySet.update()`, the m2m
managers, a language row or a delete.

Each test loads the pool first, then writes, then ranks: a pool that missed the write would
still rank the old copy. The pool's own answer (`PROFILES.rank`) is asserted, not only
`matches_for_job`, which loads its results through the database and so would hide a stale
pool that still lists someone.
"""

import dataclasses

import pytest
from django.db import connection
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core.bulk_load import build, bulk_load, load_rows
from pahub.jobs.matches.needs import job_needs
from pahub.jobs.matches.queries import matches_for_job
from pahub.matching.models import PoolChange
from pahub.matching.pool import PROFILES
from pahub.places.models import LocalAuthority
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.taxonomy.models import Language, Skill
from tests.factories import OrganisationFactory, make_staff
from tests.matching.conftest import make_pa

pytestmark = pytest.mark.django_db


def ranked(job, *, viewer: User | None = None, **needs_changes) -> list[int]:
    """The pool's profile ids for the job, best first, as `matches_for_job` asks for them."""
    needs = dataclasses.replace(job_needs(job), **needs_changes)
    ids, _found = PROFILES.rank(
        needs,
        viewers=(job.employer, viewer or job.employer),
        exclude_user_id=job.employer_id,
        now=timezone.now(),
        keep=50,
    )
    return ids


def matched(job, *, viewer: User | None = None) -> list[int]:
    return [result.profile.pk for result in matches_for_job(job, viewer=viewer or job.employer)]


def column(profile: PAProfile, name: str) -> int:
    return int(PROFILES.columns[name][PROFILES.slot_of[profile.pk]])


def newest_change_id() -> int:
    return PoolChange.objects.order_by("-id").values_list("id", flat=True).first() or 0


@pytest.fixture
def loaded(open_job) -> PAProfile:
    """A PA who matches `open_job`, in a pool that has loaded already."""
    profile = make_pa(name="Kept in step")
    assert ranked(open_job) == [profile.pk]
    assert PROFILES.loaded
    return profile


# Each kind of write is seen by the next rank


def test_a_profile_saved_with_save_is_seen(open_job, loaded):
    loaded.is_paused = True
    loaded.save()

    assert ranked(open_job) == []

    loaded.is_paused = False
    loaded.save()

    assert ranked(open_job) == [loaded.pk]
    assert matched(open_job) == [loaded.pk]


@pytest.mark.parametrize(
    ("changes", "back"),
    [
        ({"availability": mask_from_keys(["monday_evening"])}, {"availability": None}),
        ({"travel_miles": 1}, {"travel_miles": 10}),
        ({"is_paused": True}, {"is_paused": False}),
        ({"visibility": PAProfile.Visibility.HIDDEN}, {"visibility": "all"}),
        # Visible locally but in no chosen area: no employer sees them.
        ({"visibility": PAProfile.Visibility.LOCAL}, {"visibility": "all"}),
    ],
    ids=["availability", "travel_miles", "is_paused", "hidden", "local"],
)
def test_a_profile_changed_with_update_is_seen_both_ways(open_job, loaded, changes, back):
    original = PAProfile.objects.filter(pk=loaded.pk).values("availability").get()
    back = {key: original[key] if value is None else value for key, value in back.items()}

    PAProfile.objects.filter(pk=loaded.pk).update(**changes)
    assert ranked(open_job) == []

    PAProfile.objects.filter(pk=loaded.pk).update(**back)
    assert ranked(open_job) == [loaded.pk]
    assert matched(open_job) == [loaded.pk]


def test_a_level_changed_with_update_is_seen(open_job, loaded):
    assert ranked(open_job, min_level=3) == []

    PAProfile.objects.filter(pk=loaded.pk).update(level=3)

    assert ranked(open_job, min_level=3) == [loaded.pk]
    assert column(loaded, "level") == 3


def test_a_skill_added_through_the_m2m_is_seen_in_the_mask(open_job, loaded):
    hoist = Skill.objects.get(code="mobility.hoist")
    open_job.required_skills.set([hoist])
    assert ranked(open_job) == []

    loaded.skills.add(hoist)

    assert ranked(open_job) == [loaded.pk]
    assert column(loaded, "skills") & (1 << (hoist.pk - 1))
    assert matched(open_job) == [loaded.pk]

    loaded.skills.remove(hoist)
    assert ranked(open_job) == []


def test_a_language_added_and_removed_is_seen(open_job, loaded):
    polish = Language.objects.get(code="pl")
    open_job.required_language = polish
    open_job.save(update_fields=["required_language"])
    assert ranked(open_job) == []

    row = ProfileLanguage.objects.create(
        profile=loaded, language=polish, level=ProfileLanguage.Level.FLUENT
    )
    assert ranked(open_job) == [loaded.pk]
    assert matched(open_job) == [loaded.pk]

    row.delete()
    assert ranked(open_job) == []


def test_a_chosen_area_added_and_removed_is_seen(open_job, loaded):
    PAProfile.objects.filter(pk=loaded.pk).update(visibility=PAProfile.Visibility.LOCAL)
    newcastle = LocalAuthority.objects.get(name="Newcastle upon Tyne")
    assert ranked(open_job) == []

    loaded.visible_in.add(newcastle)
    assert ranked(open_job) == [loaded.pk]
    assert matched(open_job) == [loaded.pk]

    loaded.visible_in.remove(newcastle)
    assert ranked(open_job) == []


def test_the_pas_home_area_moved_with_save_and_with_update_is_seen(open_job, loaded):
    # Staff see the PAs whose home area is one of their organisation's areas.
    durham_staff = make_staff(
        organisation=OrganisationFactory(areas=["County Durham"]), email="durham@example.org"
    )
    user = loaded.user
    assert ranked(open_job, viewer=durham_staff) == []

    user.local_authority = LocalAuthority.objects.get(name="County Durham")
    user.save()
    assert ranked(open_job, viewer=durham_staff) == [loaded.pk]
    assert matched(open_job, viewer=durham_staff) == [loaded.pk]

    User.objects.filter(pk=user.pk).update(
        local_authority=LocalAuthority.objects.get(name="Newcastle upon Tyne")
    )
    assert ranked(open_job, viewer=durham_staff) == []


def test_a_deleted_profile_leaves_the_pool(open_job, loaded):
    loaded.delete()

    assert ranked(open_job) == []
    assert matched(open_job) == []


def test_a_new_profile_joins_the_pool(open_job, loaded):
    newcomer = make_pa(name="Newcomer", level=4)

    assert ranked(open_job) == [newcomer.pk, loaded.pk]
    assert matched(open_job) == [newcomer.pk, loaded.pk]


# What the triggers write


def changes_after(since: int) -> set[tuple[str, int]]:
    return set(PoolChange.objects.filter(id__gt=since).values_list("kind", "object_id"))


def test_each_trigger_writes_a_change_of_the_right_kind_and_object(loaded):
    profile = PAProfile.objects.get(pk=loaded.pk)
    user = profile.user
    mine = {("p", profile.pk)}
    writes = [
        (lambda: profile.save(), mine),
        (lambda: PAProfile.objects.filter(pk=profile.pk).update(travel_miles=11), mine),
        (lambda: profile.skills.add(Skill.objects.get(code="mobility.hoist")), mine),
        (
            lambda: ProfileLanguage.objects.create(
                profile=profile, language=Language.objects.get(code="pl"), level="fluent"
            ),
            mine,
        ),
        (lambda: ProfileLanguage.objects.filter(profile=profile).delete(), mine),
        (lambda: profile.visible_in.add(LocalAuthority.objects.get(name="County Durham")), mine),
        (lambda: profile.visible_in.clear(), mine),
        (
            lambda: User.objects.filter(pk=user.pk).update(
                local_authority=LocalAuthority.objects.get(name="County Durham")
            ),
            {("u", user.pk)},
        ),
    ]
    for number, (write, expected) in enumerate(writes):
        since = newest_change_id()
        write()
        assert changes_after(since) == expected, number

    since = newest_change_id()
    newcomer = make_pa(name="Newcomer", languages=(), skills=())
    assert changes_after(since) == {("p", newcomer.pk)}

    since = newest_change_id()
    gone = profile.pk
    profile.delete()
    assert ("p", gone) in changes_after(since)
    assert {kind for kind, _ in changes_after(since)} == {"p"}


def test_a_users_home_area_saved_as_it_was_writes_no_change(loaded):
    user = User.objects.get(pk=loaded.user_id)
    since = newest_change_id()

    user.phone = "0191 000 0000"
    user.save()
    User.objects.filter(pk=user.pk).update(local_authority=user.local_authority_id)

    assert changes_after(since) == set()

    User.objects.filter(pk=user.pk).update(local_authority=None)
    assert changes_after(since) == {("u", user.pk)}


@pytest.mark.parametrize(
    "field, value", [("full_name", "Someone Else"), ("known_as", "Sam"), ("district_id", "DH1")]
)
def test_a_users_name_or_district_changed_writes_a_change(loaded, field, value):
    """For the register's search index, which lists PAs by name and filters by district."""
    since = newest_change_id()

    User.objects.filter(pk=loaded.user_id).update(**{field: value})

    assert changes_after(since) == {("u", loaded.user_id)}


# A statement of many rows (on PostgreSQL one trigger call for the whole statement)


def changes_listed_after(since: int) -> list[tuple[str, int]]:
    """Every change row, repeats kept: a statement's rows are each recorded once."""
    return sorted(PoolChange.objects.filter(id__gt=since).values_list("kind", "object_id"))


def test_a_statement_of_many_rows_records_each_row_once(loaded):
    second = make_pa(name="Second", email="second@example.org")
    third = make_pa(name="Third", email="third@example.org")
    ids = sorted([loaded.pk, second.pk, third.pk])
    polish = Language.objects.get(code="pl")

    since = newest_change_id()
    PAProfile.objects.filter(pk__in=ids).update(travel_miles=12)
    assert changes_listed_after(since) == [("p", pk) for pk in ids]

    since = newest_change_id()
    ProfileLanguage.objects.bulk_create(
        ProfileLanguage(profile_id=pk, language=polish, level="fluent") for pk in ids
    )
    assert changes_listed_after(since) == [("p", pk) for pk in ids]

    since = newest_change_id()
    ProfileLanguage.objects.filter(profile_id__in=ids, language=polish).delete()
    assert changes_listed_after(since) == [("p", pk) for pk in ids]


def test_a_statement_that_touches_no_row_records_nothing(loaded):
    since = newest_change_id()

    PAProfile.objects.filter(pk=-1).update(travel_miles=12)
    ProfileLanguage.objects.filter(profile_id=-1).delete()

    assert changes_listed_after(since) == []


def test_rows_copied_in_by_the_bulk_load_are_each_recorded(loaded):
    """The seed's way in: COPY on PostgreSQL, one prepared insert on SQLite."""
    second = make_pa(name="Second", email="second@example.org", languages=())
    hoist = Skill.objects.get(code="mobility.hoist")
    through = PAProfile.skills.through
    since = newest_change_id()

    load_rows(
        through,
        ["paprofile_id", "skill_id"],
        [(loaded.pk, hoist.pk), (second.pk, hoist.pk)],
    )
    loaded_languages = bulk_load(
        [
            build(ProfileLanguage, profile_id=pk, language_id=language.pk, level="fluent")
            for pk in (loaded.pk, second.pk)
            for language in Language.objects.filter(code__in=["pl", "ur"])
        ]
    )

    assert len(loaded_languages) == 4
    # The skills' link table is not watched: a profile's skills reach the pool through its
    # masks, which the register writes on the profile row.
    assert changes_listed_after(since) == sorted([("p", loaded.pk), ("p", second.pk)] * 2)


@pytest.mark.postgres_only
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: DATABASE_URL=postgres://...",
)
def test_on_postgresql_a_trigger_fires_once_a_statement_unless_it_watches_one_column():
    """Once a row cost 45 microseconds a row (the row as JSON, an insert of its own): most of
    the seed's COPY into the register and jobs. Watching one column needs the row's old and
    new value, so those stay a row's."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname, (tgtype & 1) = 1 FROM pg_trigger "
            "WHERE tgname LIKE 'matching_change_%%' AND NOT tgisinternal"
        )
        once_a_row = dict(cursor.fetchall())

    assert len(once_a_row) == 3 * 3 + 3 * 6 + 4  # 3 and 6 watched tables, 4 column watches
    assert {name for name, is_a_rows in once_a_row.items() if is_a_rows} == {
        "matching_change_user_area_update",
        "matching_change_user_name_update",
        "matching_change_user_known_as_update",
        "matching_change_user_district_update",
    }
