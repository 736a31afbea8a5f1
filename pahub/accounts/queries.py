"""Read functions for accounts."""

from datetime import date
from typing import Any

from django.db.models import Count, DateField, QuerySet
from django.db.models.fields.json import KeyTextTransform

from pahub.accounts.models import Membership, Organisation, Representation, User
from pahub.core import personal_data
from pahub.core.local_time import LocalMonth
from pahub.core.models import AuditEvent

# The explanation at the top of every download, in plain English.
EXPORT_README = [
    "This file holds everything PA Hub keeps about you, for your right of access "
    "(UK GDPR Article 15). It is JSON: any text editor can open it.",
    "account, roles, email_addresses, organisations and the representatives parts are your "
    "account. activity_log is what you did on PA Hub, from our security log.",
    "pa_register is your PA profile, evidence and code of conduct. employer is your employer "
    "profile, with your access needs.",
    "jobs holds the jobs you posted (with who applied) and your applications. messages holds "
    "your conversations. cover holds your cover requests, offers, bookings and the hours "
    "worked on them. A part you have nothing in is null.",
    "Other people appear by the name they chose to show; their contact details are not here.",
]


def representations_for(user: User) -> dict[str, QuerySet[Representation]]:
    related = Representation.objects.select_related("employer", "representative", "granted_by")
    return {
        "acting_for_me": related.filter(employer=user).exclude(
            status=Representation.Status.DECLINED
        ),
        "i_act_for": related.filter(representative=user).exclude(
            status=Representation.Status.DECLINED
        ),
    }


def memberships_for(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def user_data_export(user: User) -> dict[str, Any]:
    """Everything PA Hub holds about a person, for their right of access (UK GDPR Art. 15):
    every app's part, from the one registry (`core.personal_data`)."""
    return {"README": EXPORT_README, **personal_data.registry.export(user)}


def account_export(user: User) -> dict[str, Any]:
    """The account's own part of the download: details, roles, organisations, activity."""
    from allauth.account.models import EmailAddress

    reps = representations_for(user)
    export: dict[str, Any] = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "known_as": user.known_as,
            "phone": user.phone,
            "postcode": user.postcode,
            "district": user.district_id,
            "local_authority": user.local_authority.name if user.local_authority else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "roles": sorted(user.role_set),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "organisations": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in memberships_for(user)
        ],
        "representatives_acting_for_me": [representation_export(r) for r in reps["acting_for_me"]],
        "employers_i_act_for": [representation_export(r) for r in reps["i_act_for"]],
        "activity_log": [
            {"at": event.at.isoformat(), "action": event.action, "detail": event.detail}
            for event in AuditEvent.objects.filter(actor=user).order_by("at")[:5000]
        ],
    }
    return export


def representation_export(representation: Representation) -> dict[str, Any]:
    return {
        "employer": representation.employer.display_name,
        "representative": representation.representative.display_name,
        "relationship": representation.relationship,
        "status": representation.status,
        "granted_at": representation.granted_at.isoformat() if representation.granted_at else None,
    }


def deleted_pa_accounts_by_month() -> list[tuple[str, date, int]]:
    """(local authority, first day of month, number) of accounts of PAs deleted, from the
    security log: deleting an account clears the person's area, so the log's note of it
    (`services.user_delete`) is the only record of where a leaving PA lived. Deletions
    logged before the area was noted have none, and are left out."""
    rows = (
        AuditEvent.objects.filter(action="account.deleted", detail__was_pa=True)
        .annotate(
            area=KeyTextTransform("local_authority", "detail"),
            month=LocalMonth("at", output_field=DateField()),
        )
        .values("area", "month")
        .annotate(number=Count("pk"))
        .order_by()
    )
    return [(row["area"], row["month"], row["number"]) for row in rows if row["area"]]


def insights_local_authority_ids(user: User) -> frozenset[str]:
    """The local authorities whose insights this person reads: those of the councils where an
    admin switched on `views_insights` for them. Nobody else reads insights, site
    administrators included, unless a council switches it on for them."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        Organisation.local_authorities.through.objects.filter(
            organisation__kind=Organisation.Kind.LOCAL_AUTHORITY,
            organisation__memberships__user=user,
            organisation__memberships__views_insights=True,
        ).values_list("localauthority_id", flat=True)
    )
