"""A person's name goes into email headers and greetings, so it is one line of ordinary text:
a line break, control character or text-direction override is refused beside the answer at
sign-up and on the details page, with nothing saved and no email sent."""

from django.core import mail
from django.urls import reverse

from pahub.accounts.models import User
from pahub.core.text_rules import ONE_LINE_MESSAGE
from tests.accounts.signing_up import signup_form
from tests.accounts.test_my_account import details_form
from tests.hostile import BAD_ONE_LINE, LINE_BREAK


def error_beside(response, field: str) -> str:
    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}-error"' in content
    return content.split(f'id="id_{field}-error"', 1)[1].split("</p>", 1)[0]


def test_sign_up_refuses_a_name_over_two_lines_and_sends_nothing(client, db):
    for typed in BAD_ONE_LINE:
        response = client.post(reverse("account_signup"), signup_form(full_name=typed))
        error_beside(response, "full_name")

    response = client.post(reverse("account_signup"), signup_form(full_name=LINE_BREAK))
    assert ONE_LINE_MESSAGE in error_beside(response, "full_name")
    assert not User.objects.filter(email="priya@example.org").exists()
    assert mail.outbox == []


def test_the_details_page_refuses_the_same_and_keeps_the_name(client_for, pa):
    client = client_for(pa)

    for typed in BAD_ONE_LINE:
        for field in ("full_name", "known_as"):
            response = client.post(reverse("accounts:details"), details_form(**{field: typed}))
            error_beside(response, field)
    pa.refresh_from_db()
    assert pa.full_name == "Jordan Reed"
