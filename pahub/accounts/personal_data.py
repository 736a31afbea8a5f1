"""The account's part of a person's data: what the download holds, and what deleting the
account does to their details, roles, organisations and sign-in records."""

from django.utils import timezone

from pahub.accounts.models import (
    Membership,
    OrganisationConsent,
    Representation,
    User,
    UserRole,
)
from pahub.accounts.queries import account_export
from pahub.core.models import AuditEvent
from pahub.core.personal_data import Fate, Step, register


def former_email(user: User) -> str:
    """An address that can never receive mail (.invalid is reserved) and frees the real one,
    so the person may sign up again."""
    return f"former-user-{user.pk}@deleted.invalid"


def anonymise_account(user: User) -> None:
    """The row stays so records others rely on still point somewhere; nothing of the person
    is left on it, and nobody can sign in as it."""
    user.deleted_at = timezone.now()
    user.email = former_email(user)
    user.full_name = ""
    user.known_as = ""
    user.phone = ""
    user.postcode = ""
    user.district = None
    user.local_authority = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    # Changes the session hash too, so every other signed-in session ends.
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def delete_account_records(user: User) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    UserRole.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    Representation.objects.filter(employer=user).delete()
    Representation.objects.filter(representative=user).delete()
    OrganisationConsent.objects.filter(person=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    # The security log keeps what happened (see the privacy notice), no longer linked to them.
    AuditEvent.objects.filter(actor=user).update(actor=None)
    if hasattr(user, "_role_cache"):
        del user._role_cache


register(
    "accounts",
    section=None,
    models={
        "accounts.UserRole": Fate.DELETED,
        "accounts.Membership": Fate.DELETED,
        "accounts.Representation": Fate.DELETED,
        "accounts.OrganisationConsent": Fate.DELETED,
        # The organisation's record of who it invited; the person shows as a former user.
        "accounts.StaffInvitation": Fate.KEPT_ANONYMISED,
        "account.EmailAddress": Fate.DELETED,
        "account.EmailConfirmation": Fate.DELETED,
        "mfa.Authenticator": Fate.DELETED,
        "core.AuditEvent": Fate.KEPT,
    },
    export=account_export,
    erase={Step.IDENTITY: anonymise_account, Step.LAST: delete_account_records},
)
