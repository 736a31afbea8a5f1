"""The one acting-for rule, `pahub.employers.permissions`: the employer themself, an active
representative, or staff whose organisation serves the employer's area, holds the
employer's recorded consent, and only while the staff member has two-factor set up."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from pahub.accounts.models import Membership, Representation, Role, User
from pahub.accounts.permissions import is_organisation_staff
from pahub.employers.permissions import (
    EmployerSide,
    access_employer_for_actor,
    can_act_for_employer,
    employer_ids_user_can_act_for,
    employer_side_role,
    employers_user_can_act_for,
    helping_organisation,
)
from tests.factories import (
    TOTP_SECRET,
    UserFactory,
    give_employer_consent,
    grant_representation,
    make_staff,
)


@pytest.fixture
def staff_without_two_factor(organisation, employer, employer_profile) -> User:
    """Nell, of Amira's consenting Newcastle organisation, who never set up two-factor."""
    staff = make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        two_factor=False,
        email="nell.no2fa@example.org",
        full_name="Nell Newcomer",
    )
    give_employer_consent(employer=employer, organisation=organisation, how_given="Phone")
    return staff


# Staff without two-factor: consent and area are not enough


def test_staff_without_two_factor_are_refused_by_the_access_helper(
    staff_without_two_factor, employer
):
    with pytest.raises(PermissionDenied):
        access_employer_for_actor(staff_without_two_factor, employer.pk)


def test_staff_without_two_factor_have_no_employer_side_role(staff_without_two_factor, employer):
    assert employer_side_role(staff_without_two_factor, employer) is None
    assert not can_act_for_employer(staff_without_two_factor, employer)
    assert helping_organisation(staff_without_two_factor, employer) is None


def test_staff_without_two_factor_act_for_nobody_in_lists(staff_without_two_factor):
    assert list(employers_user_can_act_for(staff_without_two_factor)) == []


def test_the_same_staff_act_once_two_factor_is_set_up(
    staff_without_two_factor, employer, organisation
):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.factories import TOTP_SECRET

    TOTP.activate(staff_without_two_factor, TOTP_SECRET)

    assert access_employer_for_actor(staff_without_two_factor, employer.pk) == employer
    assert employer_side_role(staff_without_two_factor, employer) == EmployerSide.STAFF
    assert helping_organisation(staff_without_two_factor, employer) == organisation
    assert list(employers_user_can_act_for(staff_without_two_factor)) == [employer]


def test_staff_who_join_an_organisation_later_in_the_request_are_asked_again(
    employer, organisation
):
    nell = UserFactory(email="nell.later@example.org", full_name="Nell Later")
    assert list(employers_user_can_act_for(nell)) == []

    Membership.objects.create(user=nell, organisation=organisation)
    TOTP.activate(nell, TOTP_SECRET)
    give_employer_consent(employer=employer, organisation=organisation, how_given="Phone")

    assert list(employers_user_can_act_for(nell)) == [employer]


def test_someone_who_is_not_staff_is_not_asked_about_two_factor(employer, representative):
    for person in (employer, representative):
        is_organisation_staff(person)  # asked once a request already, by the middleware
        with CaptureQueriesContext(connection) as queries:
            list(employers_user_can_act_for(person))
        assert len(queries) == 1
        assert "mfa_authenticator" not in queries[0]["sql"]


# Who else may act, and who may not


def test_the_employer_and_an_active_representative_may_act(employer, representative):
    assert access_employer_for_actor(employer, employer.pk) == employer
    assert access_employer_for_actor(representative, employer.pk) == employer
    assert employer_side_role(employer, employer) == EmployerSide.EMPLOYER
    assert employer_side_role(representative, employer) == EmployerSide.REPRESENTATIVE


def test_helping_staff_with_two_factor_may_act(helping_staff, employer):
    assert access_employer_for_actor(helping_staff, employer.pk) == employer
    assert employer_side_role(helping_staff, employer) == EmployerSide.STAFF


@pytest.mark.parametrize(
    "person", ["staff_without_consent", "staff_elsewhere", "unlinked_representative", "pa"]
)
def test_anyone_else_gets_404(request, person, employer, employer_profile):
    with pytest.raises(Http404):
        access_employer_for_actor(request.getfixturevalue(person), employer.pk)


def test_a_pa_is_not_an_employer_so_cannot_act_even_for_themself(pa):
    with pytest.raises(Http404):
        access_employer_for_actor(pa, pa.pk)


def test_an_employer_who_left_cannot_be_acted_for(employer, representative):
    employer.is_active = False
    employer.save(update_fields=["is_active"])

    with pytest.raises(Http404):
        access_employer_for_actor(representative, employer.pk)


def test_anonymous_visitor_cannot_act_for_anyone(employer):
    with pytest.raises(Http404):
        access_employer_for_actor(AnonymousUser(), employer.pk)
    assert not can_act_for_employer(AnonymousUser(), employer)


@pytest.mark.parametrize(
    "status",
    [
        Representation.Status.REQUESTED,
        Representation.Status.DECLINED,
        Representation.Status.REVOKED,
    ],
)
def test_representative_cannot_act_unless_the_grant_is_active(employer, pa, status):
    Representation.objects.create(
        employer=employer, representative=pa, relationship="son", status=status
    )

    assert not can_act_for_employer(pa, employer)
    assert list(employers_user_can_act_for(pa)) == []


def test_representative_acts_for_exactly_the_employers_who_agreed(representative, employer, db):
    other_employer = UserFactory()
    Representation.objects.create(
        employer=other_employer, representative=representative, relationship="friend"
    )

    assert list(employers_user_can_act_for(representative)) == [employer]


# The ids the header's message count asks for: the same rule, its SQL built once


@pytest.mark.parametrize(
    "who",
    [
        "employer",
        "representative",
        "unlinked_representative",
        "pa",
        "helping_staff",
        "staff_without_two_factor",
        "staff_without_consent",
        "staff_elsewhere",
    ],
)
def test_employer_ids_are_exactly_the_employers_the_rule_lists(request, who):
    user = request.getfixturevalue(who)

    assert employer_ids_user_can_act_for(user) == {
        employer.pk for employer in employers_user_can_act_for(user)
    }


def test_employer_ids_for_someone_signed_out_are_none():
    assert employer_ids_user_can_act_for(AnonymousUser()) == set()


def test_employer_ids_follow_a_grant_ended_after_the_sql_was_built(representative, employer):
    assert employer_ids_user_can_act_for(representative) == {employer.pk}

    Representation.objects.filter(representative=representative).update(
        status=Representation.Status.REVOKED
    )

    assert employer_ids_user_can_act_for(representative) == set()


def test_employer_ids_for_an_employer_who_also_represents_someone(employer):
    mother = UserFactory(email="mother@example.org", full_name="Noor Khan", roles=[Role.EMPLOYER])
    grant_representation(employer=mother, representative=employer)

    assert employer_ids_user_can_act_for(employer) == {employer.pk, mother.pk}


def test_employer_ids_ask_one_query_for_an_employer(employer):
    employer_ids_user_can_act_for(employer)  # the SQL is built once per process
    with CaptureQueriesContext(connection) as queries:
        employer_ids_user_can_act_for(employer)

    assert len(queries) == 1
