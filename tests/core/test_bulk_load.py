"""`pahub.core.bulk_load`: what `manage.py seed` inserts millions of rows with, instead of
`bulk_create` (executemany on SQLite, COPY on PostgreSQL)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_init

from pahub.accounts.models import Role, User, UserRole
from pahub.community.models import Post, Thread
from pahub.core.bulk_load import (
    _recipe,
    analyse_after_bulk_load,
    build,
    bulk_load,
    bulk_loading_into,
    finish_bulk_load,
    foreign_keys_checked_once,
    load_rows,
    prepare_for_bulk_load,
)
from pahub.jobs.models import Job
from pahub.learning.models import CPDEntry, ModuleVersion, PlanItem, QuizAttempt, SelfRating
from pahub.register.models import Evidence, PAProfile, ReferenceRequest, VerificationRecord
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


# build: Model(**values) without Model.__init__.


def _state(obj) -> tuple:
    return (obj._state.adding, obj._state.db, obj._state.fields_cache)


def _same_as_init(model, **values) -> None:
    built, made = build(model, **values), model(**values)
    assert type(built) is model
    assert _state(built) == _state(made)
    # Callable defaults (timezone.now, dict, a token) give each instance a value of its own.
    own = {attname for attname, _ in _recipe(model).made}
    assert built.__dict__.keys() == made.__dict__.keys()
    for name, value in made.__dict__.items():
        if name == "_state":
            continue
        if name in own:
            assert type(built.__dict__[name]) is type(value), name
        else:
            assert built.__dict__[name] == value, name


@pytest.mark.parametrize(
    "model", [model for model in apps.get_models() if not model._meta.abstract], ids=str
)
def test_build_gives_every_model_the_attributes_model_init_gives_it(model):
    _same_as_init(model)


def test_build_sets_given_values_and_ids_as_model_init_does():
    moment = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
    _same_as_init(
        User,
        email="built@example.org",
        full_name="Built Person",
        district_id="NE1",
        date_joined=moment,
    )
    _same_as_init(
        PAProfile,
        user_id=7,
        display_name="Built",
        about_me="I am reliable.",
        hourly_rate=Decimal("12.75"),
        last_active_at=moment,
    )
    _same_as_init(QuizAttempt, user_id=3, module_version_id=4, answers={"1": [2]}, passed=True)
    _same_as_init(CPDEntry, user_id=3, title="First aid", hours=Decimal("6.00"))
    _same_as_init(SelfRating, user_id=3, topic="records", rating=SelfRating.Rating.CAN_DO)
    _same_as_init(PlanItem, user_id=3, order=1, title="Shadow a PA", note="My own step.")
    _same_as_init(Job, employer_id=5, title="A PA for mornings")
    _same_as_init(Thread, title="Hello", author_id=2)
    _same_as_init(Post, body="Hi", author_id=2, thread_id=1)


def test_build_caches_a_related_instance_given_by_name_and_copies_its_id():
    profile = build(PAProfile, user_id=7, display_name="Built")
    profile.pk = 12
    evidence = build(Evidence, profile=profile, kind=Evidence.Kind.IDENTITY)
    _same_as_init(Evidence, profile=profile, kind=Evidence.Kind.IDENTITY)
    assert evidence.profile_id == 12
    assert evidence.profile is profile

    unsaved = build(Evidence, profile=profile, kind=Evidence.Kind.DBS)
    _same_as_init(VerificationRecord, evidence=unsaved, outcome="verified")
    _same_as_init(ReferenceRequest, evidence=unsaved, referee_name="Margaret Hall")


def test_build_refuses_a_keyword_that_is_no_field():
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        build(SelfRating, colour="blue")


def test_build_of_a_model_someone_listens_to_goes_through_model_init():
    heard = []

    def listener(sender, instance, **kwargs):
        heard.append(instance)

    post_init.connect(listener, sender=SelfRating)
    try:
        rating = build(SelfRating, user_id=3, topic="records")
    finally:
        post_init.disconnect(listener, sender=SelfRating)

    assert heard == [rating]


def test_built_instances_load_like_made_ones():
    user = bulk_load([build(User, email="built-1@example.org", full_name="Built One")])[0]
    [entry] = bulk_load(
        [
            build(
                CPDEntry,
                user=user,
                title="First aid",
                hours=Decimal("6.50"),
                learned_on=date(2025, 2, 3),
            )
        ]
    )

    stored = CPDEntry.objects.get(pk=entry.pk)
    assert (stored.user_id, stored.title, stored.hours) == (user.pk, "First aid", Decimal("6.50"))
    assert stored.created_at is not None


def _pragma(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own settings")
@pytest.mark.django_db(transaction=True)
def test_sqlite_skips_waiting_for_the_disk_while_loading_and_then_waits_again():
    before = (_pragma("synchronous"), _pragma("temp_store"))

    replaced = prepare_for_bulk_load()
    during = (_pragma("synchronous"), _pragma("temp_store"))
    finish_bulk_load(replaced)

    assert during == (0, 2)  # OFF, MEMORY
    assert (_pragma("synchronous"), _pragma("temp_store")) == before


def test_rows_sharing_one_json_value_each_store_it_and_others_keep_their_own():
    module_version = ModuleVersion.objects.first()
    user = bulk_load([person(1)])[0]
    shared = {"1": [2]}
    attempts = bulk_load(
        [
            build(
                QuizAttempt,
                user=user,
                module_version=module_version,
                answers=answers,
                correct_count=1,
                question_count=1,
                passed=True,
            )
            for answers in (shared, {"1": [3]}, shared)
        ]
    )

    stored = QuizAttempt.objects.in_bulk([attempt.pk for attempt in attempts])
    assert [stored[attempt.pk].answers for attempt in attempts] == [
        {"1": [2]},
        {"1": [3]},
        {"1": [2]},
    ]


def _foreign_keys(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid), condeferrable, condeferred "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = %s::regclass ORDER BY 1",
            [table],
        )
        return cursor.fetchall()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's foreign keys")
@pytest.mark.django_db(transaction=True)
def test_foreign_keys_are_checked_once_after_the_load_and_come_back_the_same():
    before = _foreign_keys("learning_cpdentry")
    with transaction.atomic(), foreign_keys_checked_once([CPDEntry]):
        during = _foreign_keys("learning_cpdentry")
        user = bulk_load([person(1)])[0]
        bulk_load(
            [
                build(
                    CPDEntry,
                    user=user,
                    title="CPR",
                    hours=Decimal("1.00"),
                    learned_on=date(2025, 2, 3),
                )
            ]
        )

    assert before and during == []
    assert _foreign_keys("learning_cpdentry") == before
    assert CPDEntry.objects.filter(user=user).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's foreign keys")
@pytest.mark.django_db(transaction=True)
def test_a_row_whose_parent_is_missing_still_fails_the_load_and_nothing_stays():
    before = _foreign_keys("learning_cpdentry")
    with (
        pytest.raises(IntegrityError, match="foreign key"),
        transaction.atomic(),
        foreign_keys_checked_once([CPDEntry]),
    ):
        bulk_load(
            [
                build(
                    CPDEntry,
                    user_id=999_999,
                    title="CPR",
                    hours=Decimal("1.00"),
                    learned_on=date(2025, 2, 3),
                )
            ]
        )

    assert _foreign_keys("learning_cpdentry") == before
    assert not CPDEntry.objects.exists()


def test_inside_a_transaction_of_someone_else_foreign_keys_are_left_alone():
    # The test's own transaction is the outermost: the load's rows are checked as usual.
    with transaction.atomic(), foreign_keys_checked_once([CPDEntry]):
        if connection.vendor == "postgresql":
            assert _foreign_keys("learning_cpdentry")


def _indexes(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
                "WHERE indrelid = %s::regclass ORDER BY 1",
                [table],
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "ORDER BY name",
                [table],
            )
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_secondary_indexes_are_built_after_the_load_and_come_back_the_same():
    before = _indexes("learning_quizattempt")
    with transaction.atomic(), bulk_loading_into([QuizAttempt]):
        during = _indexes("learning_quizattempt")
        user = bulk_load([person(1)])[0]
        bulk_load(
            [
                build(
                    QuizAttempt,
                    user=user,
                    module_version=ModuleVersion.objects.first(),
                    answers={},
                    correct_count=0,
                    question_count=0,
                    passed=False,
                )
            ]
        )

    # Only the primary key's index stays while loading (SQLite's is the table itself).
    assert len(during) < len(before)
    assert all("UNIQUE" in (definition or "UNIQUE") for _, definition in during)
    assert _indexes("learning_quizattempt") == before
    assert QuizAttempt.objects.filter(user=user).count() == 1


def test_inside_a_transaction_of_someone_else_indexes_are_left_alone():
    before = _indexes("learning_quizattempt")
    with transaction.atomic(), bulk_loading_into([QuizAttempt]):
        assert _indexes("learning_quizattempt") == before
