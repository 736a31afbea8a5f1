"""`pahub.core.bulk_load`: what `manage.py seed` inserts millions of rows with, instead of
`bulk_create` (executemany on SQLite, COPY on PostgreSQL)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection

from pahub.accounts.models import Role, User, UserRole
from pahub.core.bulk_load import analyse_after_bulk_load, bulk_load, load_rows
from pahub.learning.models import CPDEntry, ModuleVersion, QuizAttempt
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Skill

pytestmark = pytest.mark.django_db


def person(number: int) -> User:
    return User(
        email=f"bulk-{number}@example.org",
        full_name=f"Bulk Person {number}",
        date_joined=datetime(2025, 3, 4, 5, 6, 7, 890000, tzinfo=UTC),
    )


def test_bulk_load_gives_each_instance_the_id_of_its_row():
    people = bulk_load([person(number) for number in range(3)])

    stored = dict(User.objects.filter(email__startswith="bulk-").values_list("pk", "email"))
    assert stored == {one.pk: one.email for one in people}
    assert all(not one._state.adding for one in people)


def test_ids_continue_above_every_id_handed_out_before_even_deleted_ones():
    kept = User.objects.create(email="kept@example.org", full_name="Kept")
    gone = User.objects.create(email="gone@example.org", full_name="Gone")
    gone_id = gone.pk
    gone.delete()

    people = bulk_load([person(number) for number in range(2)])

    assert min(one.pk for one in people) > gone_id > kept.pk
    # The table's own sequence moved on too: the next ordinary insert does not collide.
    assert User.objects.create(email="after@example.org", full_name="After").pk > max(
        one.pk for one in people
    )


def test_values_come_back_as_they_went_in_moments_dates_decimals_and_json():
    user = bulk_load([person(1)])[0]
    [entry] = bulk_load(
        [
            CPDEntry(
                user=user,
                title="First aid",
                provider="St John Ambulance",
                learned_on=date(2025, 2, 3),
                hours=Decimal("6.50"),
                what_i_learned="CPR.",
            )
        ]
    )

    stored = CPDEntry.objects.get(pk=entry.pk)
    assert (stored.user_id, stored.learned_on, stored.hours) == (
        user.pk,
        date(2025, 2, 3),
        Decimal("6.50"),
    )
    assert User.objects.get(pk=user.pk).date_joined == datetime(
        2025, 3, 4, 5, 6, 7, 890000, tzinfo=UTC
    )


def test_json_values_are_stored_as_json():
    module_version = ModuleVersion.objects.first()  # the courses migrate loads
    user = bulk_load([person(1)])[0]
    [attempt] = bulk_load(
        [
            QuizAttempt(
                user=user,
                module_version=module_version,
                answers={"1": [2, 3]},
                correct_count=1,
                question_count=1,
                passed=True,
            )
        ]
    )

    assert QuizAttempt.objects.get(pk=attempt.pk).answers == {"1": [2, 3]}


def test_a_row_made_before_its_parent_had_an_id_takes_the_id_and_auto_now_add_is_set():
    people = [person(number) for number in range(2)]
    roles = [UserRole(user=one, role=Role.PA) for one in people]

    bulk_load(people)
    bulk_load(roles)

    stored = UserRole.objects.filter(user__in=people)
    assert sorted(stored.values_list("user_id", flat=True)) == sorted(one.pk for one in people)
    assert all(role.created_at is not None for role in stored)


def test_load_rows_inserts_tuples_without_instances():
    user = bulk_load([person(1)])[0]
    skills = list(Skill.objects.values_list("pk", flat=True)[:2])
    profile_skills = PAProfile.skills.through
    [profile] = bulk_load([PAProfile(user=user, display_name="Bulk")])
    loaded = load_rows(
        profile_skills, ("paprofile_id", "skill_id"), ((profile.pk, pk) for pk in skills)
    )

    assert loaded == len(skills) == 2
    assert sorted(profile.skills.values_list("pk", flat=True)) == sorted(skills)


def test_bulk_load_refuses_to_run_outside_a_transaction():
    original = connection.in_atomic_block
    connection.in_atomic_block = False
    try:
        with pytest.raises(RuntimeError, match="inside a transaction"):
            bulk_load([person(1)])
    finally:
        connection.in_atomic_block = original


def test_analyse_after_bulk_load_leaves_planner_statistics():
    bulk_load([person(number) for number in range(20)])

    assert analyse_after_bulk_load() == "ANALYZE"

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'accounts_user'")
        else:
            cursor.execute(
                "SELECT COUNT(*) FROM pg_stats WHERE tablename = 'accounts_user' "
                "AND attname = 'email'"
            )
        assert cursor.fetchone()[0] >= 1
