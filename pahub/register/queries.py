"""Reading the register: the facts a level is computed from, and the current code."""

from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone

from pahub.register.levels import LevelFacts, dbs_valid_until
from pahub.register.models import (
    CodeOfConductVersion,
    DbsRule,
    Evidence,
    InductionCompletion,
    PAProfile,
)
from pahub.taxonomy.dbs import dbs_rank

DEFAULT_DBS_MAX_AGE_MONTHS = 36
# The questions a profile must answer before it counts as complete (Entry level).
REQUIRED_PROFILE_STEPS = ("about", "skills", "availability", "location")


def pa_name(pa) -> str:
    """What others call a PA: the name on their PA profile, else the account's (which is
    "a former PA Hub user" once they have deleted their account). Pages, the API and emails
    all use this; a caller that selected `pa_profile` costs no query."""
    try:
        return pa.pa_profile.shown_name
    except ObjectDoesNotExist:
        return pa.display_name


def current_code_version() -> CodeOfConductVersion | None:
    return (
        CodeOfConductVersion.objects.filter(published_at__isnull=False).order_by("-number").first()
    )


def has_signed_current_code(user) -> bool:
    version = current_code_version()
    return version is not None and version.signatures.filter(user=user).exists()


def induction_complete(user) -> bool:
    """Has this person completed the induction course?

    The one place this is answered, from `InductionCompletion`: staff record an induction
    done elsewhere (`verification.services.induction_record`), and the learning zone records
    the Induction course completed on PA Hub when it issues the certificate
    (`verification.services.induction_record_from_course`).
    """
    return InductionCompletion.objects.filter(user=user).exists()


def own_profile_or_blank(user) -> PAProfile:
    """The PA's profile, or an unsaved blank one for a PA who has not saved anything yet:
    pages read this, so no GET makes a row (`services.profile_get_or_create` does, on the
    first save). Reads below treat an unsaved profile as having no skills or evidence."""
    profile = (
        PAProfile.objects.select_related("user__district", "user__local_authority")
        .filter(user=user)
        .first()
    )
    if profile is None:
        profile = PAProfile(
            user=user,
            display_name=user.known_as or user.full_name.split(" ")[0],
            district_id=user.district_id,
        )
    return profile


def profile_is_complete(profile: PAProfile) -> bool:
    return (
        bool(profile.about_me.strip())
        and profile.pk is not None
        and profile.skills.exists()
        and profile.availability != 0
        and profile.user.district_id is not None
    )


def dbs_max_age_months(profile: PAProfile) -> int:
    rule = DbsRule.objects.filter(local_authority_id=profile.user.local_authority_id).first()
    return rule.max_certificate_age_months if rule else DEFAULT_DBS_MAX_AGE_MONTHS


def dbs_expiry(evidence: Evidence, *, max_age_months: int) -> date | None:
    if evidence.dbs_issue_date is None:
        return None
    return dbs_valid_until(
        issue_date=evidence.dbs_issue_date,
        max_age_months=max_age_months,
        on_update_service=evidence.dbs_on_update_service,
        status_checked_on=evidence.status_checked_on,
        status_check_clear=(
            evidence.status_check_result == Evidence.StatusCheckResult.NO_NEW_INFORMATION
        ),
    )


def counts_today(evidence: Evidence, today: date) -> bool:
    """Verified and not past its expiry date."""
    return evidence.status == Evidence.Status.VERIFIED and (
        evidence.expires_on is None or evidence.expires_on >= today
    )


def verified_specialist_evidence(*, today: date) -> QuerySet[Evidence]:
    """Specialist-skill evidence that counts today (`counts_today`, as a query)."""
    return Evidence.objects.filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today),
        kind=Evidence.Kind.SPECIALIST,
        status=Evidence.Status.VERIFIED,
    )


def level_facts_for(profile: PAProfile, *, today: date | None = None) -> LevelFacts:
    today = today or timezone.localdate()
    evidence = (
        list(profile.evidence.exclude(status=Evidence.Status.WITHDRAWN)) if profile.pk else []
    )
    counting = [item for item in evidence if counts_today(item, today)]

    def counting_of(kind: str) -> list[Evidence]:
        return [item for item in counting if item.kind == kind]

    identity_declared = any(
        item.kind == Evidence.Kind.IDENTITY and item.status != Evidence.Status.REJECTED
        for item in evidence
    )
    return LevelFacts(
        profile_complete=profile_is_complete(profile),
        identity_declared=identity_declared,
        current_code_signed=has_signed_current_code(profile.user),
        dbs_current=bool(counting_of(Evidence.Kind.DBS)),
        induction_complete=induction_complete(profile.user),
        offers_driving=profile.offers_driving,
        driving_licence_verified=bool(counting_of(Evidence.Kind.DRIVING_LICENCE)),
        qualifications_verified=len(counting_of(Evidence.Kind.QUALIFICATION)),
        references_verified=len(counting_of(Evidence.Kind.REFERENCE)),
        specialist_skills_verified=len(counting_of(Evidence.Kind.SPECIALIST)),
    )


def current_dbs_rank(profile: PAProfile, *, today: date | None = None) -> int:
    """The highest verified, current DBS check type as its rank on the ladder; 0 if none."""
    today = today or timezone.localdate()
    if profile.pk is None:
        return 0
    checks = profile.evidence.filter(kind=Evidence.Kind.DBS, status=Evidence.Status.VERIFIED)
    return max(
        (dbs_rank(item.dbs_type) for item in checks if counts_today(item, today)),
        default=0,
    )


def badge_items(profile: PAProfile, *, today: date | None = None) -> list[Evidence]:
    """What was verified, by which organisation, and when: the badge on a profile."""
    today = today or timezone.localdate()
    if profile.pk is None:
        return []
    verified = profile.evidence.filter(status=Evidence.Status.VERIFIED).select_related(
        "verified_by_organisation", "skill"
    )
    return [item for item in verified if counts_today(item, today)]
