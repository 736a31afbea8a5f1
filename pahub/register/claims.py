"""Claiming a profile an organisation imported: the invitation, and the PA's acceptance.

An imported profile is hidden from employers until its PA follows the emailed link, checks
the details, agrees that the organisation keeps them, chooses who may see the profile and
sets a password. Only a digest of the link is stored (`pahub.core.tokens`).
"""

import secrets

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import OrganisationConsent
from pahub.core import audit
from pahub.core.tokens import secret_digest
from pahub.register.models import PAProfile, ProfileClaim


def claim_link(raw_token: str) -> str:
    return settings.SITE_URL + reverse("register:claim", kwargs={"token": raw_token})


def _invitation(claim: ProfileClaim, raw_token: str) -> EmailMessage:
    user, organisation = claim.profile.user, claim.organisation
    body = (
        f"Hello {user.display_name},\n\n"
        f"{organisation.name} keeps a register of Personal Assistants and has added your "
        "details to PA Hub, which helps Personal Assistants find work, training and support.\n\n"
        "Nobody else can see your profile yet. To use it, check your details, say who may see "
        f"your profile and choose a password here:\n{claim_link(raw_token)}\n\n"
        f"If you do not want this, ignore this email or ask {organisation.name}"
        f"{' on ' + organisation.phone if organisation.phone else ''} to delete your details."
    )
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your PA Hub profile is waiting for you",
        body=body,
        to=[user.email],
    )


def claims_invite(*, claim_ids: list[int]) -> int:
    """Email each not-yet-invited claim its link; safe to run twice (a claim is invited once).

    The link is made here rather than at import, so the raw token never reaches the database.
    """
    with transaction.atomic():
        claims = list(
            ProfileClaim.objects.select_for_update()
            .filter(pk__in=claim_ids, invited_at__isnull=True, claimed_at__isnull=True)
            .select_related("profile__user", "organisation")
        )
        messages = []
        now = timezone.now()
        for claim in claims:
            raw_token = secrets.token_urlsafe(32)
            claim.token_digest = secret_digest(raw_token)
            claim.invited_at = now
            messages.append(_invitation(claim, raw_token))
        ProfileClaim.objects.bulk_update(claims, ["token_digest", "invited_at"])
    if messages:
        mailers.default.send_messages(messages)
    return len(messages)


def access_claim(raw_token: str) -> ProfileClaim:
    """The only way to load a claim from its link; a wrong or used link is a 404."""
    claim = (
        ProfileClaim.objects.select_related("profile__user__district", "organisation")
        .filter(token_digest=secret_digest(raw_token), claimed_at__isnull=True)
        .first()
    )
    if claim is None or not raw_token:
        raise Http404
    return claim


class ClaimError(ValueError):
    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@transaction.atomic
def claim_accept(*, claim: ProfileClaim, visibility: str, password: str) -> PAProfile:
    """The PA takes over their imported profile: password, consent, who may see it."""
    claim = (
        ProfileClaim.objects.select_for_update().select_related("profile__user").get(pk=claim.pk)
    )
    if claim.claimed_at is not None:
        raise Http404
    profile, user = claim.profile, claim.profile.user
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ClaimError(" ".join(error.messages), field="password1") from None
    from allauth.account.models import EmailAddress

    user.set_password(password)
    user.save(update_fields=["password"])
    # Following the emailed link proves the address.
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
    now = timezone.now()
    if not OrganisationConsent.objects.filter(
        person=user,
        organisation=claim.organisation,
        purpose=OrganisationConsent.Purpose.ASSISTED_DIGITAL,
        withdrawn_at__isnull=True,
    ).exists():
        OrganisationConsent.objects.create(
            purpose=OrganisationConsent.Purpose.ASSISTED_DIGITAL,
            person=user,
            organisation=claim.organisation,
            how_given=f"Agreed online when claiming the profile imported from "
            f"{claim.organisation.name}'s register, {now:%d %B %Y}.",
        )
    profile.visibility = visibility
    profile.save(update_fields=["visibility", "updated_at"])
    if visibility == PAProfile.Visibility.LOCAL and user.local_authority_id:
        profile.visible_in.add(user.local_authority_id)
    claim.claimed_at = now
    claim.token_digest = ""
    claim.save(update_fields=["claimed_at", "token_digest"])
    audit.record(user, "profile.claimed", profile, organisation=claim.organisation.name)
    return profile
