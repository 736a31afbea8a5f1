"""The seed gives a realistic mix of answers, refusals and PAs never asked; the demo PAs show
each case."""

from io import StringIO

import pytest
from django.core.management import call_command

from pahub.accounts.seeding import seed_users
from pahub.register.equality.models import EqualityMonitoring
from pahub.register.models import PAProfile
from pahub.setup.demo import DEMO_EMAIL_DOMAIN, demo_data_create

pytestmark = pytest.mark.django_db


def test_seeded_pas_answer_decline_or_are_never_asked():
    call_command("seed", "--pas", "200", "--employers", "0", "--seed", "11", stdout=StringIO())

    profiles = PAProfile.objects.filter(user__in=seed_users(11))
    answers = EqualityMonitoring.objects.filter(profile__in=profiles)
    answered = answers.filter(answered_at__isnull=False).count()
    declined = answers.filter(declined_at__isnull=False).count()
    assert profiles.count() == 200
    assert 60 <= answered <= 120
    assert 5 <= declined <= 40
    assert 60 <= 200 - answered - declined <= 120
    assert answers.filter(ethnic_group="white").count() < answered
    assert answers.filter(sex="male").exists()
    assert 10 <= profiles.filter(works_for_family=True).count() <= 50


def test_demo_pas_show_answered_declined_and_never_asked():
    demo_data_create()
    demo_data_create()  # a second run adds nothing

    def monitoring(mailbox: str) -> EqualityMonitoring | None:
        return EqualityMonitoring.objects.filter(
            profile__user__email=f"{mailbox}@{DEMO_EMAIL_DOMAIN}"
        ).first()

    assert monitoring("pa.jordan").ethnicity == "black_african"
    assert monitoring("pa.tomasz").ethnicity == "white_other"
    assert monitoring("pa.chloe").declined
    assert monitoring("pa.david") is None
    assert PAProfile.objects.get(user__email=f"pa.david@{DEMO_EMAIL_DOMAIN}").works_for_family
    assert EqualityMonitoring.objects.count() == 3
