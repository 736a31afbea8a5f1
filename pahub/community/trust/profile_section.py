"""Endorsements on a PA's profile: the section the community adds to the register's profile
pages (`pahub.register.profile.sections`), registered in CommunityConfig.ready().

The profile pages decide who may see a profile at all; this section only chooses what is in
it. Everyone who may see the profile sees the endorsements the PA chose to show: the words,
who gave them (first name and district) and the month and year. Never a score. The PA sees
the same, with how many they hide and a link to choose. One query, however many there are.
"""

from django.urls import reverse

from pahub.accounts.models import User
from pahub.community.models import Endorsement
from pahub.community.trust.queries import WITH_EMPLOYER, endorser_label
from pahub.register.models import PAProfile
from pahub.register.profile.sections import SectionContent, register_profile_section

SECTION_NAME = "community.endorsements"
TEMPLATE = "community/trust/profile/_endorsements.html"


def endorsements_section(profile: PAProfile, viewer: User | None) -> SectionContent | None:
    is_owner = viewer is not None and viewer.pk == profile.user_id
    written = list(
        Endorsement.objects.filter(pa_id=profile.user_id, status=Endorsement.Status.WRITTEN)
        .select_related(*WITH_EMPLOYER)
        .order_by("-written_at", "-pk")
    )
    shown = [endorsement for endorsement in written if endorsement.shown]
    if not shown and not (is_owner and written):
        return None
    return TEMPLATE, {
        "endorsements": [
            {
                "text": endorsement.text,
                "by": endorser_label(endorsement),
                "written_at": endorsement.written_at,
            }
            for endorsement in shown
        ],
        "is_owner": is_owner,
        "hidden_count": len(written) - len(shown),
        "choose_path": reverse("community:endorsements"),
    }


def register() -> None:
    register_profile_section(SECTION_NAME, endorsements_section)
