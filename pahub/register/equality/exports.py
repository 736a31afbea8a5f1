"""The PA's equality monitoring answers, for their "download your data" file."""

from typing import Any

from pahub.core import audit
from pahub.register.equality.models import EqualityMonitoring


def export_equality_answers(user) -> dict[str, Any] | None:
    monitoring = EqualityMonitoring.objects.filter(profile__user=user).first()
    if monitoring is None:
        return None
    # A read of special-category data like any other: the PA downloading it is recorded.
    audit.record(user, "equality.exported", monitoring)
    return {
        "answered_at": monitoring.answered_at.isoformat() if monitoring.answered_at else None,
        "declined_at": monitoring.declined_at.isoformat() if monitoring.declined_at else None,
        "age": monitoring.get_age_band_display() or None,
        "sex": monitoring.get_sex_display() or None,
        "ethnic_group": monitoring.get_ethnic_group_display() or None,
        "ethnic_background": monitoring.get_ethnicity_display() or None,
        "disability": monitoring.get_disability_display() or None,
    }


def delete_equality_answers(user) -> None:
    # The profile's deletion would cascade to them; said here so the register of personal
    # data does not depend on that.
    EqualityMonitoring.objects.filter(profile__user=user).delete()
