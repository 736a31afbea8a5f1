"""/learning/suggestions/new/: an employer (or someone acting for them) suggests a module to
one of their PAs. Everyone else is refused; nobody learns of other PAs."""

import re

import pytest
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.core.models import AuditEvent
from pahub.learning.models import ModuleSuggestion
from pahub.notifications.models import Notice
from tests.factories import UserFactory, give_employer_consent, grant_representation

NEW = "/learning/suggestions/new/"


def new_for(employer) -> str:
    return f"/learning/suggestions/new/{employer.pk}/"


def error_next_to(html: str, field: str) -> str:
    """The error message shown in the field's own form group."""
    found = re.search(rf'id="id_{field}-error"[^>]*>\s*<span[^>]*>Error:</span>\s*([^<]+)', html)
    assert found, f"no error next to {field}"
    return found.group(1).strip()


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get(NEW)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_pa_who_employs_nobody_is_refused(client_for, pa):
    assert client_for(pa).get(NEW).status_code == 403


def test_the_employer_chooses_from_their_pas_by_name(
    client_for, employer, their_pa, other_pa, course
):
    response = client_for(employer).get(NEW)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="radio"' in html and "Jordan Reed" in html
    assert "Chris Lowe" not in html
    assert '<optgroup label="Induction for Personal Assistants">' in html
    assert "What to expect as a PA (10 minutes)" in html


def test_an_employer_without_pas_is_told_who_they_can_suggest_to(client_for, employer, course):
    html = client_for(employer).get(NEW).content.decode()
    assert "You do not have a PA like that yet" in html
    assert 'name="pa"' not in html


def test_the_employer_suggests_a_module_and_the_pa_is_told(
    client_for, employer, their_pa, first_module
):
    response = client_for(employer).post(
        NEW, {"pa": their_pa.pk, "module": first_module.pk, "message": "This one helps."}
    )

    assert response.status_code == 302
    assert response["Location"] == "/learning/suggestions/"
    suggestion = ModuleSuggestion.objects.get()
    assert (suggestion.employer, suggestion.pa, suggestion.module) == (
        employer,
        their_pa,
        first_module,
    )
    assert suggestion.message == "This one helps."
    notice = Notice.objects.get(recipient=their_pa)
    assert notice.kind == "learning.suggestion"
    assert notice.title == "Your employer suggested a module"
    assert "What to expect as a PA" in notice.body
    assert notice.url == "/learning/suggestions/"
    assert AuditEvent.objects.filter(action="learning.suggestion_made", actor=employer).exists()


def test_a_representative_suggests_for_the_employer_they_act_for(
    client_for, employer, representative, their_pa, first_module
):
    client = client_for(representative)
    page = client.get(NEW).content.decode()
    assert "You are acting for <strong>Amira Khan</strong>" in page
    assert "Jordan Reed" in page

    response = client.post(NEW, {"pa": their_pa.pk, "module": first_module.pk, "message": ""})

    assert response.status_code == 302
    suggestion = ModuleSuggestion.objects.get()
    assert suggestion.employer == employer
    assert AuditEvent.objects.filter(
        action="learning.suggestion_made", actor=representative
    ).exists()


def test_someone_acting_for_two_employers_chooses_whom_for_first(
    client_for, employer, representative, other_employer
):
    grant_representation(employer=other_employer, representative=representative)
    html = client_for(representative).get(NEW).content.decode()
    assert "Who are you suggesting a module for?" in html
    assert f'href="{new_for(employer)}"' in html
    assert f'href="{new_for(other_employer)}"' in html


def test_staff_with_the_employers_consent_can_suggest(
    client_for, employer, verifier, organisation, their_pa, first_module
):
    give_employer_consent(employer=employer, organisation=organisation)
    response = client_for(verifier).post(
        new_for(employer), {"pa": their_pa.pk, "module": first_module.pk}
    )
    assert response.status_code == 302
    assert ModuleSuggestion.objects.get().employer == employer


def test_an_employer_cannot_open_another_employers_form(client_for, other_employer, employer):
    assert client_for(other_employer).get(new_for(employer)).status_code == 404


def test_an_outsider_cannot_open_an_employers_form(client_for, outsider, employer):
    assert client_for(outsider).get(new_for(employer)).status_code == 404


def test_suggesting_to_someone_elses_pa_is_refused_and_reveals_nothing(
    client_for, other_employer, their_pa, first_module
):
    response = client_for(other_employer).post(
        NEW, {"pa": their_pa.pk, "module": first_module.pk, "message": "Hello"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jordan Reed" not in html
    assert ModuleSuggestion.objects.count() == 0
    assert Notice.objects.count() == 0


def test_suggesting_to_someone_elses_pa_through_their_own_list_is_refused(
    client_for, other_employer, their_pa, other_pa, first_module
):
    """Bill has a PA of his own, so the form shows; Jordan is not on his list."""
    from tests.learning.suggestions.making import hire

    hire(other_employer, other_pa)
    response = client_for(other_employer).post(NEW, {"pa": their_pa.pk, "module": first_module.pk})
    html = response.content.decode()
    assert error_next_to(html, "pa") == "Choose one of your PAs from the list"
    assert "Jordan Reed" not in html
    assert ModuleSuggestion.objects.count() == 0


def test_no_pa_chosen_says_so_next_to_the_field_and_keeps_the_rest(
    client_for, employer, their_pa, first_module
):
    response = client_for(employer).post(
        NEW, {"module": first_module.pk, "message": "Please have a look."}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert error_next_to(html, "pa") == "Choose the PA you want to suggest a module to"
    assert "govuk-error-summary" in html and html.count("Error:") >= 1
    assert f'<option value="{first_module.pk}" selected>' in html
    assert "Please have a look.</textarea>" in html
    assert ModuleSuggestion.objects.count() == 0


def test_no_module_chosen_says_so_next_to_the_field_and_keeps_the_rest(
    client_for, employer, their_pa, first_module
):
    response = client_for(employer).post(NEW, {"pa": their_pa.pk, "module": "", "message": "Hi"})
    html = response.content.decode()
    assert error_next_to(html, "module") == "Choose a module to suggest"
    assert f'value="{their_pa.pk}" checked' in html
    assert "Hi</textarea>" in html
    assert ModuleSuggestion.objects.count() == 0


def test_a_message_too_long_says_so_next_to_the_field_and_keeps_it(
    client_for, employer, their_pa, first_module
):
    long_message = "a" * 1001
    response = client_for(employer).post(
        NEW, {"pa": their_pa.pk, "module": first_module.pk, "message": long_message}
    )
    html = response.content.decode()
    assert error_next_to(html, "message") == "Your message must be 1,000 characters or fewer"
    assert f"{long_message}</textarea>" in html
    assert f'value="{their_pa.pk}" checked' in html
    assert ModuleSuggestion.objects.count() == 0


def test_a_message_of_exactly_1000_characters_is_accepted(
    client_for, employer, their_pa, first_module
):
    response = client_for(employer).post(
        NEW, {"pa": their_pa.pk, "module": first_module.pk, "message": "a" * 1000}
    )
    assert response.status_code == 302


def test_a_retired_module_cannot_be_suggested(client_for, employer, their_pa, first_module):
    first_module.retired_at = timezone.now()
    first_module.save(update_fields=["retired_at"])
    html = (
        client_for(employer)
        .post(NEW, {"pa": their_pa.pk, "module": first_module.pk})
        .content.decode()
    )
    assert error_next_to(html, "module") == "Choose a module from the list"
    assert ModuleSuggestion.objects.count() == 0


def test_the_same_module_cannot_be_suggested_twice_while_the_first_stands(
    client_for, employer, their_pa, first_module
):
    client = client_for(employer)
    client.post(NEW, {"pa": their_pa.pk, "module": first_module.pk})
    html = client.post(NEW, {"pa": their_pa.pk, "module": first_module.pk}).content.decode()
    assert error_next_to(html, "module") == "You have already suggested this module to this PA"
    assert ModuleSuggestion.objects.count() == 1


@pytest.mark.parametrize("method", ["put", "delete"])
def test_other_methods_are_not_allowed(client_for, employer, method):
    assert getattr(client_for(employer), method)(NEW).status_code == 405


def test_a_person_with_no_role_is_refused(client_for, db):
    nobody = UserFactory(email="nobody@example.org", roles=[])
    assert client_for(nobody).get(NEW).status_code == 403


def test_an_employer_role_is_needed_to_suggest_as_yourself(client_for, db):
    """A representative whose grant is gone acts for no one."""
    former = UserFactory(email="former@example.org", roles=[Role.REPRESENTATIVE])
    assert client_for(former).get(NEW).status_code == 403
