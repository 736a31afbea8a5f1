"""profile_services: the rules every caller meets, audited visibility, recomputed levels."""

from decimal import Decimal

import pytest

from pahub.core.models import AuditEvent
from pahub.places.models import LocalAuthority
from pahub.register.models import PAProfile
from pahub.register.profile.services import (
    ProfileInputError,
    check_hourly_rate,
    parse_hourly_rate,
    parse_other_interests,
    pay_warning,
    profile_set_paused,
    profile_update,
    profile_update_step,
)


def test_a_step_may_only_change_its_own_answers(new_profile, pa):
    with pytest.raises(ValueError, match="does not answer"):
        profile_update_step(
            profile=new_profile, step="name", data={"hourly_rate": Decimal(1)}, by=pa
        )


def test_an_unknown_step_is_a_programming_error(new_profile, pa):
    with pytest.raises(ValueError, match="No such profile step"):
        profile_update_step(profile=new_profile, step="shoe_size", data={}, by=pa)


def test_driving_is_checked_against_the_licence_already_saved(new_profile, pa):
    profile_update(
        profile=new_profile,
        changes={"has_driving_licence": True, "offers_driving": True},
        by=pa,
    )

    with pytest.raises(ProfileInputError) as refused:
        profile_update(profile=new_profile, changes={"has_driving_licence": False}, by=pa)

    assert refused.value.field == "offers_driving"
    assert PAProfile.objects.get(pk=new_profile.pk).has_driving_licence is True


def test_local_visibility_needs_an_area_even_when_set_in_two_calls(new_profile, pa):
    with pytest.raises(ProfileInputError) as refused:
        profile_update(profile=new_profile, changes={"visibility": "local"}, by=pa)

    assert refused.value.field == "visible_in"
    assert PAProfile.objects.get(pk=new_profile.pk).visibility == "hidden"


def test_only_areas_where_pa_hub_runs_can_be_chosen(new_profile, pa):
    leeds = LocalAuthority.objects.get(name="Leeds")

    with pytest.raises(ProfileInputError, match="does not run in Leeds"):
        profile_update(
            profile=new_profile, changes={"visibility": "local", "visible_in": [leeds]}, by=pa
        )


def test_a_change_of_visibility_is_audited_with_the_areas(new_profile, pa):
    newcastle = LocalAuthority.objects.get(name="Newcastle upon Tyne")

    profile_update(
        profile=new_profile, changes={"visibility": "local", "visible_in": [newcastle]}, by=pa
    )

    event = AuditEvent.objects.get(action="profile.visibility_changed")
    assert event.actor == pa
    assert event.detail == {
        "old": "hidden",
        "new": "local",
        "old_areas": [],
        "new_areas": ["E08000021"],
    }


def test_saving_the_same_visibility_again_is_not_audited(new_profile, pa):
    profile_update(profile=new_profile, changes={"visibility": "all"}, by=pa)
    profile_update(profile=new_profile, changes={"visibility": "all"}, by=pa)

    assert AuditEvent.objects.filter(action="profile.visibility_changed").count() == 1


def test_staff_acting_for_a_pa_are_recorded_as_the_actor(new_profile, verifier):
    profile_set_paused(profile=new_profile, paused=True, by=verifier)

    assert AuditEvent.objects.get(action="profile.paused").actor == verifier


def test_answering_steps_records_them_in_the_builders_order(new_profile, pa):
    profile_update(profile=new_profile, changes={"travel_miles": 5}, by=pa)
    profile_update(profile=new_profile, changes={"display_name": "Jo"}, by=pa)

    assert PAProfile.objects.get(pk=new_profile.pk).completed_steps == ["name", "location"]


def test_pausing_answers_no_step(new_profile, pa):
    profile_set_paused(profile=new_profile, paused=True, by=pa)

    assert PAProfile.objects.get(pk=new_profile.pk).completed_steps == []


def test_a_level_is_recomputed_and_its_change_audited(pa, pa_profile, code_version):
    from pahub.register.models import CodeSignature, Evidence

    Evidence.objects.create(profile=pa_profile, kind=Evidence.Kind.IDENTITY)
    CodeSignature.objects.create(user=pa, version=code_version)

    profile_update(profile=pa_profile, changes={"travel_miles": 8}, by=pa)

    assert PAProfile.objects.get(pk=pa_profile.pk).level == 1
    assert AuditEvent.objects.filter(action="profile.level_changed").exists()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", []),
        ("salsa, vintage cars", ["salsa", "vintage cars"]),
        ("  salsa ,, Salsa,  SALSA ", ["salsa"]),
        (["chess", "  chess  ", "go"], ["chess", "go"]),
        ("bird   watching", ["bird watching"]),
    ],
)
def test_other_interests_are_trimmed_and_de_duplicated(raw, expected):
    assert parse_other_interests(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13.50", Decimal("13.50")),
        ("£13.5", Decimal("13.50")),
        (" 14 ", Decimal("14.00")),
        ("£", None),
        ("", None),
    ],
)
def test_hourly_pay_is_read_as_typed(raw, expected):
    assert parse_hourly_rate(raw) == expected


def test_hourly_pay_has_a_sensible_upper_limit():
    with pytest.raises(ProfileInputError, match=r"£999\.99 or less"):
        parse_hourly_rate("1,000.00")


@pytest.mark.parametrize("bad", ["0", "-3", "abc", "NaN", "Infinity", "1e400", "12.345"])
def test_bad_hourly_pay_is_refused_with_a_message(bad):
    with pytest.raises(ProfileInputError) as refused:
        parse_hourly_rate(bad)

    assert refused.value.field == "hourly_rate"


def test_a_rate_with_trailing_zeros_beyond_pence_is_still_pounds_and_pence():
    assert check_hourly_rate(Decimal("13.500")) == Decimal("13.50")


def test_the_pay_warning_starts_just_below_the_national_living_wage():
    assert pay_warning(Decimal("12.70")) is not None
    assert pay_warning(Decimal("12.71")) is None
    assert pay_warning(None) is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"travel_miles": 0}, "travel_miles"),
        ({"travel_miles": None}, "travel_miles"),
        ({"years_experience": 71}, "years_experience"),
        ({"availability": 1 << 42}, "availability"),
        ({"work_wanted": "sometimes"}, "work_wanted"),
        ({"experience_kinds": ["astronaut"]}, "experience_kinds"),
        ({"visibility": "everyone"}, "visibility"),
    ],
)
def test_out_of_range_answers_are_refused_whoever_calls(new_profile, pa, changes, field):
    with pytest.raises(ProfileInputError) as refused:
        profile_update(profile=new_profile, changes=changes, by=pa)

    assert refused.value.field == field


def test_an_unknown_answer_name_is_a_programming_error(new_profile, pa):
    with pytest.raises(ValueError, match="Not a profile answer"):
        profile_update(profile=new_profile, changes={"level": 4}, by=pa)
