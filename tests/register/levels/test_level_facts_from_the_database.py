"""Levels computed from the database: `queries.level_facts_for` and
`services.profile_recompute_level`, including lapse on expiry and on a new code version."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.register.levels import add_months
from pahub.register.models import (
    CodeOfConductVersion,
    CodeSignature,
    DbsRule,
    Evidence,
    InductionCompletion,
)
from pahub.register.queries import dbs_expiry, dbs_max_age_months, level_facts_for
from pahub.register.services import profile_recompute_level
from tests.register.verification.fixtures import (
    add_evidence,
    make_entry_level,
    make_level_two,
    today,
    verified,
)


def recompute(profile) -> int:
    return profile_recompute_level(profile=profile)


@pytest.fixture
def level_three(pa_profile, code_version, organisation):
    make_level_two(pa_profile, code_version, organisation)
    verified(pa_profile, Evidence.Kind.QUALIFICATION, organisation, title="Care Certificate")
    verified(pa_profile, Evidence.Kind.REFERENCE, organisation)
    verified(pa_profile, Evidence.Kind.REFERENCE, organisation)
    return pa_profile


def test_a_new_profile_has_no_level(pa_profile):
    assert recompute(pa_profile) == 0


def test_an_incomplete_profile_stays_below_entry(pa_profile, code_version):
    make_entry_level(pa_profile, code_version)
    pa_profile.about_me = "   "
    pa_profile.save()

    assert level_facts_for(pa_profile).profile_complete is False
    assert recompute(pa_profile) == 0


def test_declared_identity_and_signed_code_reach_entry(pa_profile, code_version):
    make_entry_level(pa_profile, code_version)

    assert recompute(pa_profile) == 1


def test_a_rejected_identity_is_not_declared(pa_profile, code_version):
    make_entry_level(pa_profile, code_version)
    pa_profile.evidence.update(status=Evidence.Status.REJECTED)

    assert recompute(pa_profile) == 0


def test_a_withdrawn_identity_is_not_declared(pa_profile, code_version):
    make_entry_level(pa_profile, code_version)
    pa_profile.evidence.update(status=Evidence.Status.WITHDRAWN)

    assert recompute(pa_profile) == 0


def test_dbs_and_induction_reach_level_2(pa_profile, code_version):
    make_level_two(pa_profile, code_version)

    assert recompute(pa_profile) == 2


def test_a_dbs_waiting_to_be_checked_does_not_count(pa_profile, code_version):
    make_entry_level(pa_profile, code_version)
    add_evidence(pa_profile, Evidence.Kind.DBS)
    InductionCompletion.objects.create(user=pa_profile.user, completed_on=today())

    assert recompute(pa_profile) == 1


def test_offering_driving_needs_a_checked_licence_for_level_2(pa_profile, code_version):
    make_level_two(pa_profile, code_version)
    pa_profile.offers_driving = True
    pa_profile.save()

    assert recompute(pa_profile) == 1
    verified(pa_profile, Evidence.Kind.DRIVING_LICENCE)
    assert recompute(pa_profile) == 2


def test_a_qualification_and_two_references_reach_level_3(level_three):
    assert recompute(level_three) == 3


def test_specialist_evidence_reaches_level_4(level_three, specialist_skill):
    verified(level_three, Evidence.Kind.SPECIALIST, skill=specialist_skill)

    assert recompute(level_three) == 4


def test_an_expired_dbs_stops_counting_and_the_level_lapses(level_three):
    assert recompute(level_three) == 3

    level_three.evidence.filter(kind=Evidence.Kind.DBS).update(
        expires_on=today() - timedelta(days=1)
    )

    assert level_facts_for(level_three).dbs_current is False
    assert recompute(level_three) == 1


def test_evidence_counts_on_its_last_day(level_three):
    level_three.evidence.filter(kind=Evidence.Kind.DBS).update(expires_on=today())

    assert recompute(level_three) == 3


def test_an_expired_qualification_drops_level_3_to_level_2(level_three):
    level_three.evidence.filter(kind=Evidence.Kind.QUALIFICATION).update(
        expires_on=today() - timedelta(days=1)
    )

    assert recompute(level_three) == 2


def test_a_new_code_version_lapses_the_level_until_it_is_signed(level_three):
    assert recompute(level_three) == 3

    version_2 = CodeOfConductVersion.objects.create(
        number=2, body="## Respect\n\nStill respect.", published_at=timezone.now()
    )
    assert recompute(level_three) == 0

    CodeSignature.objects.create(user=level_three.user, version=version_2)
    assert recompute(level_three) == 3


def test_an_unpublished_new_version_changes_nothing(level_three):
    CodeOfConductVersion.objects.create(number=2, body="## Draft", published_at=None)

    assert recompute(level_three) == 3


def test_a_level_change_is_audited_with_old_and_new(level_three):
    recompute(level_three)

    event = AuditEvent.objects.get(action="profile.level_changed")
    assert event.detail == {"old": "Not yet on a level", "new": "Level 3"}
    recompute(level_three)
    assert AuditEvent.objects.filter(action="profile.level_changed").count() == 1


def test_the_dbs_expiry_follows_the_local_authoritys_rule(pa_profile):
    evidence = add_evidence(pa_profile, Evidence.Kind.DBS)
    assert dbs_max_age_months(pa_profile) == 36

    DbsRule.objects.create(
        local_authority=pa_profile.user.local_authority, max_certificate_age_months=12
    )

    issued = evidence.dbs_issue_date
    assert dbs_max_age_months(pa_profile) == 12
    expected = add_months(issued, 12)
    assert dbs_expiry(evidence, max_age_months=12) == expected
