"""Who may do what with module suggestions. The only place these rules live.

Making a suggestion: the employer side as everywhere else, through
`pahub.employers.permissions.access_employer_for_actor` (the employer themself,
representatives with an active grant, staff with the employer's consent and two-factor),
and only to one of the employer's PAs (`queries.pas_of_employer`). Reading and dismissing
a suggestion: the PA it was made to.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Role, User
from pahub.learning.models import ModuleSuggestion
from pahub.learning.suggestions.queries import pas_of_employer

NOT_FOR_YOU = "Suggestions are for PAs, employers and the people acting for them."


def is_pa(user: User) -> bool:
    return user.is_authenticated and user.has_role(Role.PA)


def is_their_pa(employer: User, pa: User) -> bool:
    """Whether `pa` is one of the employer's PAs (never says why not)."""
    return pas_of_employer(employer).filter(pk=pa.pk).exists()


def access_suggestion_for_pa(user: User, suggestion_id: int) -> ModuleSuggestion:
    """A suggestion made to the signed-in PA; 404 for anyone else's."""
    suggestion = get_object_or_404(ModuleSuggestion, pk=suggestion_id)
    if suggestion.pa_id != user.pk:
        raise Http404
    return suggestion
