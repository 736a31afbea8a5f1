"""Every change to accounts, roles, organisations and representation: one function each."""

import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import (
    ApiKey,
    Membership,
    Organisation,
    Representation,
    Role,
    StaffInvitation,
    User,
    UserRole,
    hash_api_key,
)
from pahub.core import audit, personal_data
from pahub.places.queries import district_for_postcode

INVITATION_LIFETIME = timedelta(days=14)


class AccountError(Exception):
    """A request that cannot be carried out; the message is shown to the person."""


def place_user(user: User, postcode: str) -> None:
    """Set the person's home district and local authority from their postcode."""
    district = district_for_postcode(postcode)
    user.postcode = postcode
    user.district = district
    user.local_authority = district.local_authority


@transaction.atomic
def user_set_roles(*, user: User, roles: Iterable[str], by: User | None) -> None:
    wanted = {Role(role) for role in roles}
    current = set(user.roles.values_list("role", flat=True))
    for role in sorted(wanted - current):
        UserRole.objects.create(user=user, role=role)
        audit.record(by or user, "role.granted", user, role=role)
    removed = current - wanted
    if removed:
        user.roles.filter(role__in=removed).delete()
        for role in sorted(removed):
            audit.record(by or user, "role.removed", user, role=role)
    if hasattr(user, "_role_cache"):
        del user._role_cache


@transaction.atomic
def user_update_details(
    *, user: User, by: User, full_name: str, known_as: str, phone: str, postcode: str
) -> User:
    # Compare with what is stored: a ModelForm may already have copied the new
    # postcode onto this instance while validating.
    stored_postcode = User.objects.filter(pk=user.pk).values_list("postcode", flat=True).get()
    user.full_name = full_name
    user.known_as = known_as
    user.phone = phone
    moved = postcode != stored_postcode or user.district_id is None
    if moved:
        place_user(user, postcode)
    user.save(
        update_fields=["full_name", "known_as", "phone", "postcode", "district", "local_authority"]
    )
    audit.record(by, "account.details_changed", user, moved=moved)
    return user


@transaction.atomic
def user_delete(*, user: User, by: User) -> None:
    """Delete an account: everything that was only theirs goes; what someone else relies on
    (bookings, hours worked, conversations, a hired job) stays without their details, showing
    "a former PA Hub user". Future shifts are cancelled, open jobs closed, pending applications
    withdrawn, each through its app's own service, which tells the other person. Every app's
    part is declared in its `personal_data.py` (`core.personal_data`); the audit log keeps a
    note."""
    if user.deleted_at is not None:
        raise AccountError("This account has already been deleted.")
    # Where a PA lived when they left, for the workforce figures of leaving PAs: deleting
    # the account clears the postcode and area from the person's row.
    audit.record(
        by,
        "account.deleted",
        user,
        email=user.email,
        was_pa=user.has_role(Role.PA),
        local_authority=user.local_authority_id or "",
    )
    personal_data.registry.erase(user)


@transaction.atomic
def staff_invitation_create(
    *, organisation: Organisation, email: str, role: str, by: User
) -> StaffInvitation:
    invitation = StaffInvitation.objects.create(
        organisation=organisation,
        email=email.lower(),
        role=role,
        invited_by=by,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    audit.record(by, "staff.invited", organisation, email=invitation.email, role=role)
    link = settings.SITE_URL + reverse("accounts:invitation", args=[invitation.token])
    transaction.on_commit(
        lambda: send_mail(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Join {organisation.name} on PA Hub",
            message=(
                f"{by.display_name} has invited you to join {organisation.name} on PA Hub "
                f"as {invitation.get_role_display().lower()}.\n\n"
                f"Accept the invitation here (the link works for 14 days):\n{link}\n\n"
                "If you were not expecting this, you can ignore this email."
            ),
            from_email=None,
            recipient_list=[invitation.email],
        )
    )
    return invitation


@transaction.atomic
def staff_invitation_accept(*, invitation: StaffInvitation, user: User) -> Membership:
    invitation = StaffInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise AccountError("This invitation has expired or has already been used.")
    if invitation.email != user.email.lower():
        raise AccountError(
            f"This invitation was sent to {invitation.email}. Sign in with that email address."
        )
    membership, _ = Membership.objects.update_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit.record(user, "staff.joined", invitation.organisation, role=invitation.role)
    return membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, by: User) -> Membership:
    membership.role = role
    membership.save(update_fields=["role"])
    audit.record(
        by, "staff.role_changed", membership.organisation, member=membership.user.email, role=role
    )
    return membership


@transaction.atomic
def membership_set_safeguarding(*, membership: Membership, handles: bool, by: User) -> Membership:
    """Switch on (or off) whether a council's team member reads its safeguarding concerns."""
    if membership.organisation.kind != Organisation.Kind.LOCAL_AUTHORITY:
        raise AccountError("Only a council's staff handle safeguarding concerns.")
    membership.handles_safeguarding = handles
    membership.save(update_fields=["handles_safeguarding"])
    audit.record(
        by,
        "staff.safeguarding_changed",
        membership.organisation,
        member=membership.user.email,
        handles_safeguarding=handles,
    )
    return membership


@transaction.atomic
def membership_set_insights(*, membership: Membership, reads: bool, by: User) -> Membership:
    """Switch on (or off) whether a council's team member reads the insights dashboards."""
    if membership.organisation.kind != Organisation.Kind.LOCAL_AUTHORITY:
        raise AccountError("Only a council's staff read insights.")
    membership.views_insights = reads
    membership.save(update_fields=["views_insights"])
    audit.record(
        by,
        "staff.insights_changed",
        membership.organisation,
        member=membership.user.email,
        views_insights=reads,
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    audit.record(by, "staff.removed", membership.organisation, member=membership.user.email)
    membership.delete()


def find_employer_by_email(email: str) -> User:
    employer = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if employer is None or not employer.has_role(Role.EMPLOYER):
        raise AccountError(
            "We could not find an employer with that email address. Ask them to create "
            "an account as an employer first."
        )
    return employer


@transaction.atomic
def representation_request(
    *, representative: User, employer_email: str, relationship: str
) -> Representation:
    """A representative asks to act for an employer; nothing is allowed until they agree."""
    employer = find_employer_by_email(employer_email)
    if employer.pk == representative.pk:
        raise AccountError("You cannot act as your own representative.")
    if Representation.objects.filter(
        employer=employer,
        representative=representative,
        status__in=[Representation.Status.REQUESTED, Representation.Status.ACTIVE],
    ).exists():
        raise AccountError("You have already asked to act for this employer.")
    representation = Representation.objects.create(
        employer=employer, representative=representative, relationship=relationship
    )
    audit.record(representative, "representation.requested", representation)
    return representation


@transaction.atomic
def representation_grant(*, representation: Representation, by: User, note: str = "") -> None:
    """The employer (or staff for them, with a note of why) lets the representative act."""
    if representation.status != Representation.Status.REQUESTED:
        raise AccountError("Only a request that is waiting can be agreed.")
    by_staff = by.pk != representation.employer_id
    if by_staff and not note.strip():
        raise AccountError("Say how the employer gave their agreement.")
    representation.status = Representation.Status.ACTIVE
    representation.granted_at = timezone.now()
    representation.granted_by = by
    representation.granted_on_behalf_note = note.strip() if by_staff else ""
    representation.save(
        update_fields=["status", "granted_at", "granted_by", "granted_on_behalf_note"]
    )
    audit.record(
        by, "representation.granted", representation, on_behalf=by_staff, note=note.strip()
    )


@transaction.atomic
def representation_record_by_staff(
    *, staff: User, employer: User, representative: User, relationship: str, note: str
) -> Representation:
    """Assisted digital: staff record a grant the employer gave them in person or by phone."""
    if employer.pk == representative.pk:
        raise AccountError("A person cannot represent themselves.")
    if Representation.objects.filter(
        employer=employer, representative=representative, status=Representation.Status.ACTIVE
    ).exists():
        raise AccountError("They can already act for this employer: nothing to record.")
    representation, _ = Representation.objects.get_or_create(
        employer=employer,
        representative=representative,
        status=Representation.Status.REQUESTED,
        defaults={"relationship": relationship},
    )
    representation_grant(representation=representation, by=staff, note=note)
    return representation


@transaction.atomic
def representation_decline(*, representation: Representation, by: User) -> None:
    if representation.status != Representation.Status.REQUESTED:
        raise AccountError("Only a request that is waiting can be declined.")
    representation.status = Representation.Status.DECLINED
    representation.ended_at = timezone.now()
    representation.save(update_fields=["status", "ended_at"])
    audit.record(by, "representation.declined", representation)


@transaction.atomic
def representation_end(*, representation: Representation, by: User) -> None:
    """Either side may end an active grant at any time; a representative may withdraw a
    request that is still waiting."""
    withdrawing = (
        representation.status == Representation.Status.REQUESTED
        and by.pk == representation.representative_id
    )
    if representation.status != Representation.Status.ACTIVE and not withdrawing:
        raise AccountError("Only an active representative can be ended.")
    representation.status = Representation.Status.REVOKED
    representation.ended_at = timezone.now()
    representation.save(update_fields=["status", "ended_at"])
    audit.record(by, "representation.ended", representation)


@transaction.atomic
def api_key_create(*, organisation: Organisation, name: str, by: User) -> tuple[ApiKey, str]:
    """Make a key and return it once in full; only its hash is kept."""
    prefix = secrets.token_hex(4)
    raw = f"pahub_{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey.objects.create(
        organisation=organisation,
        name=name,
        prefix=prefix,
        key_hash=hash_api_key(raw),
        created_by=by,
    )
    audit.record(by, "api_key.created", api_key, organisation=organisation.name)
    return api_key, raw


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey, by: User) -> None:
    api_key.revoked_at = timezone.now()
    api_key.save(update_fields=["revoked_at"])
    audit.record(by, "api_key.revoked", api_key)


def api_key_authenticate(raw: str) -> ApiKey | None:
    """The active key matching `raw`, or None. Compared by hash in constant time."""
    parts = raw.split("_")
    if len(parts) < 3 or parts[0] != "pahub":
        return None
    api_key = (
        ApiKey.objects.select_related("organisation")
        .filter(prefix=parts[1], revoked_at__isnull=True)
        .first()
    )
    if api_key is None or not secrets.compare_digest(api_key.key_hash, hash_api_key(raw)):
        return None
    ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())
    return api_key
