"""A PA's register data, for their "download your data" file (UK GDPR right of access)."""

from typing import Any

from pahub.register.availability import keys_from_mask
from pahub.register.models import (
    CodeSignature,
    Evidence,
    InductionCompletion,
    PAProfile,
    ProfileClaim,
)


def iso(value) -> str | None:
    return value.isoformat() if value else None


def evidence_export(item: Evidence) -> dict[str, Any]:
    exported = {
        "kind": item.kind,
        "status": item.status,
        "added": iso(item.created_at),
        "title": item.title,
        "awarding_body": item.awarding_body,
        "achieved_on": iso(item.achieved_on),
        "verified_at": iso(item.verified_at),
        "verified_by_organisation": (
            item.verified_by_organisation.name if item.verified_by_organisation else None
        ),
        "outcome_reason": item.outcome_reason,
        "expires_on": iso(item.expires_on),
        "document_uploaded": bool(item.document),
    }
    if item.kind == Evidence.Kind.DBS:
        exported |= {
            "dbs_type": item.dbs_type,
            "dbs_certificate_number": item.dbs_certificate_number,
            "dbs_issue_date": iso(item.dbs_issue_date),
            "dbs_on_update_service": item.dbs_on_update_service,
            "status_checked_on": iso(item.status_checked_on),
            "status_check_result": item.status_check_result,
        }
    if item.kind == Evidence.Kind.REFERENCE and hasattr(item, "reference_request"):
        request = item.reference_request
        exported |= {
            "referee_name": request.referee_name,
            "referee_email": request.referee_email,
            "answered_at": iso(request.answered_at),
        }
    return exported


def claim_export(profile: PAProfile) -> dict[str, Any] | None:
    """Where an organisation imported the profile from its own register, and when the PA was
    invited and claimed it; None for a profile the PA made."""
    claim = ProfileClaim.objects.filter(profile=profile).select_related("organisation").first()
    if claim is None:
        return None
    return {
        "by_organisation": claim.organisation.name,
        "imported_at": iso(claim.created_at),
        "invited_at": iso(claim.invited_at),
        "claimed_at": iso(claim.claimed_at),
    }


def export_register_data(user) -> dict[str, Any] | None:
    profile = (
        PAProfile.objects.filter(user=user)
        .prefetch_related("skills", "interests", "languages__language", "visible_in")
        .first()
    )
    signatures = [
        {"version": signature.version.number, "signed_at": iso(signature.signed_at)}
        for signature in CodeSignature.objects.filter(user=user).select_related("version")
    ]
    induction = InductionCompletion.objects.filter(user=user).first()
    if profile is None and not signatures:
        return None
    return {
        "profile": None
        if profile is None
        else {
            "display_name": profile.display_name,
            "about_me": profile.about_me,
            "what_matters": profile.what_matters,
            "interests": [interest.name for interest in profile.interests.all()]
            + list(profile.other_interests),
            "languages": [
                {"language": entry.language.name, "level": entry.level}
                for entry in profile.languages.all()
            ],
            "skills": [skill.code for skill in profile.skills.all()],
            "years_experience": profile.years_experience,
            "experience_kinds": profile.experience_kinds,
            "experience_summary": profile.experience_summary,
            "has_driving_licence": profile.has_driving_licence,
            "has_own_car": profile.has_own_car,
            "gender": profile.get_gender_display() if profile.gender else "",
            "offers_driving": profile.offers_driving,
            "availability": keys_from_mask(profile.availability),
            "travel_miles": profile.travel_miles,
            "hourly_rate": str(profile.hourly_rate) if profile.hourly_rate else None,
            "work_wanted": profile.work_wanted,
            "works_for_family": profile.works_for_family,
            "visibility": profile.visibility,
            "visible_in": [la.name for la in profile.visible_in.all()],
            "is_paused": profile.is_paused,
            "level": profile.level,
            "has_photo": bool(profile.photo),
            "imported": claim_export(profile),
            "evidence": [
                evidence_export(item)
                for item in profile.evidence.select_related(
                    "verified_by_organisation", "reference_request"
                )
            ],
        },
        "code_of_conduct_signatures": signatures,
        "induction_completed_on": iso(induction.completed_on) if induction else None,
    }
