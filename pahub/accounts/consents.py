"""Agreements staff record that their organisation may act for someone
(`OrganisationConsent`): telling the person, showing them, and letting them withdraw.

Staff record an agreement in the app it is for (`employers.services.help_consent_record`,
`register.verification.assisted_digital.consent_record`); both call `tell_person_consent_recorded`, so
nobody's agreement is ever recorded silently. The person withdraws it from their account here;
the acting-for checks read `withdrawn_at`, so it takes effect at once.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import OrganisationConsent, User
from pahub.core import audit

Purpose = OrganisationConsent.Purpose

# What an agreement lets the organisation's staff do, completing "…'s staff may …".
WHAT_IT_ALLOWS = {
    Purpose.ACT_FOR_EMPLOYER: (
        "act for you on PA Hub as an employer: set up and change your employer profile, post "
        "and change jobs, message PAs and arrange cover for you"
    ),
    Purpose.ASSISTED_DIGITAL: (
        "create and change your PA profile for you, and add evidence to it, such as a DBS "
        "certificate or a qualification"
    ),
}

# The same, as staff read it about the person.
FOR_STAFF = {
    Purpose.ACT_FOR_EMPLOYER: "act for them on PA Hub as an employer",
    Purpose.ASSISTED_DIGITAL: "create or change their PA profile for them",
}


def what_it_allows(consent: OrganisationConsent) -> str:
    return WHAT_IT_ALLOWS[Purpose(consent.purpose)]


def consents_for(person: User) -> QuerySet[OrganisationConsent]:
    """The person's agreements, current first, then withdrawn, newest first."""
    return (
        OrganisationConsent.objects.filter(person=person)
        .select_related("organisation", "recorded_by")
        .order_by("-withdrawn_at", "-recorded_at")
    )


def _send(*, template: str, to: str, context: dict) -> None:
    """Send after the change is saved (a rollback sends nothing), via the task queue."""
    context = context | {"site_url": settings.SITE_URL}
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}_body.txt", context)
    transaction.on_commit(
        lambda: send_mail(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            message=body,
            from_email=None,
            recipient_list=[to],
        )
    )


def tell_person_consent_recorded(consent: OrganisationConsent) -> None:
    """Email the person: which organisation, which member of staff, what it lets them do and
    how to withdraw it."""
    organisation = consent.organisation
    _send(
        template="consent_recorded",
        to=consent.person.email,
        context={
            "name": consent.person.display_name,
            "organisation": organisation.name,
            "organisation_contact": organisation.email or organisation.phone,
            "staff_name": consent.recorded_by.display_name if consent.recorded_by else "",
            "recorded_on": timezone.localtime(consent.recorded_at),
            "allows": what_it_allows(consent),
            "how_given": consent.how_given,
            "account_link": settings.SITE_URL + reverse("accounts:home") + "#consents",
            "support": settings.PAHUB_SUPPORT,
        },
    )


@transaction.atomic
def consent_withdraw_by_person(*, consent: OrganisationConsent, by: User) -> OrganisationConsent:
    """The person withdraws their agreement: from now on the organisation's staff cannot act
    for them. Audited, and the member of staff who recorded it is told."""
    consent = (
        # Lock the consent's row only: PostgreSQL cannot lock the nullable side of the outer
        # join that `recorded_by` needs.
        OrganisationConsent.objects.select_for_update(of=("self",))
        .select_related("organisation", "recorded_by", "person")
        .get(pk=consent.pk)
    )
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    audit.record(
        by,
        "organisation_consent.withdrawn_by_person",
        consent.person,
        organisation=consent.organisation.name,
        purpose=consent.purpose,
    )
    if consent.recorded_by is not None:
        _send(
            template="consent_withdrawn",
            to=consent.recorded_by.email,
            context={
                "staff_name": consent.recorded_by.display_name,
                "person": consent.person.display_name,
                "organisation": consent.organisation.name,
                "purpose": FOR_STAFF[Purpose(consent.purpose)],
                "withdrawn_on": timezone.localtime(consent.withdrawn_at),
            },
        )
    return consent
