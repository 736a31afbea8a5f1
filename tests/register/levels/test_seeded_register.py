"""`manage.py seed` fills the register: a spread of levels made from real rows, so a level
recomputed from the database is the level the seed stored."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from pahub.accounts.seeding import seed_users
from pahub.register.levels import level_for
from pahub.register.models import (
    CodeSignature,
    Evidence,
    InductionCompletion,
    PAProfile,
    ProfileLanguage,
    VerificationRecord,
)
from pahub.register.queries import level_facts_for
from pahub.register.seeding.load import level_spread, seed_register

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed", *args, stdout=out)
    return out.getvalue()


def test_every_seeded_pa_gets_a_profile_and_employers_do_not():
    output = seed("--pas", "300", "--employers", "20", "--seed", "11")

    assert PAProfile.objects.filter(user__in=seed_users(11)).count() == 300
    assert "Register: 300 profiles" in output


def test_the_register_seed_gives_a_profile_only_to_pas_without_one():
    """Batch by batch (three PAs each here), the PAs who already have a profile are passed
    over, wherever they fall in a batch."""
    seed("--pas", "10", "--employers", "0", "--seed", "15")
    pas = list(seed_users(15).order_by("pk"))
    kept = {pa.pk: pa.pa_profile.pk for pa in pas if pa.pk % 2}
    redone = [pa for pa in pas if pa.pk not in kept]
    PAProfile.objects.filter(user__in=redone).delete()
    # What the register seeds for a person rather than their profile goes with it.
    CodeSignature.objects.filter(user__in=redone).delete()
    InductionCompletion.objects.filter(user__in=redone).delete()

    counts = seed_register(seed=15, batch_size=3)

    assert counts.profiles == 10 - len(kept)
    profiles = dict(PAProfile.objects.filter(user__in=pas).values_list("user_id", "pk"))
    assert sorted(profiles) == [pa.pk for pa in pas]
    assert all(profiles[user_id] == pk for user_id, pk in kept.items())


def test_seeded_levels_spread_roughly_as_asked():
    seed("--pas", "1000", "--employers", "0", "--seed", "12")

    spread = level_spread(12)
    shares = {level: spread.get(level, 0) / 1000 for level in range(5)}
    assert 0.28 <= shares[0] <= 0.42
    assert 0.23 <= shares[1] <= 0.37
    assert 0.14 <= shares[2] <= 0.26
    assert 0.06 <= shares[3] <= 0.14
    assert 0.02 <= shares[4] <= 0.08


def test_a_seeded_level_is_what_the_database_rows_add_up_to():
    seed("--pas", "250", "--employers", "0", "--seed", "13")

    profiles = PAProfile.objects.filter(user__in=seed_users(13)).select_related("user")
    for profile in profiles:
        assert level_for(level_facts_for(profile)) == profile.level, profile.pk


def test_seeded_rows_look_like_a_real_register():
    seed("--pas", "500", "--employers", "0", "--seed", "14")

    profiles = PAProfile.objects.filter(user__in=seed_users(14))
    rates = [rate for rate in profiles.values_list("hourly_rate", flat=True) if rate is not None]
    assert min(rates) >= Decimal("12.71")
    assert max(rates) <= Decimal("18.00")
    assert profiles.filter(is_paused=True).exists()
    assert set(profiles.values_list("visibility", flat=True)) == {"hidden", "local", "all"}
    languages = set(
        ProfileLanguage.objects.filter(profile__in=profiles).values_list(
            "language__code", flat=True
        )
    )
    assert "en" in languages
    assert len(languages) >= 4
    dbs = Evidence.objects.filter(profile__in=profiles, kind=Evidence.Kind.DBS)
    assert dbs.filter(status=Evidence.Status.VERIFIED, expires_on__isnull=False).exists()
    assert dbs.filter(status=Evidence.Status.AWAITING).exists()
    assert VerificationRecord.objects.filter(evidence__profile__in=profiles).exists()
    assert CodeSignature.objects.filter(user__in=seed_users(14)).exists()
    assert profiles.exclude(availability=0).count() > 450


def test_the_same_seed_on_the_same_day_gives_the_same_register():
    seed("--pas", "120", "--employers", "0", "--seed", "15")

    def snapshot():
        return list(
            PAProfile.objects.filter(user__in=seed_users(15))
            .order_by("user__email")
            .values_list("user__email", "level", "availability", "hourly_rate", "visibility")
        )

    first = snapshot()
    seed("--pas", "120", "--employers", "0", "--seed", "15", "--replace")

    assert snapshot() == first


def test_replace_removes_the_register_rows_of_the_seed():
    seed("--pas", "60", "--employers", "0", "--seed", "16")
    seed("--pas", "5", "--employers", "0", "--seed", "16", "--replace")

    assert PAProfile.objects.filter(user__in=seed_users(16)).count() == 5
    assert (
        Evidence.objects.filter(profile__user__in=seed_users(16)).count()
        == Evidence.objects.count()
    )
