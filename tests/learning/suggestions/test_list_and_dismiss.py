"""/learning/suggestions/: a PA's suggestions received, newest first, and an employer's
suggestions made; dismissing is the PA's own, one suggestion at a time."""

from datetime import timedelta

from django.utils import timezone

from pahub.learning.models import ModuleSuggestion
from tests.factories import UserFactory
from tests.learning.suggestions.making import book_cover, hire

LIST = "/learning/suggestions/"


def suggest(employer, pa, module, *, message="", days_ago=0) -> ModuleSuggestion:
    return ModuleSuggestion.objects.create(
        employer=employer,
        pa=pa,
        module=module,
        message=message,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def dismiss_path(suggestion: ModuleSuggestion) -> str:
    return f"/learning/suggestions/{suggestion.pk}/dismiss/"


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_someone_who_is_neither_pa_nor_employer_is_refused(client_for, db):
    nobody = UserFactory(email="nobody@example.org", roles=[])
    assert client_for(nobody).get(LIST).status_code == 403


def test_a_pa_sees_suggestions_to_them_newest_first(
    client_for, employer, their_pa, first_module, second_module
):
    suggest(employer, their_pa, first_module, message="Start here.", days_ago=3)
    suggest(employer, their_pa, second_module, message="Then this one.", days_ago=1)

    response = client_for(their_pa).get(LIST)
    html = response.content.decode()

    assert response.status_code == 200
    assert html.index("Safeguarding basics") < html.index("What to expect as a PA")
    assert "About 10 minutes" in html
    assert "Suggested by Amira Khan" in html
    assert "Start here." in html and "Then this one." in html
    assert 'href="/learning/courses/induction/what-to-expect/"' in html
    assert 'href="/learning/courses/induction/safeguarding/"' in html
    assert html.count(">Dismiss<") == 2


def test_the_employer_profiles_name_is_shown_when_there_is_one(
    client_for, employer_profile, their_pa, first_module
):
    suggest(employer_profile.user, their_pa, first_module)
    assert "Suggested by Amira on" in client_for(their_pa).get(LIST).content.decode()


def test_a_pa_does_not_see_suggestions_to_someone_else(
    client_for, employer, their_pa, other_pa, first_module
):
    book_cover(employer, other_pa)
    suggest(employer, other_pa, first_module, message="For Chris only.")
    html = client_for(their_pa).get(LIST).content.decode()
    assert "For Chris only." not in html
    assert "No suggestions for you right now" in html


def test_a_dismissed_suggestion_is_not_shown(client_for, employer, their_pa, first_module):
    suggestion = suggest(employer, their_pa, first_module)
    suggestion.dismissed_at = timezone.now()
    suggestion.save(update_fields=["dismissed_at"])
    assert "What to expect as a PA" not in client_for(their_pa).get(LIST).content.decode()


def test_an_employer_sees_the_suggestions_they_made(
    client_for, employer, their_pa, other_pa, other_employer, first_module, second_module
):
    suggest(employer, their_pa, first_module, message="Ours.")
    hire(other_employer, other_pa)
    suggest(other_employer, other_pa, second_module, message="Not ours.")

    html = client_for(employer).get(LIST).content.decode()

    assert "Suggestions you made" in html
    assert "Suggested to Jordan Reed" in html and "Ours." in html
    assert "Not ours." not in html and "Chris Lowe" not in html
    assert 'href="/learning/suggestions/new/"' in html
    assert "Suggested to you" not in html


def test_a_representative_sees_the_suggestions_made_for_the_employer(
    client_for, employer, representative, their_pa, first_module
):
    suggest(employer, their_pa, first_module, message="From Amira.")
    html = client_for(representative).get(LIST).content.decode()
    assert "From Amira." in html


def test_an_employer_who_is_not_the_pas_sees_none_of_it(
    client_for, employer, other_employer, their_pa, first_module
):
    suggest(employer, their_pa, first_module, message="Private.")
    html = client_for(other_employer).get(LIST).content.decode()
    assert "Private." not in html and "Jordan Reed" not in html


def test_the_list_reads_the_same_number_of_queries_however_many_suggestions(
    client_for, employer, their_pa, first_module, second_module, django_assert_max_num_queries
):
    client = client_for(their_pa)
    suggest(employer, their_pa, first_module)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    for n in range(10):
        other = UserFactory(email=f"employer{n}@example.org", roles=["employer"])
        suggest(other, their_pa, second_module, message=f"Number {n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get(LIST).content.decode()
    assert "Number 9" in html


# Dismissing


def test_a_pa_dismisses_a_suggestion_to_them(client_for, employer, their_pa, first_module):
    suggestion = suggest(employer, their_pa, first_module)
    response = client_for(their_pa).post(dismiss_path(suggestion))
    assert response.status_code == 302
    assert response["Location"] == LIST
    suggestion.refresh_from_db()
    assert suggestion.dismissed_at is not None


def test_another_pa_cannot_dismiss_it(client_for, employer, their_pa, other_pa, first_module):
    suggestion = suggest(employer, their_pa, first_module)
    assert client_for(other_pa).post(dismiss_path(suggestion)).status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.dismissed_at is None


def test_the_employer_who_made_it_cannot_dismiss_it(client_for, employer, their_pa, first_module):
    suggestion = suggest(employer, their_pa, first_module)
    assert client_for(employer).post(dismiss_path(suggestion)).status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.dismissed_at is None


def test_dismissing_needs_sign_in_and_a_post(client, client_for, employer, their_pa, first_module):
    suggestion = suggest(employer, their_pa, first_module)
    assert client.post(dismiss_path(suggestion)).status_code == 302
    assert client_for(their_pa).get(dismiss_path(suggestion)).status_code == 405
    suggestion.refresh_from_db()
    assert suggestion.dismissed_at is None


def test_dismissing_a_suggestion_that_does_not_exist_is_404(client_for, their_pa):
    assert client_for(their_pa).post("/learning/suggestions/999999/dismiss/").status_code == 404
