"""Reading and writing a PA's equality monitoring answers, each read and write audited.

The answers are special-category data (UK GDPR Article 9): the audit log records that they
were read, saved, declined or deleted, and by whom, never what they are.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from pahub.core import audit
from pahub.core.forms import FieldInputError
from pahub.register.equality.models import (
    PREFER_NOT_TO_SAY,
    AgeBand,
    Disability,
    EqualityMonitoring,
    EthnicGroup,
    Ethnicity,
    Sex,
    ethnic_group_of,
)
from pahub.register.models import PAProfile


@dataclass(frozen=True)
class Answers:
    age_band: str
    sex: str
    ethnic_group: str
    # Blank until the PA has chosen their background within the group.
    ethnicity: str
    disability: str


def check_answers(answers: Answers) -> None:
    """Each answer one of its question's choices, and the background within the group."""
    for field, choices, message in (
        ("age_band", AgeBand, "Select your age group, or prefer not to say"),
        ("sex", Sex, "Select your sex, or prefer not to say"),
        ("ethnic_group", EthnicGroup, "Select your ethnic group, or prefer not to say"),
        ("disability", Disability, "Select yes if you consider yourself disabled"),
    ):
        if getattr(answers, field) not in choices.values:
            raise FieldInputError(field, message)
    if answers.ethnicity and (
        answers.ethnicity not in Ethnicity.values
        or answers.ethnic_group == PREFER_NOT_TO_SAY
        or (
            answers.ethnicity != PREFER_NOT_TO_SAY
            and ethnic_group_of(answers.ethnicity) != answers.ethnic_group
        )
    ):
        raise FieldInputError("ethnicity", "Select your background from the list")


def answers_for_owner(profile: PAProfile) -> EqualityMonitoring | None:
    """The PA's own answers, for their pages and their download; the read is audited."""
    if profile.pk is None:
        return None
    monitoring = EqualityMonitoring.objects.filter(profile=profile).first()
    if monitoring is not None:
        audit.record(profile.user, "equality.read", monitoring)
    return monitoring


@transaction.atomic
def equality_save_answers(*, profile: PAProfile, answers: Answers, by) -> EqualityMonitoring:
    check_answers(answers)
    monitoring, created = EqualityMonitoring.objects.select_for_update().get_or_create(
        profile=profile
    )
    # A changed group makes the old background wrong; keep it only within the same group.
    ethnicity = answers.ethnicity
    if not ethnicity and monitoring.ethnic_group == answers.ethnic_group:
        ethnicity = monitoring.ethnicity
    monitoring.age_band = answers.age_band
    monitoring.sex = answers.sex
    monitoring.ethnic_group = answers.ethnic_group
    monitoring.ethnicity = ethnicity
    monitoring.disability = answers.disability
    monitoring.answered_at = monitoring.answered_at or timezone.now()
    monitoring.declined_at = None
    monitoring.save()
    audit.record(by, "equality.answered" if created else "equality.changed", monitoring)
    return monitoring


@transaction.atomic
def equality_save_ethnicity(*, profile: PAProfile, ethnicity: str, by) -> EqualityMonitoring:
    """The second question: the background within the group answered on the first page."""
    monitoring = EqualityMonitoring.objects.select_for_update().get(profile=profile)
    check_answers(
        Answers(
            age_band=monitoring.age_band,
            sex=monitoring.sex,
            ethnic_group=monitoring.ethnic_group,
            ethnicity=ethnicity,
            disability=monitoring.disability,
        )
    )
    if not ethnicity:
        raise FieldInputError("ethnicity", "Select your background, or prefer not to say")
    monitoring.ethnicity = ethnicity
    monitoring.save(update_fields=["ethnicity", "updated_at"])
    audit.record(by, "equality.changed", monitoring)
    return monitoring


@transaction.atomic
def equality_decline(*, profile: PAProfile, by) -> EqualityMonitoring:
    """ "I do not want to answer": any answers given before are removed, and we stop asking."""
    monitoring, _ = EqualityMonitoring.objects.select_for_update().get_or_create(profile=profile)
    for field in ("age_band", "sex", "ethnic_group", "ethnicity", "disability"):
        setattr(monitoring, field, "")
    monitoring.answered_at = None
    monitoring.declined_at = timezone.now()
    monitoring.save()
    audit.record(by, "equality.declined", monitoring)
    return monitoring


@transaction.atomic
def equality_delete(*, profile: PAProfile, by) -> bool:
    """Remove the answers (or the refusal) altogether: the PA is "not asked" again."""
    monitoring = EqualityMonitoring.objects.filter(profile=profile).first()
    if monitoring is None:
        return False
    audit.record(by, "equality.deleted", monitoring)
    monitoring.delete()
    return True
