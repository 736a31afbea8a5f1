"""Employer profiles and staff's recorded consent to act for an employer.

Every write is one function, one transaction, audited. An employer profile holds
special-category data (access needs that may reveal a disability), so the audit log
records which answers changed, never their values.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from pahub.accounts.consents import tell_person_consent_recorded
from pahub.accounts.models import Organisation, OrganisationConsent, Representation, Role, User
from pahub.accounts.permissions import is_site_admin, staff_local_authority_ids
from pahub.core import audit
from pahub.core.forms import FieldInputError
from pahub.employers.models import AccessNeed, EmployerProfile
from pahub.employers.permissions import (
    can_act_for_employer,
    employer_area_id,
    employers_user_can_act_for,
    is_staff_in_area_of_employer,
)
from pahub.employers.queries import employer_consents
from pahub.places.models import District
from pahub.places.postcodes import InvalidPostcode, normalise_postcode
from pahub.places.queries import UnknownDistrict, district_for_postcode
from pahub.taxonomy.vocabulary import parse_other_interests

# The employer profile's question pages, in order, with the answers each one gives.
PROFILE_STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("display_name",),
    "postcode": ("postcode",),
    "what_matters": ("what_matters",),
    "interests": ("interests", "other_interests"),
    "access": ("access_needs", "access_needs_other", "share_access_needs_with_pas"),
}
PROFILE_FIELDS = frozenset(field for fields in PROFILE_STEP_FIELDS.values() for field in fields)
MAX_DISPLAY_NAME = 80
MAX_WHAT_MATTERS = 2000
MAX_ACCESS_NEEDS_OTHER = 300
MAX_HOW_GIVEN = 1000


class EmployerInputError(ValueError):
    """An answer breaks a rule; `field` says which one to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


# Rules shared by the pages and the API ------------------------------------------------------


def place_for_postcode(raw: str) -> tuple[str, District]:
    """A full postcode, normalised, and its district; EmployerInputError if it is not one."""
    try:
        postcode = normalise_postcode(raw or "")
        district = district_for_postcode(postcode)
    except (InvalidPostcode, UnknownDistrict) as error:
        raise EmployerInputError("postcode", error.message) from None
    if district.local_authority_id is None:
        raise EmployerInputError(
            "postcode",
            f"{postcode} is a PO box or bulk mail postcode. Enter the postcode where you live",
        )
    return postcode, district


def check_profile_changes(changes: dict[str, Any]) -> None:
    """Check and normalise answers in `changes`."""
    if "display_name" in changes:
        name = " ".join((changes["display_name"] or "").split())
        if not name:
            raise EmployerInputError("display_name", "Enter the name PAs should see")
        if len(name) > MAX_DISPLAY_NAME:
            raise EmployerInputError(
                "display_name", f"The name must be {MAX_DISPLAY_NAME} characters or fewer"
            )
        changes["display_name"] = name
    if "what_matters" in changes:
        changes["what_matters"] = (changes["what_matters"] or "").strip()
        if len(changes["what_matters"]) > MAX_WHAT_MATTERS:
            raise EmployerInputError(
                "what_matters",
                f"What matters to you must be {MAX_WHAT_MATTERS:,} characters or fewer",
            )
    if "other_interests" in changes:
        try:
            changes["other_interests"] = parse_other_interests(changes["other_interests"] or [])
        except FieldInputError as error:
            raise EmployerInputError("other_interests", error.message) from None
    if "access_needs" in changes:
        needs = list(dict.fromkeys(changes["access_needs"] or []))
        unknown = [need for need in needs if need not in AccessNeed.values]
        if unknown:
            raise EmployerInputError("access_needs", f"Unknown access need: {unknown[0]}")
        # Kept in the order of the list, so pages and exports read the same way.
        changes["access_needs"] = [need for need in AccessNeed.values if need in needs]
    if "access_needs_other" in changes:
        other = " ".join((changes["access_needs_other"] or "").split())
        if len(other) > MAX_ACCESS_NEEDS_OTHER:
            raise EmployerInputError(
                "access_needs_other",
                f"Other access needs must be {MAX_ACCESS_NEEDS_OTHER} characters or fewer",
            )
        changes["access_needs_other"] = other


# Writes -------------------------------------------------------------------------------------


@transaction.atomic
def employer_profile_create(
    *, employer: User, by: User, display_name: str, postcode: str
) -> EmployerProfile:
    """The first answers: the name PAs see and the home postcode that places the employer.
    `by` must be able to act for the employer (the caller checks)."""
    if EmployerProfile.objects.filter(user=employer).exists():
        raise EmployerInputError("display_name", "This employer already has a profile")
    changes: dict[str, Any] = {"display_name": display_name}
    check_profile_changes(changes)
    postcode, district = place_for_postcode(postcode)
    profile = EmployerProfile.objects.create(
        user=employer,
        display_name=changes["display_name"],
        postcode=postcode,
        district=district,
        local_authority_id=district.local_authority_id,
        created_by=by,
    )
    audit.record(by, "employer_profile.created", profile, employer=employer.pk)
    return profile


@transaction.atomic
def employer_profile_update(
    *, profile: EmployerProfile, changes: Mapping[str, Any], by: User
) -> EmployerProfile:
    """Change any answers. `interests` holds Interest objects; `postcode` the text typed
    (its district and local authority follow it). Saves nothing if a rule is broken."""
    unknown = set(changes) - PROFILE_FIELDS
    if unknown:
        raise ValueError(f"Not an employer profile answer: {sorted(unknown)}")
    EmployerProfile.objects.select_for_update().filter(pk=profile.pk).exists()
    changes = dict(changes)
    check_profile_changes(changes)
    update_fields = ["updated_at"]
    if "postcode" in changes:
        postcode, district = place_for_postcode(changes.pop("postcode"))
        profile.postcode = postcode
        profile.district = district
        profile.local_authority_id = district.local_authority_id
        update_fields += ["postcode", "district", "local_authority"]
    for name in (PROFILE_FIELDS - {"interests", "postcode"}) & changes.keys():
        setattr(profile, name, changes[name])
        update_fields.append(name)
    profile.save(update_fields=sorted(set(update_fields)))
    if "interests" in changes:
        profile.interests.set(changes["interests"])
    audit.record(
        by,
        "employer_profile.updated",
        profile,
        fields=sorted(set(changes) | ({"postcode"} if "postcode" in update_fields else set())),
    )
    return profile


@transaction.atomic
def help_consent_record(
    *, employer: User, organisation: Organisation, by: User, how_given: str
) -> OrganisationConsent:
    """The employer agreed that this organisation's staff may act for them on PA Hub."""
    how_given = how_given.strip()
    if not how_given:
        raise EmployerInputError(
            "how_given",
            "Say how the employer agreed, for example 'in person at the drop-in on 3 March'",
        )
    if len(how_given) > MAX_HOW_GIVEN:
        raise EmployerInputError(
            "how_given", f"How they agreed must be {MAX_HOW_GIVEN:,} characters or fewer"
        )
    # Lock the employer's row, so two staff pressing at once record one agreement.
    User.objects.select_for_update().filter(pk=employer.pk).exists()
    if (
        employer_consents()
        .filter(person=employer, organisation=organisation, withdrawn_at__isnull=True)
        .exists()
    ):
        raise EmployerInputError(
            "how_given",
            f"{organisation.name} already has this employer's agreement. Withdraw it first to "
            "record it again",
        )
    consent = OrganisationConsent.objects.create(
        purpose=OrganisationConsent.Purpose.ACT_FOR_EMPLOYER,
        person=employer,
        organisation=organisation,
        recorded_by=by,
        how_given=how_given,
    )
    audit.record(
        by,
        "employer_consent.recorded",
        employer,
        organisation=organisation.name,
        how_given=how_given,
    )
    tell_person_consent_recorded(consent)
    return consent


@transaction.atomic
def help_consent_withdraw(*, consent: OrganisationConsent, by: User) -> OrganisationConsent:
    consent = (
        employer_consents().select_for_update().select_related("organisation").get(pk=consent.pk)
    )
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        audit.record(
            by,
            "employer_consent.withdrawn",
            consent.person,
            organisation=consent.organisation.name,
        )
    return consent


# Reads --------------------------------------------------------------------------------------


def access_needs_shown_to(viewer: User, profile: EmployerProfile) -> list[str]:
    """The employer's access needs, for those allowed to see them: the employer side and
    staff in the employer's area always; PAs only when the employer chose to share them."""
    if can_act_for_employer(viewer, profile.user) or is_staff_in_area_of_employer(
        viewer, profile.user
    ):
        return profile.access_need_labels
    if is_site_admin(viewer):
        return profile.access_need_labels
    return profile.access_need_labels if profile.share_access_needs_with_pas else []


@dataclass(frozen=True)
class ActingFor:
    employer: User
    profile: EmployerProfile | None
    how: str  # "yourself", "representative" or the organisation's name


def employers_to_act_for(user: User) -> list[ActingFor]:
    """Everyone the user may act for as an employer, in a fixed number of queries: themself
    first, then by name. Staff see an employer only while their consenting organisation
    still serves the employer's area (an employer who moves away drops off)."""
    employers = list(
        employers_user_can_act_for(user)
        .select_related("employer_profile", "local_authority")
        .order_by("full_name")
    )
    represented = set(
        Representation.objects.filter(
            representative=user, status=Representation.Status.ACTIVE
        ).values_list("employer_id", flat=True)
    )
    served: dict[int, list[tuple[str, set[str]]]] = {}
    consents = (
        employer_consents()
        .filter(withdrawn_at__isnull=True, organisation__memberships__user=user)
        .prefetch_related("organisation__local_authorities")
    )
    for consent in consents.select_related("organisation"):
        areas = {area.pk for area in consent.organisation.local_authorities.all()}
        served.setdefault(consent.person_id, []).append((consent.organisation.name, areas))
    rows: list[ActingFor] = []
    for employer in employers:
        profile = getattr(employer, "employer_profile", None)
        area = profile.local_authority_id if profile else employer.local_authority_id
        if employer.pk == user.pk:
            rows.append(ActingFor(employer, profile, "yourself"))
        elif employer.pk in represented:
            rows.append(ActingFor(employer, profile, "representative"))
        else:
            names = [name for name, areas in served.get(employer.pk, []) if area in areas]
            if names:
                rows.append(ActingFor(employer, profile, names[0]))
    rows.sort(key=lambda row: (row.how != "yourself", row.employer.full_name.casefold()))
    return rows


def employers_in_staff_areas(staff: User) -> QuerySet[User]:
    """Employers whose area (their employer profile's, else their account's) the staff
    member's organisations serve; every employer for a site admin."""
    employers = User.objects.filter(roles__role=Role.EMPLOYER, is_active=True)
    if is_site_admin(staff):
        return employers.distinct()
    areas = staff_local_authority_ids(staff)
    in_area = Q(employer_profile__local_authority_id__in=areas) | Q(
        employer_profile__isnull=True, local_authority_id__in=areas
    )
    return employers.filter(in_area).distinct()


def employer_search(staff: User, query: str, *, limit: int = 50) -> list[User]:
    """Employers in the staff member's areas whose email, name or employer name contains
    `query` (at least 2 characters)."""
    query = query.strip()
    if len(query) < 2:
        return []
    matches = employers_in_staff_areas(staff).filter(
        Q(email__icontains=query)
        | Q(full_name__icontains=query)
        | Q(known_as__icontains=query)
        | Q(employer_profile__display_name__icontains=query)
    )
    return list(
        matches.select_related(
            "employer_profile__district", "local_authority", "district"
        ).order_by("full_name")[:limit]
    )


def organisations_serving_employer(staff: User, employer: User) -> list[Organisation]:
    """The staff member's organisations that work in the employer's area."""
    area = employer_area_id(employer)
    if area is None:
        return []
    return list(
        Organisation.objects.filter(memberships__user=staff, local_authorities__gss_code=area)
        .distinct()
        .order_by("name")
    )
