"""The demo cast for `make run`, and `seed` for synthetic people at scale."""

import random
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError

from pahub.accounts.models import Membership, Organisation, Representation, Role, User, UserRole
from pahub.accounts.seeding import SEED_EMAIL_DOMAIN, WeightedPick, seed_users
from pahub.community.models import Post
from pahub.jobs.models import Job
from pahub.places.postcodes import normalise_postcode, outcode_of
from pahub.register.models import Evidence, PAProfile
from pahub.setup.demo import DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_PEOPLE

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    stdout = StringIO()
    call_command(*args, stdout=stdout)
    return stdout.getvalue()


def seeded_people(seed: int) -> list[tuple[str, str, str, str, str]]:
    return list(
        seed_users(seed)
        .order_by("email")
        .values_list("email", "full_name", "postcode", "district_id", "local_authority_id")
    )


def demo_user(mailbox: str) -> User:
    return User.objects.get(email=f"{mailbox}@{DEMO_EMAIL_DOMAIN}")


# demo_data and demo_logins


def test_demo_data_creates_the_four_organisations_with_their_areas():
    run("demo_data")

    areas = {
        organisation.name: (organisation.kind, organisation.local_authorities.count())
        for organisation in Organisation.objects.all()
    }
    assert areas == {
        "Newcastle City Council": ("local_authority", 1),
        "Tyne and Wear Independent Living Support": ("support_agency", 5),
        "Durham Disabled People's Network": ("user_led", 2),  # and Darlington
        "North East PA Training Partnership": ("training_provider", 12),
    }
    assert Organisation.objects.filter(verifies_evidence=True).count() == 2
    assert not Organisation.objects.filter(email="").exists()


def test_demo_data_creates_the_cast_with_roles_and_staff_memberships():
    run("demo_data")

    assert User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN).count() == len(DEMO_PEOPLE)
    assert demo_user("pa.jordan").role_set == {Role.PA}
    assert demo_user("employer.amira").role_set == {Role.EMPLOYER}
    assert demo_user("representative.sara").role_set == {Role.REPRESENTATIVE}
    assert UserRole.objects.filter(role=Role.PA).count() >= 3
    assert set(Membership.objects.values_list("user__email", "role")) == {
        (f"council.admin@{DEMO_EMAIL_DOMAIN}", "admin"),
        (f"commissioner@{DEMO_EMAIL_DOMAIN}", "member"),
        (f"verifier@{DEMO_EMAIL_DOMAIN}", "verifier"),
        (f"verifier.twils@{DEMO_EMAIL_DOMAIN}", "verifier"),
        (f"ulo.member@{DEMO_EMAIL_DOMAIN}", "member"),
    }
    site_admin = demo_user("admin")
    assert site_admin.is_superuser
    assert site_admin.is_staff


def test_the_demo_commissioner_reads_insights_for_newcastle():
    from pahub.accounts.queries import insights_local_authority_ids

    run("demo_data")

    assert insights_local_authority_ids(demo_user("commissioner")) == frozenset(["E08000021"])
    assert not insights_local_authority_ids(demo_user("council.admin"))


def test_demo_people_are_placed_and_have_a_verified_primary_email():
    run("demo_data")

    for user in User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN):
        assert user.district_id == outcode_of(user.postcode)
        assert user.local_authority.is_spoke
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True
        ).exists()


def test_demo_people_can_sign_in_with_the_shared_password():
    run("demo_data")

    for user in User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN):
        assert user.check_password(DEMO_PASSWORD), user.email


def test_staff_and_the_site_admin_start_without_two_factor():
    from allauth.mfa.models import Authenticator

    run("demo_data")

    assert not Authenticator.objects.exists()


def test_the_daughter_may_act_for_her_mother_and_another_request_waits():
    run("demo_data")

    sara = demo_user("representative.sara")
    active = Representation.objects.get(representative=sara, employer=demo_user("employer.amira"))
    waiting = Representation.objects.get(representative=sara, employer=demo_user("employer.george"))
    assert active.status == Representation.Status.ACTIVE
    assert active.relationship == "daughter"
    assert active.granted_by == demo_user("employer.amira")
    assert waiting.status == Representation.Status.REQUESTED


def test_demo_data_if_empty_does_nothing_the_second_time():
    run("demo_data", "--if-empty")
    people = User.objects.count()

    output = run("demo_data", "--if-empty")

    assert "nothing was added" in output
    assert User.objects.count() == people
    assert Representation.objects.count() == 2


def test_demo_data_if_empty_leaves_a_database_with_people_alone(pa):
    output = run("demo_data", "--if-empty")

    assert "nothing was added" in output
    assert not Organisation.objects.exists()


def test_demo_data_run_twice_adds_nothing_twice():
    run("demo_data")

    output = run("demo_data")

    assert "everything was there already" in output
    assert User.objects.count() == len(DEMO_PEOPLE)
    assert Representation.objects.count() == 2
    assert Membership.objects.count() == 5


def test_demo_logins_lists_every_demo_account_and_the_password():
    run("demo_data")

    output = run("demo_logins")

    for person in DEMO_PEOPLE:
        assert person.email in output
    assert DEMO_PASSWORD in output
    assert "two-factor" in output


def test_demo_logins_says_when_there_are_no_demo_accounts():
    output = run("demo_logins")

    assert "no demo accounts" in output


# seed


def test_seed_creates_exactly_the_people_asked_for_with_roles_and_verified_emails():
    output = run("seed", "--pas", "200", "--employers", "50", "--seed", "7")

    people = seed_users(7)
    assert people.count() == 250
    assert UserRole.objects.filter(user__in=people, role=Role.PA).count() == 200
    assert UserRole.objects.filter(user__in=people, role=Role.EMPLOYER).count() == 50
    assert UserRole.objects.filter(user__in=people).count() == 250
    assert EmailAddress.objects.filter(user__in=people, verified=True, primary=True).count() == 250
    assert "250 people" in output
    assert "rows/s" in output


def test_seeded_people_live_in_north_east_spokes_at_well_formed_postcodes():
    run("seed", "--pas", "200", "--employers", "50", "--seed", "7")

    people = seed_users(7).select_related("district", "local_authority")
    for person in people:
        assert person.email.endswith(f"@{SEED_EMAIL_DOMAIN}")
        assert normalise_postcode(person.postcode) == person.postcode
        assert outcode_of(person.postcode) == person.district_id
        assert person.local_authority_id == person.district.local_authority_id
        assert person.local_authority.is_spoke
        assert not person.has_usable_password()
    # Spread across the region, not piled into one district.
    assert len({person.local_authority_id for person in people}) >= 8


def test_the_same_seed_gives_the_same_people():
    run("seed", "--pas", "200", "--employers", "50", "--seed", "7")
    first = seeded_people(7)

    run("seed", "--pas", "200", "--employers", "50", "--seed", "7", "--replace")

    assert seeded_people(7) == first
    assert seed_users(7).count() == 250
    assert UserRole.objects.filter(user__in=seed_users(7)).count() == 250


def test_a_different_seed_gives_different_people():
    run("seed", "--pas", "200", "--employers", "50", "--seed", "7")
    run("seed", "--pas", "200", "--employers", "50", "--seed", "8")

    names_7 = [person[1:] for person in seeded_people(7)]
    names_8 = [person[1:] for person in seeded_people(8)]
    assert names_7 != names_8
    assert seed_users(7).count() == seed_users(8).count() == 250


def test_seeding_a_seed_twice_is_refused_without_replace():
    run("seed", "--pas", "20", "--employers", "5", "--seed", "7")

    with pytest.raises(CommandError, match="--replace"):
        run("seed", "--pas", "20", "--employers", "5", "--seed", "7")
    assert seed_users(7).count() == 25


def test_replace_deletes_only_that_seeds_people(pa):
    run("seed", "--pas", "20", "--employers", "5", "--seed", "7")
    run("seed", "--pas", "20", "--employers", "5", "--seed", "70")

    run("seed", "--pas", "3", "--employers", "0", "--seed", "7", "--replace")

    assert seed_users(7).count() == 3
    assert seed_users(70).count() == 25
    assert User.objects.filter(pk=pa.pk).exists()
    assert EmailAddress.objects.filter(user__in=seed_users(7)).count() == 3


def test_seeded_people_can_share_a_password_given_once():
    run("seed", "--pas", "3", "--employers", "0", "--seed", "7", "--password", "seeded-pass-1")

    assert all(person.check_password("seeded-pass-1") for person in seed_users(7))
    assert seed_users(7).values("password").distinct().count() == 1


def test_seed_refuses_jobs_without_employers_to_post_them():
    # The jobs themselves are tested with the matching engine: tests/matching/test_seed_jobs.py.
    with pytest.raises(CommandError, match="--jobs needs --employers"):
        run("seed", "--pas", "1", "--employers", "0", "--jobs", "5", "--seed", "7")


def test_seed_ends_by_analysing_the_tables_and_says_so():
    output = run("seed", "--pas", "5", "--employers", "2", "--seed", "7")

    assert "Planner statistics: ANALYZE of every table" in output


def test_the_people_are_analysed_before_the_steps_that_read_them(monkeypatch):
    """The register's batches of PAs took 0.3 to 0.5 s each on PostgreSQL without statistics
    for the people just loaded (`analyse_people_for_planner`)."""
    from django.db import connection

    from pahub.register.seeding import load as register_load

    analysed_first: list[set[str]] = []
    seed_register = register_load.seed_register

    def seed_register_noting_the_statistics(**kwargs):
        analysed_first.append(tables_with_statistics(connection))
        return seed_register(**kwargs)

    monkeypatch.setattr(register_load, "seed_register", seed_register_noting_the_statistics)
    run("seed", "--pas", "5", "--employers", "2", "--seed", "7")

    if connection.vendor == "postgresql":
        assert analysed_first == [{"accounts_user", "accounts_userrole"}]
    else:
        assert analysed_first == [set()]


def tables_with_statistics(connection) -> set[str]:
    """The people tables the planner has statistics for (PostgreSQL; none on SQLite)."""
    if connection.vendor != "postgresql":
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT tablename FROM pg_stats "
            "WHERE tablename IN ('accounts_user', 'accounts_userrole')"
        )
        return {table for (table,) in cursor.fetchall()}


def what_the_seed_made(seed: int) -> dict[str, list]:
    """What a seed wrote, without the moments drawn from the time it ran."""
    people = seed_users(seed)
    return {
        "profiles": list(
            PAProfile.objects.filter(user__in=people)
            .order_by("user__email")
            .values_list("user__email", "display_name", "about_me", "level", "visibility")
        ),
        "evidence": list(
            Evidence.objects.filter(profile__user__in=people)
            .order_by("profile__user__email", "kind", "status")
            .values_list("profile__user__email", "kind", "status")
        ),
        "jobs": list(
            Job.objects.filter(employer__in=people)
            .order_by("pk")
            .values_list("employer__email", "title", "hours_grid", "hourly_pay")
        ),
        "posts": list(
            Post.objects.filter(author__in=people)
            .order_by("pk")
            .values_list("author__email", "author_name", "body", "thread__title")
        ),
    }


def test_the_batch_size_changes_nothing_the_seed_makes():
    # People, profiles and posts are read and written a batch at a time: where the batches
    # split must not change a single draw. (The learning draws its quiz answers and
    # certificate codes after each batch's plans, so it does depend on the batch size.)
    options = ["--pas", "60", "--employers", "10", "--jobs", "20", "--posts", "150"]
    run("seed", *options, "--seed", "7")
    whole = what_the_seed_made(7)

    run("seed", *options, "--seed", "7", "--batch-size", "7", "--replace")

    assert what_the_seed_made(7) == whole
    assert all(whole.values())


def test_seeding_jobs_makes_the_cached_public_searches_stale():
    # The seed writes jobs without save(), so it must tell the public pages' cache itself.
    from pahub.jobs.vacancies.caching import public_jobs_version

    before = public_jobs_version()
    run("seed", "--pas", "20", "--employers", "5", "--jobs", "5", "--seed", "8")

    assert public_jobs_version() != before


@pytest.mark.parametrize("weights", [[40, 15, 45], [80, 15, 5], [1, 0, 3, 0.5], [7]])
def test_a_weighted_pick_draws_what_random_choices_draws_from_the_same_stream(weights):
    values = [f"value {number}" for number in range(len(weights))]
    pick = WeightedPick(values, weights)
    ours, theirs = random.Random("weighted"), random.Random("weighted")

    drawn = [pick(ours) for _ in range(2000)]

    assert drawn == [theirs.choices(values, weights=weights)[0] for _ in range(2000)]
    assert ours.random() == theirs.random()  # and left the stream where choices leaves it
