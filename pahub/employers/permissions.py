"""Who may act for an employer. The only place this rule lives.

The employer side is the employer themself (with the employer role), their representatives
(with an active grant) and staff of an organisation that serves the employer's area, to
which the employer has given recorded consent (`accounts.OrganisationConsent`), and only
while that staff member has two-factor authentication set up. Pages, the JSON API, querysets
and services all ask these functions, so the rule cannot hold on one path and not another.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import (
    Organisation,
    OrganisationConsent,
    Representation,
    Role,
    User,
    UserRole,
)
from pahub.accounts.permissions import (
    has_two_factor,
    is_organisation_staff,
    must_use_two_factor,
    staff_local_authority_ids,
)
from pahub.core.sql_shapes import CompiledShape, compile_shape, shape_cache, stand_ins
from pahub.employers.models import EmployerProfile

ACT_FOR_EMPLOYER = OrganisationConsent.Purpose.ACT_FOR_EMPLOYER
SET_UP_TWO_FACTOR = "Set up two-factor authentication before acting for anyone."


class EmployerSide:
    EMPLOYER = "employer"
    REPRESENTATIVE = "representative"
    STAFF = "staff"


def employer_area_id(employer: User) -> str | None:
    """The employer's local authority: from their employer profile, else their account."""
    profile = EmployerProfile.objects.filter(user=employer).only("local_authority_id").first()
    if profile and profile.local_authority_id:
        return profile.local_authority_id
    return employer.local_authority_id


def helping_organisation(user: User, employer: User) -> Organisation | None:
    """The organisation through which this staff member may act for the employer, if any:
    one serving the employer's area, with the employer's recorded consent, and only while
    the staff member has two-factor authentication (they see an address and access needs)."""
    if not user.is_authenticated:
        return None
    if not has_two_factor(user):
        return None
    consent = (
        OrganisationConsent.objects.filter(
            purpose=ACT_FOR_EMPLOYER,
            person=employer,
            withdrawn_at__isnull=True,
            organisation__memberships__user=user,
            organisation__local_authorities__gss_code=employer_area_id(employer),
        )
        .select_related("organisation")
        .first()
    )
    return consent.organisation if consent else None


def employer_side_role(user: User, employer: User) -> str | None:
    """How `user` may act for `employer`: as the employer, a representative, staff, or not."""
    if not user.is_authenticated:
        return None
    if user.pk == employer.pk:
        return EmployerSide.EMPLOYER if employer.has_role(Role.EMPLOYER) else None
    if Representation.objects.filter(
        employer=employer, representative=user, status=Representation.Status.ACTIVE
    ).exists():
        return EmployerSide.REPRESENTATIVE
    if helping_organisation(user, employer) is not None:
        return EmployerSide.STAFF
    return None


def can_act_for_employer(user: User, employer: User) -> bool:
    return employer_side_role(user, employer) is not None


def is_staff_in_area_of_employer(user: User, employer: User) -> bool:
    """Staff whose organisation serves the employer's area (oversight, not acting)."""
    if not user.is_authenticated:
        return False
    area = employer_area_id(employer)
    return area is not None and area in staff_local_authority_ids(user)


def employers_user_can_act_for(user: User) -> QuerySet[User]:
    """Everyone this user may act for as an employer, themself included when they employ."""
    if not user.is_authenticated:
        return User.objects.none()
    # Subqueries, not joins: an OR across joined tables made the database read every account
    # (about 100 ms with 120,000 people, on every page that asks), where each subquery finds
    # its few rows by index. One IN over their UNION, not an OR of two INs: PostgreSQL reads
    # every account for the OR (about 26 ms with 120,000 people) and a handful for the UNION.
    own_or_represented = own_or_represented_by(user.pk)
    # Only staff of an organisation act for its consenting employers, and staff act for no
    # one until they have a second factor, as `helping_organisation`. Whether someone is
    # staff is known already this request (the two-factor middleware asked): for everyone
    # else this asks the database nothing more (the header's message count, every page).
    if not is_organisation_staff(user) or not has_two_factor(user):
        return User.objects.filter(own_or_represented)
    # Staff act only while the consenting organisation serves the employer's area (their
    # employer profile's local authority, else their account's), as `helping_organisation`.
    consenting_area = F("organisation_consents__organisation__local_authorities")
    helped = Q(
        organisation_consents__purpose=ACT_FOR_EMPLOYER,
        organisation_consents__withdrawn_at__isnull=True,
        organisation_consents__organisation__memberships__user=user,
    ) & (
        Q(employer_profile__local_authority=consenting_area)
        | Q(employer_profile__isnull=True, local_authority=consenting_area)
    )
    return User.objects.filter(own_or_represented | helped).distinct()


def own_or_represented_by(user_id: int) -> Q:
    """The person themself when they employ, and everyone they represent (active grants)."""
    own_ids = UserRole.objects.filter(user_id=user_id, role=Role.EMPLOYER).values("user_id")
    represented_ids = Representation.objects.filter(
        representative_id=user_id, status=Representation.Status.ACTIVE
    ).values("employer_id")
    return Q(pk__in=own_ids.union(represented_ids))


def employer_ids_user_can_act_for(user: User) -> set[int]:
    """The ids of `employers_user_can_act_for(user)`, asked on every page (the header's
    message count). For everyone but staff with two-factor set up that is the same query each
    time with another id, so its SQL is built once per process (`own_or_represented_shape`):
    building it took longer than PostgreSQL takes to answer."""
    if not user.is_authenticated:
        return set()
    if is_organisation_staff(user) and has_two_factor(user):
        return set(employers_user_can_act_for(user).values_list("pk", flat=True))
    return {pk for (pk,) in own_or_represented_shape().fetchall([user.pk])}


@shape_cache
def own_or_represented_shape() -> CompiledShape:
    (user_id,) = stand_ins(1)
    employers = User.objects.filter(own_or_represented_by(user_id)).values_list("pk")
    return compile_shape(employers, [user_id])


def refuse_staff_without_two_factor(user: User) -> None:
    """For callers the rule has already refused: staff who must use two-factor and have not
    set it up hear why (403) instead of a bare 404. Their refusal itself is in
    `helping_organisation`; this only chooses the answer."""
    if user.is_authenticated and must_use_two_factor(user) and not has_two_factor(user):
        raise PermissionDenied(SET_UP_TWO_FACTOR)


def access_employer_for_actor(user: User, employer_id: int) -> User:
    """The only way to load the employer someone acts for; 404 for anyone who may not.

    The conditions, each in one place: an active employer account (here); then the employer
    themself with the employer role, a representative with an active grant, or staff whose
    organisation serves the employer's area and holds their recorded consent, who have
    two-factor set up (`employer_side_role` and `helping_organisation`). Staff refused for
    want of two-factor get 403 saying so.
    """
    employer = get_object_or_404(
        User.objects.select_related("employer_profile__district", "local_authority"),
        pk=employer_id,
        is_active=True,
    )
    if employer_side_role(user, employer) is None:
        refuse_staff_without_two_factor(user)
        raise Http404
    return employer
