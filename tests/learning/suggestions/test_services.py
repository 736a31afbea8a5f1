"""The suggestion service: the PA hears about it by their choice, never the message itself."""

import pytest

from pahub.learning.models import ModuleSuggestion
from pahub.learning.suggestions.services import (
    SuggestionError,
    suggestion_create,
    suggestion_dismiss,
)
from pahub.notifications.models import Preference


def test_the_pa_is_emailed_without_the_message(
    employer, their_pa, first_module, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        suggestion_create(
            employer=employer,
            pa=their_pa,
            module=first_module,
            message="My private reasons.",
            by=employer,
        )
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["pa@example.org"]
    assert "Your employer suggested a module" in email.subject
    assert "What to expect as a PA" in email.body
    assert "/learning/suggestions/" in email.body
    assert "My private reasons." not in email.body


def test_a_pa_who_turned_the_notice_off_hears_nothing(employer, their_pa, first_module):
    Preference.objects.create(user=their_pa, kind="learning.suggestion", channel="off")
    suggestion_create(employer=employer, pa=their_pa, module=first_module, by=employer)
    assert ModuleSuggestion.objects.count() == 1
    assert not their_pa.notices.exists()


def test_the_service_refuses_someone_elses_pa(other_employer, their_pa, first_module):
    with pytest.raises(SuggestionError) as refused:
        suggestion_create(
            employer=other_employer, pa=their_pa, module=first_module, by=other_employer
        )
    assert refused.value.field == "pa"
    assert ModuleSuggestion.objects.count() == 0


def test_a_module_can_be_suggested_again_once_dismissed(employer, their_pa, first_module):
    first = suggestion_create(employer=employer, pa=their_pa, module=first_module, by=employer)
    suggestion_dismiss(suggestion=first, by=their_pa)
    suggestion_create(employer=employer, pa=their_pa, module=first_module, by=employer)
    assert ModuleSuggestion.objects.count() == 2


def test_dismissing_twice_keeps_the_first_time(employer, their_pa, first_module):
    suggestion = suggestion_create(employer=employer, pa=their_pa, module=first_module, by=employer)
    suggestion_dismiss(suggestion=suggestion, by=their_pa)
    when = suggestion.dismissed_at
    suggestion_dismiss(suggestion=suggestion, by=their_pa)
    suggestion.refresh_from_db()
    assert suggestion.dismissed_at == when
