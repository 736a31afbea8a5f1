"""Contact details are swapped only when both sides have pressed "Share my contact details"."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.messaging.models import Block, Conversation

EMPLOYER_PHONE = "0191 498 0001"
PA_PHONE = "07700 900123"


@pytest.fixture(autouse=True)
def phones(employer, pa):
    employer.phone = EMPLOYER_PHONE
    employer.save(update_fields=["phone"])
    pa.phone = PA_PHONE
    pa.save(update_fields=["phone"])


def page(client, conversation) -> str:
    return client.get(reverse("messaging:conversation", args=[conversation.pk])).content.decode()


def api(client, conversation) -> str:
    return client.get(f"/api/v1/conversations/{conversation.pk}").content.decode()


def share(client, conversation):
    return client.post(reverse("messaging:contact_share", args=[conversation.pk]))


def withdraw(client, conversation):
    return client.post(reverse("messaging:contact_withdraw", args=[conversation.pk]))


def assert_no_pa_details(text: str) -> None:
    assert "pa@example.org" not in text
    assert PA_PHONE not in text
    assert "Jordan Reed" not in text


def assert_no_employer_details(text: str) -> None:
    assert "employer@example.org" not in text
    assert EMPLOYER_PHONE not in text
    assert "Amira Khan" not in text


def test_nobody_sees_contact_details_before_anyone_shares(
    client_for, employer, representative, pa, conversation
):
    for person in (employer, representative):
        assert_no_pa_details(page(client_for(person), conversation))
        assert_no_pa_details(api(client_for(person), conversation))
    assert_no_employer_details(page(client_for(pa), conversation))
    assert_no_employer_details(api(client_for(pa), conversation))
    assert "Neither of you has shared yet." in page(client_for(pa), conversation)


def test_one_side_sharing_shows_nothing_yet_and_says_who_we_wait_for(
    client_for, employer, pa, conversation
):
    response = share(client_for(employer), conversation)

    assert response.status_code == 302
    employer_page = page(client_for(employer), conversation)
    assert "You have shared; waiting for Jordan." in employer_page
    assert_no_pa_details(employer_page)
    assert_no_pa_details(api(client_for(employer), conversation))
    pa_page = page(client_for(pa), conversation)
    assert "Amira has shared. Share yours to see each other's." in pa_page
    assert_no_employer_details(pa_page)
    assert_no_employer_details(api(client_for(pa), conversation))


def test_when_both_share_each_side_sees_the_other(
    client_for, employer, representative, pa, conversation
):
    share(client_for(pa), conversation)
    share(client_for(representative), conversation)  # on Amira's behalf

    for person in (employer, representative):
        employer_side_page = page(client_for(person), conversation)
        assert "pa@example.org" in employer_side_page
        assert PA_PHONE in employer_side_page
        assert "Jordan Reed" in employer_side_page
    pa_page = page(client_for(pa), conversation)
    assert "employer@example.org" in pa_page
    assert EMPLOYER_PHONE in pa_page
    assert "representative@example.org" not in pa_page  # the employer's details, not Sara's
    details = client_for(pa).get(f"/api/v1/conversations/{conversation.pk}").json()
    assert details["contact"]["details"] == {
        "name": "Amira Khan",
        "email": "employer@example.org",
        "phone": EMPLOYER_PHONE,
    }


def test_sharing_twice_changes_nothing(client_for, pa, conversation):
    share(client_for(pa), conversation)
    first = Conversation.objects.get(pk=conversation.pk).pa_shared_contact_at

    share(client_for(pa), conversation)

    assert Conversation.objects.get(pk=conversation.pk).pa_shared_contact_at == first
    assert AuditEvent.objects.filter(action="conversation.contact_shared").count() == 1


def test_an_offer_can_be_taken_back_until_the_other_side_shares(
    client_for, employer, pa, conversation
):
    share(client_for(pa), conversation)

    response = withdraw(client_for(pa), conversation)

    assert response.status_code == 302
    assert Conversation.objects.get(pk=conversation.pk).pa_shared_contact_at is None
    assert AuditEvent.objects.filter(action="conversation.contact_withdrawn").count() == 1
    share(client_for(employer), conversation)
    assert_no_pa_details(page(client_for(employer), conversation))


def test_once_both_have_shared_it_cannot_be_taken_back(client_for, employer, pa, conversation):
    share(client_for(pa), conversation)
    share(client_for(employer), conversation)

    client = client_for(pa)
    response = withdraw(client, conversation)

    assert response.status_code == 302
    assert Conversation.objects.get(pk=conversation.pk).contact_shared
    followed = client.get(response.url).content.decode()
    assert "You have both shared your contact details, so they cannot be taken back." in followed
    assert "employer@example.org" in followed


def test_sharing_is_audited_with_who_pressed_it(client_for, representative, conversation):
    share(client_for(representative), conversation)

    event = AuditEvent.objects.get(action="conversation.contact_shared")
    assert event.actor == representative
    assert event.detail["side"] == "employer"


def test_a_block_hides_details_already_shared(client_for, employer, pa, conversation):
    share(client_for(pa), conversation)
    share(client_for(employer), conversation)
    Block.objects.create(blocker=pa, blocked=employer)

    assert_no_pa_details(page(client_for(employer), conversation))
    assert_no_employer_details(page(client_for(pa), conversation))
    assert_no_employer_details(api(client_for(pa), conversation))


def test_nobody_can_share_while_blocked(client_for, employer, pa, conversation):
    Block.objects.create(blocker=employer, blocked=pa)

    response = share(client_for(pa), conversation)

    assert response.status_code == 302
    assert Conversation.objects.get(pk=conversation.pk).pa_shared_contact_at is None


def test_sharing_needs_a_post(client_for, pa, conversation):
    url = reverse("messaging:contact_share", args=[conversation.pk])

    assert client_for(pa).get(url).status_code == 405
