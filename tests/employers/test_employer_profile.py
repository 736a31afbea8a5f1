"""The employer profile: set up with a name and home postcode, then what matters,
interests and access needs, one question a page. Only the district is ever shown to PAs;
access needs are for staff, and for PAs only with the employer's say-so."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.employers.models import EmployerProfile
from pahub.employers.services import (
    EmployerInputError,
    access_needs_shown_to,
    employer_profile_create,
    employer_profile_update,
)
from pahub.taxonomy.models import Interest


def profile_url(employer) -> str:
    return reverse("employer:profile", args=[employer.pk])


def step_url(employer, step: str) -> str:
    return reverse("employer:profile_step", args=[employer.pk, step])


def test_setting_up_a_profile_places_the_employer_by_postcode(client_for, employer):
    client = client_for(employer)

    response = client.post(
        profile_url(employer), {"display_name": "Amira", "postcode": "ne2 1aa", "then": "continue"}
    )

    assert response.url == step_url(employer, "what_matters")
    profile = EmployerProfile.objects.get(user=employer)
    assert (profile.display_name, profile.postcode, profile.district_id) == (
        "Amira",
        "NE2 1AA",
        "NE2",
    )
    assert profile.local_authority.name == "Newcastle upon Tyne"
    assert profile.created_by == employer
    assert AuditEvent.objects.filter(action="employer_profile.created", actor=employer).exists()


def test_the_remaining_questions_follow_one_a_page_and_are_kept(client_for, employer):
    client = client_for(employer)
    client.post(profile_url(employer), {"display_name": "Amira", "postcode": "NE1 4ST"})
    gardening = Interest.objects.get(name="Gardening").pk

    steps = [
        ("what_matters", {"what_matters": "Someone calm who likes dogs."}, "interests"),
        (
            "interests",
            {"interests": [gardening], "other_interests": "jazz, birdwatching, Jazz"},
            "access",
        ),
        (
            "access",
            {
                "access_needs": ["bsl", "large_print"],
                "access_needs_other": "Text before calling",
                "share_access_needs_with_pas": "yes",
            },
            None,
        ),
    ]
    for step, data, following in steps:
        response = client.post(step_url(employer, step), {**data, "then": "continue"})
        expected = step_url(employer, following) if following else profile_url(employer)
        assert response.url == expected, (
            step,
            response.context and response.context["form"].errors,
        )

    profile = EmployerProfile.objects.get(user=employer)
    assert profile.what_matters == "Someone calm who likes dogs."
    assert list(profile.interests.values_list("name", flat=True)) == ["Gardening"]
    assert profile.other_interests == ["jazz", "birdwatching"]
    assert profile.access_needs == ["large_print", "bsl"]
    assert profile.share_access_needs_with_pas is True
    overview = client.get(profile_url(employer)).content.decode()
    assert "Gardening, jazz, birdwatching" in overview
    assert "British Sign Language" in overview
    assert "Text before calling" in overview
    again = client.get(step_url(employer, "access")).content.decode()
    assert 'value="bsl" checked' in again
    assert 'value="yes" checked' in again


def test_the_audit_log_names_the_answers_changed_but_not_the_access_needs(employer_profile):
    employer_profile_update(
        profile=employer_profile,
        changes={"access_needs": ["bsl"], "access_needs_other": "Deafblind"},
        by=employer_profile.user,
    )

    event = AuditEvent.objects.get(action="employer_profile.updated")
    assert event.detail == {"fields": ["access_needs", "access_needs_other"]}
    assert "bsl" not in str(event.detail.values()).replace("access_needs", "")
    assert "Deafblind" not in str(event.detail)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("banana", "Enter a full UK postcode, like NE1 4ST"),
        ("XX1 1AA", "We do not recognise the postcode district XX1"),
        ("", "Enter a postcode"),
    ],
)
def test_a_nonsense_postcode_is_refused_with_what_was_typed_kept(
    client_for, employer, typed, message
):
    response = client_for(employer).post(
        profile_url(employer), {"display_name": "Amira K", "postcode": typed}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert content.count(message) >= 2
    assert 'value="Amira K"' in content
    if typed:
        assert f'value="{typed}"' in content
    assert not EmployerProfile.objects.exists()


def test_changing_the_postcode_moves_the_district_and_keeps_the_old_one_on_error(
    client_for, employer, employer_profile
):
    client = client_for(employer)

    bad = client.post(step_url(employer, "postcode"), {"postcode": "NE1 1ZZZ"})
    good = client.post(step_url(employer, "postcode"), {"postcode": "DH1 3LE", "then": "later"})

    assert "Enter a full UK postcode, like NE1 4ST" in bad.content.decode()
    assert good.url == profile_url(employer)
    profile = EmployerProfile.objects.get(pk=employer_profile.pk)
    assert (profile.postcode, profile.district_id, profile.local_authority.name) == (
        "DH1 3LE",
        "DH1",
        "County Durham",
    )


def test_an_empty_name_is_refused(client_for, employer, employer_profile):
    response = client_for(employer).post(step_url(employer, "name"), {"display_name": "  "})

    assert "Enter the name PAs should see" in response.content.decode()
    assert EmployerProfile.objects.get(pk=employer_profile.pk).display_name == "Amira"


def test_too_many_other_interests_are_refused(client_for, employer, employer_profile):
    many = ", ".join(f"hobby {number}" for number in range(11))

    response = client_for(employer).post(step_url(employer, "interests"), {"other_interests": many})

    assert "Enter up to 10 other interests; you entered 11" in response.content.decode()


def test_the_services_refuse_bad_answers_and_save_nothing(employer):
    with pytest.raises(EmployerInputError) as refused:
        employer_profile_create(employer=employer, by=employer, display_name="A", postcode="NE1")
    assert refused.value.field == "postcode"
    assert not EmployerProfile.objects.exists()

    profile = employer_profile_create(
        employer=employer, by=employer, display_name="A", postcode="NE1 4ST"
    )
    with pytest.raises(EmployerInputError):
        employer_profile_update(
            profile=profile, changes={"access_needs": ["telepathy"]}, by=employer
        )
    with pytest.raises(EmployerInputError):
        employer_profile_create(
            employer=employer, by=employer, display_name="B", postcode="NE1 4ST"
        )


def test_a_question_page_before_the_profile_exists_goes_to_the_start(client_for, employer):
    response = client_for(employer).get(step_url(employer, "interests"))

    assert response.url == profile_url(employer)


def test_an_unknown_question_is_not_found(client_for, employer, employer_profile):
    assert client_for(employer).get(step_url(employer, "age")).status_code == 404


def test_the_profile_page_says_pas_see_only_the_district(client_for, employer, employer_profile):
    content = client_for(employer).get(profile_url(employer)).content.decode()

    assert "PAs see only NE1, Newcastle upon Tyne." in content
    assert "Only staff at the local support organisation can see this, not PAs." in content


def test_my_profile_goes_to_the_employers_own_profile(client_for, employer, representative):
    assert client_for(employer).get(reverse("employer:my_profile")).url == profile_url(employer)
    assert client_for(representative).get(reverse("employer:my_profile")).url == reverse(
        "employer:home"
    )


def test_staff_with_consent_set_up_a_profile_for_the_employer(client_for, helping_staff, employer):
    response = client_for(helping_staff).post(
        profile_url(employer), {"display_name": "Amira", "postcode": "NE1 4ST", "then": "later"}
    )

    assert response.url == profile_url(employer)
    profile = EmployerProfile.objects.get(user=employer)
    assert profile.created_by == helping_staff
    assert AuditEvent.objects.get(action="employer_profile.created").actor == helping_staff


# Who sees the access needs


@pytest.fixture
def profile_with_needs(employer_profile):
    return employer_profile_update(
        profile=employer_profile, changes={"access_needs": ["phone"]}, by=employer_profile.user
    )


def test_access_needs_are_shown_to_the_employer_side_and_staff_in_the_area(
    profile_with_needs, employer, representative, verifier, staff_without_consent
):
    for person in (employer, representative, verifier, staff_without_consent):
        assert access_needs_shown_to(person, profile_with_needs) == [
            "Contact by phone rather than in writing"
        ]


def test_access_needs_are_hidden_from_pas_and_other_areas_unless_shared(
    profile_with_needs, pa, staff_elsewhere
):
    assert access_needs_shown_to(pa, profile_with_needs) == []
    assert access_needs_shown_to(staff_elsewhere, profile_with_needs) == []

    profile_with_needs.share_access_needs_with_pas = True
    assert access_needs_shown_to(pa, profile_with_needs) == [
        "Contact by phone rather than in writing"
    ]
