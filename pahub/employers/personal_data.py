"""The employer's part of a person's data: their profile, including access needs."""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.employers.models import EmployerProfile


def export_employer(user) -> dict[str, Any] | None:
    profile = (
        EmployerProfile.objects.filter(user=user)
        .select_related("district", "local_authority")
        .prefetch_related("interests")
        .first()
    )
    if profile is None:
        return None
    return {
        "profile": {
            "display_name": profile.display_name,
            "postcode": profile.postcode,
            "district": profile.district.outcode,
            "local_authority": profile.local_authority.name if profile.local_authority else None,
            "what_matters": profile.what_matters,
            "interests": [interest.name for interest in profile.interests.all()]
            + list(profile.other_interests),
            "access_needs": profile.access_need_labels,
            "share_access_needs_with_pas": profile.share_access_needs_with_pas,
            "created_at": profile.created_at.isoformat(),
            "updated_at": profile.updated_at.isoformat(),
        }
    }


def delete_employer_profile(user) -> None:
    EmployerProfile.objects.filter(user=user).delete()


register(
    "employer",
    models={"employers.EmployerProfile": Fate.DELETED},
    export=export_employer,
    erase={Step.PROFILES: delete_employer_profile},
)
