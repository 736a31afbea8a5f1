"""Only the PA reaches their equality monitoring pages: visitors sign in, others are refused."""

import pytest
from django.urls import reverse

from pahub.register.equality.models import EqualityMonitoring

PAGES = [
    "register:equality",
    "register:equality_questions",
    "register:equality_background",
    "register:equality_delete",
]


@pytest.mark.parametrize("name", PAGES)
def test_a_visitor_is_sent_to_sign_in(client, db, name):
    url = reverse(name)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize("name", [*PAGES, "register:equality_decline"])
@pytest.mark.parametrize("who", ["employer", "verifier", "org_admin", "admin"])
def test_everyone_but_a_pa_is_refused(request, client_for, name, who):
    user = request.getfixturevalue(who)

    response = client_for(user).post(reverse(name))

    assert response.status_code == 403


def test_a_visitor_cannot_decline_or_delete(client, answered):
    for name in ("register:equality_decline", "register:equality_delete"):
        response = client.post(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    assert EqualityMonitoring.objects.get(pk=answered.pk).answered_at is not None


def test_a_pa_reads_only_their_own_answers(client_for, other_pa, answered):
    content = client_for(other_pa).get(reverse("register:equality")).content.decode()

    assert ">Your answers</h2>" not in content
    assert "16 to 24</dd>" not in content
    assert "Answer the questions" in content


def test_the_pa_sees_the_explanation_and_their_answers(client_for, pa, answered):
    content = client_for(pa).get(reverse("register:equality")).content.decode()

    assert "Who sees your answers" in content
    assert "Employers never see your answers." in content
    assert "16 to 24" in content
    assert "Black, Black British, Caribbean or African: Caribbean" in content


def test_the_pages_read_the_answers_in_a_fixed_number_of_queries(
    client_for, pa, answered, django_assert_max_num_queries
):
    client = client_for(pa)
    client.get(reverse("register:equality"))  # the session and the user, once
    for name in ("register:equality", "register:equality_questions"):
        # The session, user and header counts take 11; the page the profile, the answers and
        # the audit event.
        with django_assert_max_num_queries(16):
            assert client.get(reverse(name)).status_code == 200
