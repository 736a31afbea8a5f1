"""Completed courses on a PA's profile: the section learning adds to the register's profile
pages (`pahub.register.profile.sections`), registered in LearningConfig.ready().

Employers see the certificates the PA chose to show (`Certificate.show_on_profile`), each with
its verification code and the public address that checks it. The PA sees the same, with how
many they hide and a link to choose. One query, however many certificates.
"""

from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse

from pahub.accounts.models import User
from pahub.learning.models import Certificate
from pahub.register.models import PAProfile
from pahub.register.profile.sections import SectionContent, register_profile_section

SECTION_NAME = "learning.certificates"
TEMPLATE = "learning/profile/_certificates.html"


def verify_path(code: str) -> str:
    """The public address where anyone can check a certificate's code."""
    return f"{reverse('learning:verify')}?{urlencode({'code': code})}"


def certificates_of(user_id: int) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(user_id=user_id)
        .select_related("course")
        .order_by("-issued_at", "-pk")
    )


def certificates_section(profile: PAProfile, viewer: User | None) -> SectionContent | None:
    """The PA's completed courses: all of them, for the PA; the ones shown, for others."""
    is_owner = viewer is not None and viewer.pk == profile.user_id
    certificates = certificates_of(profile.user_id)
    if not is_owner:
        certificates = certificates.filter(show_on_profile=True)
    certificates = list(certificates)
    shown = [certificate for certificate in certificates if certificate.show_on_profile]
    if not certificates or (not is_owner and not shown):
        return None
    return TEMPLATE, {
        "certificates": [
            {
                "course_title": certificate.course.title,
                "course_version": certificate.course_version,
                "issued_at": certificate.issued_at,
                "code": certificate.code,
                "verify_path": verify_path(certificate.code),
            }
            for certificate in shown
        ],
        "is_owner": is_owner,
        "hidden_count": len(certificates) - len(shown),
        "choose_path": reverse("learning:certificates"),
    }


def register() -> None:
    register_profile_section(SECTION_NAME, certificates_section)
