"""Account services: roles, API keys and invitations, called directly."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.accounts import services
from pahub.accounts.models import (
    ApiKey,
    Membership,
    Representation,
    Role,
    StaffInvitation,
    User,
    UserRole,
)
from pahub.core.models import AuditEvent
from tests.factories import OrganisationFactory, UserFactory


def test_setting_the_same_roles_twice_changes_nothing_the_second_time(pa):
    services.user_set_roles(user=pa, roles=["pa", "employer"], by=pa)
    events_after_first = AuditEvent.objects.count()

    services.user_set_roles(user=pa, roles=["employer", "pa"], by=pa)

    assert AuditEvent.objects.count() == events_after_first
    assert UserRole.objects.filter(user=pa).count() == 2
    assert pa.role_set == {Role.PA, Role.EMPLOYER}


def test_roles_are_read_afresh_after_they_change(pa):
    assert pa.role_set == {Role.PA}

    services.user_set_roles(user=pa, roles=["employer"], by=pa)

    assert pa.role_set == {Role.EMPLOYER}


def test_roles_and_whether_staff_are_read_together_in_one_query(
    pa, verifier, django_assert_num_queries
):
    fresh_pa, fresh_verifier = User.objects.get(pk=pa.pk), User.objects.get(pk=verifier.pk)
    verifiers_roles = set(UserRole.objects.filter(user=verifier).values_list("role", flat=True))

    with django_assert_num_queries(2):
        assert fresh_pa.role_set == {Role.PA}
        assert fresh_pa.has_memberships is False
        assert fresh_verifier.has_memberships is True
        assert fresh_verifier.role_set == verifiers_roles
        assert fresh_pa.has_role(Role.PA) and not fresh_pa.has_role(Role.EMPLOYER)


def test_joining_an_organisation_is_seen_once_memberships_are_forgotten(pa, organisation):
    assert pa.has_memberships is False
    Membership.objects.create(user=pa, organisation=organisation)
    Membership.objects.create(user=pa, organisation=OrganisationFactory())

    pa.forget_memberships()

    assert pa.has_memberships is True
    assert pa.role_set == {Role.PA}


def test_unknown_role_is_refused_and_nothing_is_saved(pa):
    with pytest.raises(ValueError):
        services.user_set_roles(user=pa, roles=["pa", "superhero"], by=pa)

    assert pa.role_set == {Role.PA}


def test_role_changes_made_by_staff_name_the_staff_member(verifier, pa):
    services.user_set_roles(user=pa, roles=["pa", "representative"], by=verifier)

    event = AuditEvent.objects.get(action="role.granted")
    assert (event.actor, event.target_id) == (verifier, str(pa.pk))


@pytest.fixture
def key_and_secret(organisation, org_admin) -> tuple[ApiKey, str]:
    return services.api_key_create(organisation=organisation, name="Case system", by=org_admin)


def test_right_key_authenticates_and_records_when_it_was_used(key_and_secret):
    api_key, raw = key_and_secret
    assert api_key.last_used_at is None

    found = services.api_key_authenticate(raw)

    assert found == api_key
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None
    assert timezone.now() - api_key.last_used_at < timedelta(minutes=1)


def test_key_with_the_right_prefix_but_wrong_secret_is_compared_in_constant_time(
    key_and_secret, monkeypatch
):
    api_key, _ = key_and_secret
    comparisons = []
    real_compare = services.secrets.compare_digest

    def spy(a, b):
        comparisons.append((a, b))
        return real_compare(a, b)

    monkeypatch.setattr(services.secrets, "compare_digest", spy)
    forged = f"pahub_{api_key.prefix}_{'x' * 43}"

    assert services.api_key_authenticate(forged) is None
    assert len(comparisons) == 1
    api_key.refresh_from_db()
    assert api_key.last_used_at is None


@pytest.mark.parametrize(
    "raw", ["", "pahub", "pahub_", "bearer_abc_def", "not-a-key", "pahub_nosuchpr_secret"]
)
def test_malformed_or_unknown_keys_authenticate_nothing(key_and_secret, raw):
    assert services.api_key_authenticate(raw) is None


def test_malformed_key_is_refused_without_touching_the_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert services.api_key_authenticate("Basic dXNlcjpwYXNz") is None


def test_revoked_key_no_longer_authenticates(key_and_secret, org_admin):
    api_key, raw = key_and_secret

    services.api_key_revoke(api_key=api_key, by=org_admin)

    assert services.api_key_authenticate(raw) is None


def test_raw_key_is_never_stored(key_and_secret):
    api_key, raw = key_and_secret

    stored = ApiKey.objects.filter(pk=api_key.pk).values().get()

    assert raw not in [str(value) for value in stored.values()]
    assert raw.startswith(f"pahub_{api_key.prefix}_")


def test_invitation_lasts_fourteen_days_and_is_stored_in_lower_case(organisation, org_admin):
    invitation = services.staff_invitation_create(
        organisation=organisation, email="New.Staff@Example.org", role="member", by=org_admin
    )

    assert invitation.email == "new.staff@example.org"
    assert (
        timedelta(days=13, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=14)
    )


def test_accepting_an_invitation_matches_the_email_whatever_its_case(organisation, org_admin, db):

    invitation = StaffInvitation.objects.create(
        organisation=organisation,
        email="new.staff@example.org",
        invited_by=org_admin,
        expires_at=timezone.now() + timedelta(days=1),
    )
    invited = UserFactory(email="new.staff@example.org")

    membership = services.staff_invitation_accept(invitation=invitation, user=invited)

    assert (membership.user, membership.organisation, membership.role) == (
        invited,
        organisation,
        "member",
    )


def test_staff_granting_without_a_note_is_refused(verifier, employer, pa):

    waiting = Representation.objects.create(
        employer=employer, representative=pa, relationship="son"
    )

    with pytest.raises(services.AccountError, match=r"Say how the employer gave their agreement\."):
        services.representation_grant(representation=waiting, by=verifier, note="   ")

    waiting.refresh_from_db()
    assert waiting.status == Representation.Status.REQUESTED


def test_deleting_a_user_keeps_the_audit_trail_they_left(pa):
    services.user_update_details(
        user=pa, by=pa, full_name="Jordan Reed", known_as="Jo", phone="", postcode="NE3 1AA"
    )

    pa_id = pa.pk

    services.user_delete(user=pa, by=pa)

    labels = set(AuditEvent.objects.values_list("actor_label", flat=True))
    assert "pa@example.org" in labels
    assert not AuditEvent.objects.filter(actor_id=pa_id).exists()
