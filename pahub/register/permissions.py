"""Who may see and change PA profiles and evidence. The only place such rules live."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Membership, OrganisationConsent, Role, User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.core import audit
from pahub.register.models import Evidence, PAProfile


def is_verified_employer(user: User) -> bool:
    """An employer (or someone acting for one) whose email address is verified."""
    from allauth.account.models import EmailAddress

    acts_as_employer = user.has_role(Role.EMPLOYER) or user.has_role(Role.REPRESENTATIVE)
    return acts_as_employer and EmailAddress.objects.filter(user=user, verified=True).exists()


def is_staff_in_area_of(user: User, profile: PAProfile) -> bool:
    """Staff of an organisation serving the PA's home area or an area they chose."""
    areas = staff_local_authority_ids(user)
    if not areas:
        return False
    profile_areas = {profile.user.local_authority_id} | set(
        profile.visible_in.values_list("gss_code", flat=True)
    )
    return bool(areas & profile_areas)


def can_view_profile(viewer: User, profile: PAProfile) -> bool:
    """The visibility the PA chose decides; their own profile is always theirs to see."""
    if not viewer.is_authenticated:
        return False
    if profile.user_id == viewer.pk or is_site_admin(viewer):
        return True
    if is_staff_in_area_of(viewer, profile):
        # Staff in the PA's areas can always find them on the register, even when
        # hidden from employers: that is the register's purpose for councils.
        return True
    if profile.is_paused or profile.visibility == PAProfile.Visibility.HIDDEN:
        return False
    if profile.visibility == PAProfile.Visibility.ALL_EMPLOYERS:
        return viewer.has_role(Role.EMPLOYER) or viewer.has_role(Role.REPRESENTATIVE)
    # LOCAL: verified employers living in one of the chosen areas.
    return (
        is_verified_employer(viewer)
        and viewer.local_authority_id is not None
        and profile.visible_in.filter(gss_code=viewer.local_authority_id).exists()
    )


def access_profile_for_viewer(viewer: User, profile_id: int) -> PAProfile:
    """The only way a view loads someone else's PA profile. Staff views are audited."""
    profile = get_object_or_404(
        PAProfile.objects.select_related("user", "user__district", "user__local_authority"),
        pk=profile_id,
    )
    if profile.user_id == viewer.pk:
        return profile
    if not can_view_profile(viewer, profile):
        raise Http404  # do not reveal that a hidden profile exists
    if is_staff_in_area_of(viewer, profile) or is_site_admin(viewer):
        audit.record_view(viewer, profile)
    return profile


def staff_search_areas(user: User) -> set[str] | None:
    """The local authorities whose PAs a staff member may search; None for a site admin,
    who may search every PA."""
    return None if is_site_admin(user) else staff_local_authority_ids(user)


def profiles_in_areas(
    areas: Iterable[str] | None, *, among_ids: Iterable[int] | None = None
) -> QuerySet[PAProfile]:
    """PAs living in, or visible in, any of these local authorities (None: every PA). The one
    rule behind the staff's and the organisations' register searches; the register's
    in-memory index (`search_index.RegisterIndex._in_areas`) follows it and is tested
    against it. A subquery on the chosen areas rather than a join, so no DISTINCT is needed.

    `among_ids` narrows both sides to those profiles (a page of results to check), so the
    database reads a few rows rather than every choice of a whole region's areas."""
    profiles = PAProfile.objects.all()
    chosen = PAProfile.visible_in.through.objects.all()
    if among_ids is not None:
        among_ids = sorted(among_ids)
        profiles = profiles.filter(pk__in=among_ids)
        chosen = chosen.filter(paprofile_id__in=among_ids)
    if areas is None:
        return profiles
    areas = sorted(areas)
    chosen = chosen.filter(localauthority_id__in=areas).values("paprofile_id")
    return profiles.filter(Q(user__local_authority_id__in=areas) | Q(pk__in=chosen))


def visible_profiles_for_staff(user: User) -> QuerySet[PAProfile]:
    """Every profile a staff member may search: PAs living in, or visible in, their areas."""
    return profiles_in_areas(staff_search_areas(user))


def is_verifier(user: User) -> bool:
    return Membership.objects.filter(
        user=user,
        role__in=[Membership.StaffRole.VERIFIER, Membership.StaffRole.ADMIN],
        organisation__verifies_evidence=True,
    ).exists()


def verifier_organisation(user: User, profile: PAProfile):
    """The verifying organisation through which this user may check this PA's evidence."""
    areas = {profile.user.local_authority_id} | set(
        profile.visible_in.values_list("gss_code", flat=True)
    )
    membership = (
        Membership.objects.filter(
            user=user,
            role__in=[Membership.StaffRole.VERIFIER, Membership.StaffRole.ADMIN],
            organisation__verifies_evidence=True,
            organisation__local_authorities__gss_code__in=areas,
        )
        .select_related("organisation")
        .first()
    )
    return membership.organisation if membership else None


def access_evidence_for_verifier(user: User, evidence_id: int) -> Evidence:
    evidence = get_object_or_404(
        Evidence.objects.select_related("profile__user__local_authority"), pk=evidence_id
    )
    if verifier_organisation(user, evidence.profile) is None:
        raise Http404
    audit.record_view(user, evidence)
    return evidence


def access_own_evidence(user: User, evidence_id: int) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("profile"), pk=evidence_id)
    if evidence.profile.user_id != user.pk:
        raise Http404
    return evidence


def can_download_evidence_document(user: User, evidence: Evidence) -> bool:
    """Only the PA and verifiers serving their areas; nobody else, even with the URL."""
    if not user.is_authenticated:
        return False
    if evidence.profile.user_id == user.pk:
        return True
    return verifier_organisation(user, evidence.profile) is not None


def assisted_digital_consents() -> QuerySet[OrganisationConsent]:
    """Agreements PAs gave organisations to create or edit their profile (withdrawn too)."""
    return OrganisationConsent.objects.filter(purpose=OrganisationConsent.Purpose.ASSISTED_DIGITAL)


def has_assisted_digital_consent(staff: User, profile: PAProfile) -> bool:
    return (
        assisted_digital_consents()
        .filter(
            person_id=profile.user_id,
            withdrawn_at__isnull=True,
            organisation__memberships__user=staff,
        )
        .exists()
    )


def access_profile_for_staff_edit(staff: User, profile_id: int) -> PAProfile:
    """Staff may edit a PA's profile only with the PA's recorded, unwithdrawn consent."""
    profile = get_object_or_404(PAProfile.objects.select_related("user"), pk=profile_id)
    if not is_staff_in_area_of(staff, profile) and not is_site_admin(staff):
        raise Http404
    if not has_assisted_digital_consent(staff, profile):
        raise Http404
    return profile
