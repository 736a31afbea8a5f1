"""The demo's PA profiles are made by the services a PA uses, so what the demo shows agrees
with itself: every builder section of a full profile counts as done, and a verified DBS
certificate names the demo organisation whose verifier checked it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from pahub.jobs.demo import DEMO_PROFILES
from pahub.register.models import Evidence, PAProfile
from pahub.register.profile.steps import BUILDER_STEPS
from pahub.setup.demo import COUNCIL, DEMO_EMAIL_DOMAIN, SUPPORT_AGENCY

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo_data", verbosity=0)


def demo_profile(mailbox: str) -> PAProfile:
    return PAProfile.objects.get(user__email=f"{mailbox}@{DEMO_EMAIL_DOMAIN}")


@pytest.mark.parametrize("mailbox", [spec.mailbox for spec in DEMO_PROFILES])
def test_each_demo_pa_has_completed_every_section_of_their_full_profile(demo, client, mailbox):
    profile = demo_profile(mailbox)
    client.force_login(profile.user)

    content = client.get(reverse("register:profile")).content.decode()

    assert set(profile.completed_steps) == {step.name for step in BUILDER_STEPS}
    assert f"You have completed {len(BUILDER_STEPS)} of {len(BUILDER_STEPS)} sections" in content
    assert profile.about_me and profile.availability and profile.skills.exists()


def test_a_demo_dbs_is_verified_by_the_organisation_covering_the_pa(demo):
    organisations = {
        profile.user.email.split("@")[0]: item.verified_by_organisation.name
        for item in Evidence.objects.filter(
            kind=Evidence.Kind.DBS, status=Evidence.Status.VERIFIED
        ).select_related("verified_by_organisation", "profile__user")
        for profile in [item.profile]
    }

    # Jordan lives in Newcastle (the council's area); Tomasz in Gateshead (the agency's).
    assert organisations == {"pa.jordan": COUNCIL, "pa.tomasz": SUPPORT_AGENCY}
    assert all(
        item.verified_by is not None and item.verifications.count() == 1
        for item in Evidence.objects.filter(kind=Evidence.Kind.DBS)
    )


def test_the_badge_names_the_verifying_organisation(demo, client):
    profile = demo_profile("pa.jordan")
    client.force_login(profile.user)

    content = client.get(reverse("register:profile_preview")).content.decode()

    assert COUNCIL in content
    assert "a verifying organisation" not in content
