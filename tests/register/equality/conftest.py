"""A PA with equality monitoring answers, and the labels that must never reach employers."""

import pytest
from django.utils import timezone

from pahub.register.equality.models import EqualityMonitoring
from pahub.register.models import PAProfile

ANSWERS = {
    "age_band": "16_24",
    "sex": "male",
    "ethnic_group": "black",
    "ethnicity": "black_caribbean",
    "disability": "yes",
}
# What a page would show if it leaked the answers above.
ANSWER_LABELS = ("16 to 24", "Black, Black British", "Caribbean", "Equality monitoring")


@pytest.fixture
def answered(pa_profile: PAProfile) -> EqualityMonitoring:
    return EqualityMonitoring.objects.create(
        profile=pa_profile, answered_at=timezone.now(), **ANSWERS
    )
