"""Writes for module suggestions: one function per action, called by the pages and the API.

The caller has already loaded the employer through
`pahub.employers.permissions.access_employer_for_actor`; these functions check the rest
(the PA is the employer's, the module may be suggested, the message is short enough) so
the pages and the API cannot differ.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.core.forms import FieldInputError
from pahub.core.text_rules import text_problem
from pahub.employers.queries import employer_name
from pahub.learning.models import Module, ModuleSuggestion
from pahub.learning.notices import SUGGESTION
from pahub.learning.suggestions.permissions import is_their_pa
from pahub.learning.suggestions.queries import suggestable_modules
from pahub.notifications.services import notify

MESSAGE_LIMIT = 1000
NOT_THEIR_PA = "Choose one of your PAs from the list"
NOT_SUGGESTABLE = "Choose a module from the list"
MESSAGE_TOO_LONG = f"Your message must be {MESSAGE_LIMIT:,} characters or fewer"
NOTICE_TITLE = "Your employer suggested a module"


class SuggestionError(FieldInputError):
    """A suggestion breaks a rule; `field` is "pa", "module" or "message"."""


def suggestion_problem(*, employer: User, pa: User, module: Module, message: str) -> None:
    """Raise SuggestionError for the first rule broken. The same words whether the PA does
    not exist or is someone else's, so nobody learns who else uses PA Hub."""
    if not is_their_pa(employer, pa):
        raise SuggestionError("pa", NOT_THEIR_PA)
    if not suggestable_modules().filter(pk=module.pk).exists():
        raise SuggestionError("module", NOT_SUGGESTABLE)
    if len(message) > MESSAGE_LIMIT:
        raise SuggestionError("message", MESSAGE_TOO_LONG)
    problem = text_problem(message, one_line=False)
    if problem:
        raise SuggestionError("message", problem)
    already = ModuleSuggestion.objects.filter(
        employer=employer, pa=pa, module=module, dismissed_at__isnull=True
    ).exists()
    if already:
        raise SuggestionError("module", "You have already suggested this module to this PA")


@transaction.atomic
def suggestion_create(
    *, employer: User, pa: User, module: Module, message: str = "", by: User
) -> ModuleSuggestion:
    """Suggest `module` to the employer's PA `pa`, and tell the PA. `by` is who did it: the
    employer, or someone acting for them (recorded in the audit log)."""
    message = message.strip()
    suggestion_problem(employer=employer, pa=pa, module=module, message=message)
    suggestion = ModuleSuggestion.objects.create(
        employer=employer, pa=pa, module=module, message=message
    )
    audit.record(by, "learning.suggestion_made", suggestion, employer=employer.pk, pa=pa.pk)
    tell_pa(suggestion)
    return suggestion


def tell_pa(suggestion: ModuleSuggestion) -> None:
    """An in-app notice, and an email by the PA's choice. It names the employer and the
    module, never the message (the PA reads that on PA Hub)."""
    module = suggestion.module
    version = module.current_version
    title = version.title if version is not None else module.slug
    minutes = f" ({version.minutes} minutes)" if version is not None else ""
    who = employer_name(suggestion.employer)
    path = reverse("learning:suggestions:list")
    body = f"{who} suggested “{title}”{minutes}."
    email_body = (
        f"Hello,\n\n{who} suggested a module of PA Hub's free training to you: "
        f"“{title}”{minutes}.\n\nSee the suggestion, and start the module, here:\n"
        f"{settings.SITE_URL}{path}\n"
    )
    notify(
        suggestion.pa,
        SUGGESTION.key,
        title=NOTICE_TITLE,
        body=body,
        url=path,
        email=(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{NOTICE_TITLE}", email_body),
    )


@transaction.atomic
def suggestion_dismiss(*, suggestion: ModuleSuggestion, by: User) -> ModuleSuggestion:
    """The PA puts a suggestion away. Dismissing twice changes nothing."""
    if suggestion.dismissed_at is not None:
        return suggestion
    suggestion.dismissed_at = timezone.now()
    suggestion.save(update_fields=["dismissed_at"])
    audit.record(by, "learning.suggestion_dismissed", suggestion)
    return suggestion
