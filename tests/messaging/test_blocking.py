"""Blocking: either side stops all messages between an employer and a PA; only the side that
blocked can unblock."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.messaging.models import Block, Message
from pahub.messaging.queries import is_blocked_between
from pahub.messaging.services import (
    MessagingError,
    conversation_get_or_create,
    hub_event_post,
    message_post,
)


def page_url(conversation) -> str:
    return reverse("messaging:conversation", args=[conversation.pk])


def block(client, conversation):
    return client.post(reverse("messaging:block", args=[conversation.pk]))


def unblock(client, conversation):
    return client.post(reverse("messaging:unblock", args=[conversation.pk]))


def test_is_blocked_between_sees_a_block_either_way(employer, pa, other_pa):
    assert not is_blocked_between(employer, pa)

    Block.objects.create(blocker=pa, blocked=employer)

    assert is_blocked_between(employer, pa)
    assert not is_blocked_between(employer, other_pa)

    Block.objects.all().delete()
    Block.objects.create(blocker=employer, blocked=pa)

    assert is_blocked_between(employer, pa)


def test_the_block_page_explains_what_blocking_does(client_for, pa, conversation):
    response = client_for(pa).get(reverse("messaging:block", args=[conversation.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Are you sure you want to block Amira?" in page
    assert "neither of you can send messages to the other" in page
    assert not Block.objects.exists()


def test_the_pa_blocks_the_employer(client_for, pa, employer, conversation):
    response = block(client_for(pa), conversation)

    assert response.status_code == 302
    assert Block.objects.filter(blocker=pa, blocked=employer).exists()
    event = AuditEvent.objects.get(action="conversation.blocked")
    assert event.actor == pa


def test_a_representative_blocks_the_pa_on_the_employers_behalf(
    client_for, representative, employer, pa, conversation
):
    block(client_for(representative), conversation)

    assert Block.objects.filter(blocker=employer, blocked=pa).exists()
    assert AuditEvent.objects.get(action="conversation.blocked").actor == representative


@pytest.mark.parametrize("writer", ["pa", "employer", "representative", "helping_staff"])
def test_nobody_can_write_once_either_side_has_blocked(
    client_for, request, pa, employer, conversation, writer
):
    Block.objects.create(blocker=pa, blocked=employer)

    response = client_for(request.getfixturevalue(writer)).post(
        page_url(conversation), {"body": "Are you there?"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Messages can no longer be sent between you and this person." in page
    assert conversation.messages.count() == 2


def test_the_blocked_side_is_told_plainly_and_has_no_reply_box(
    client_for, pa, employer, conversation
):
    Block.objects.create(blocker=pa, blocked=employer)

    page = client_for(employer).get(page_url(conversation)).content.decode()

    assert "Messages can no longer be sent in this conversation." in page
    assert 'name="body"' not in page
    assert "Unblock" not in page


def test_the_blocker_sees_the_block_and_can_undo_it(client_for, pa, employer, conversation):
    client = client_for(pa)
    block(client, conversation)

    page = client.get(page_url(conversation)).content.decode()
    assert "You have blocked Amira" in page
    assert "Unblock Amira" in page

    response = unblock(client, conversation)

    assert response.status_code == 302
    assert not is_blocked_between(employer, pa)
    assert AuditEvent.objects.filter(action="conversation.unblocked").count() == 1
    client.post(page_url(conversation), {"body": "Sorry, wrong button."})
    assert conversation.messages.count() == 3


def test_anyone_on_the_employer_side_can_lift_the_employers_block(
    client_for, representative, helping_staff, employer, pa, conversation
):
    block(client_for(representative), conversation)

    unblock(client_for(helping_staff), conversation)

    assert not is_blocked_between(employer, pa)


def test_the_other_side_cannot_lift_a_block(client_for, pa, employer, conversation):
    Block.objects.create(blocker=employer, blocked=pa)
    client = client_for(pa)

    response = unblock(client, conversation)

    assert response.status_code == 302
    assert is_blocked_between(employer, pa)
    assert "There is no block of yours to remove." in client.get(response.url).content.decode()


def test_a_block_covers_every_conversation_between_the_two(client_for, pa, employer, conversation):
    general = conversation_get_or_create(employer=employer, pa=pa)
    block(client_for(pa), conversation)

    client_for(employer).post(page_url(general), {"body": "Hello again"})

    assert general.messages.count() == 0


def test_the_service_refuses_a_persons_message_while_blocked_whoever_calls_it(
    pa, employer, conversation
):
    Block.objects.create(blocker=employer, blocked=pa)

    with pytest.raises(MessagingError) as refused:
        message_post(
            conversation=conversation,
            author=pa,
            author_role=Message.AuthorRole.PA,
            body="Let me apply",
        )

    assert refused.value.code == "blocked"
    assert conversation.messages.count() == 2


def test_pa_hub_event_lines_still_go_in_while_blocked(pa, employer, conversation):
    Block.objects.create(blocker=employer, blocked=pa)

    hub_event_post(conversation=conversation, body="The job has been filled.")

    assert conversation.messages.count() == 3


def test_blocking_twice_is_harmless(client_for, pa, conversation):
    client = client_for(pa)
    block(client, conversation)
    block(client, conversation)

    assert Block.objects.count() == 1
    assert AuditEvent.objects.filter(action="conversation.blocked").count() == 1
