"""Assisted digital: what organisation staff do for a PA who cannot use PA Hub alone, with the
PA's consent: recording and withdrawing that consent, creating the PA's account, and editing
their profile. One function per action, each one transaction, audited; every edit checks the
consent first (`pahub.register.permissions.has_assisted_digital_consent`).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.consents import tell_person_consent_recorded
from pahub.accounts.models import Organisation, OrganisationConsent, Role, User
from pahub.accounts.services import place_user, user_set_roles
from pahub.core import audit
from pahub.register.models import PAProfile
from pahub.register.permissions import (
    assisted_digital_consents,
    has_assisted_digital_consent,
)
from pahub.register.search import organisation_serving_area
from pahub.register.services import profile_recompute_level
from pahub.register.verification.services import StaffActionError
from pahub.taxonomy.models import Skill


@transaction.atomic
def consent_record(
    *, profile: PAProfile, staff: User, organisation: Organisation, how_given: str
) -> OrganisationConsent:
    """The PA agreed that this organisation's staff may create or edit their profile."""
    how_given = how_given.strip()
    if not how_given:
        raise StaffActionError(
            "Say how the PA gave their agreement, for example 'in person at the drop-in on "
            "3 March'",
            field="how_given",
        )
    if (
        assisted_digital_consents()
        .filter(person_id=profile.user_id, organisation=organisation, withdrawn_at__isnull=True)
        .exists()
    ):
        raise StaffActionError(
            f"{organisation.name} already has this PA's agreement. Withdraw it first to record "
            "it again."
        )
    consent = OrganisationConsent.objects.create(
        purpose=OrganisationConsent.Purpose.ASSISTED_DIGITAL,
        person_id=profile.user_id,
        recorded_by=staff,
        organisation=organisation,
        how_given=how_given,
    )
    audit.record(
        staff, "consent.recorded", profile, organisation=organisation.name, how_given=how_given
    )
    tell_person_consent_recorded(consent)
    return consent


@transaction.atomic
def consent_withdraw(*, consent: OrganisationConsent, by: User) -> OrganisationConsent:
    consent = assisted_digital_consents().select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        profile = PAProfile.objects.get(user_id=consent.person_id)
        audit.record(by, "consent.withdrawn", profile, organisation=consent.organisation.name)
    return consent


def set_password_link(user: User) -> str:
    """A link to allauth's set-a-new-password page, valid for PASSWORD_RESET_TIMEOUT."""
    from allauth.account import app_settings as account_settings
    from allauth.account.utils import user_pk_to_url_str

    token = account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": token},
    )
    return settings.SITE_URL + path


def _email_set_password(user: User, organisation: Organisation) -> None:
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))
    body = (
        f"Hello {user.display_name},\n\n"
        f"{organisation.name} has made a PA Hub account for you, as you agreed with them. "
        "PA Hub helps Personal Assistants find work, training and support.\n\n"
        f"Choose a password to start using it (the link works for {days} days):\n"
        f"{set_password_link(user)}\n\n"
        "If the link has stopped working, go to the sign-in page and choose "
        "'Forgotten your password?' with this email address.\n\n"
        f"If you did not agree to this, contact {organisation.name}"
        f"{' on ' + organisation.phone if organisation.phone else ''}: they can delete the "
        "account."
    )
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your PA Hub account",
        message=body,
        from_email=None,
        recipient_list=[user.email],
    )


@transaction.atomic
def pa_create_on_behalf(
    *, staff: User, full_name: str, email: str, postcode: str, how_given: str
) -> PAProfile:
    """Assisted digital: make a PA's account and profile, with their recorded agreement.

    The account has no password until the PA sets one from the emailed link, and its email
    address is unverified until they confirm it, exactly as if they had signed up.
    """
    from allauth.account.models import EmailAddress

    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise StaffActionError(
            "There is already an account with this email address. Ask the PA to sign in, or "
            "to reset their password",
            field="email",
        )
    user = User(email=email, full_name=full_name.strip())
    place_user(user, postcode)
    organisation = organisation_serving_area(staff, user.local_authority_id)
    if organisation is None:
        raise StaffActionError(
            f"This postcode is in {user.local_authority.name}, outside the areas your "
            "organisation works in",
            field="postcode",
        )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    audit.record(staff, "account.created_by_staff", user, organisation=organisation.name)
    user_set_roles(user=user, roles=[Role.PA], by=staff)
    profile = PAProfile.objects.create(user=user, display_name=user.full_name.split(" ")[0])
    audit.record(staff, "profile.created", profile, on_behalf=True, organisation=organisation.name)
    consent_record(profile=profile, staff=staff, organisation=organisation, how_given=how_given)
    transaction.on_commit(lambda: _email_set_password(user, organisation))
    return profile


@dataclass(frozen=True)
class StaffProfileChanges:
    """The main fields staff may change for a PA, with their consent."""

    about_me: str
    skills: list[Skill]
    availability: int
    travel_miles: int
    hourly_rate: Decimal | None
    work_wanted: str
    visibility: str


SCALAR_FIELDS = (
    "about_me",
    "availability",
    "travel_miles",
    "hourly_rate",
    "work_wanted",
    "visibility",
)


def consenting_organisation(staff: User, profile: PAProfile) -> Organisation | None:
    consent = (
        assisted_digital_consents()
        .filter(
            person_id=profile.user_id,
            withdrawn_at__isnull=True,
            organisation__memberships__user=staff,
        )
        .select_related("organisation")
        .first()
    )
    return consent.organisation if consent else None


@transaction.atomic
def profile_update_by_staff(
    *, profile: PAProfile, staff: User, changes: StaffProfileChanges
) -> list[str]:
    """Change a PA's profile on their behalf; returns the names of the fields changed."""
    organisation = consenting_organisation(staff, profile)
    if organisation is None or not has_assisted_digital_consent(staff, profile):
        raise PermissionDenied("The PA has not agreed that your organisation may edit this.")
    profile = PAProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    changed = [name for name in SCALAR_FIELDS if getattr(profile, name) != getattr(changes, name)]
    for name in changed:
        setattr(profile, name, getattr(changes, name))
    if changed:
        profile.save(update_fields=[*changed, "updated_at"])
    wanted_skills = {skill.pk for skill in changes.skills}
    if wanted_skills != set(profile.skills.values_list("pk", flat=True)):
        profile.skills.set(changes.skills)
        changed.append("skills")
    if changed:
        audit.record(
            staff,
            "profile.edited_by_staff",
            profile,
            organisation=organisation.name,
            fields=changed,
        )
        profile_recompute_level(profile=profile, by=staff)
    return changed
