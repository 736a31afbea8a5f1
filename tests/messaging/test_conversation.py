"""One conversation: messages oldest first, each saying who wrote it; replying; read markers."""

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.messaging.models import Message, ReadMarker
from pahub.messaging.services import MESSAGE_MAX_LENGTH, hub_event_post, message_post


def page_url(conversation) -> str:
    return reverse("messaging:conversation", args=[conversation.pk])


def test_messages_are_shown_oldest_first(client_for, pa, conversation):
    page = client_for(pa).get(page_url(conversation)).content.decode()

    assert page.index("I would love to hear more") < page.index("Are you free on Tuesday")


def test_each_message_says_who_wrote_it_and_in_what_capacity(
    client_for, pa, employer, representative, helping_staff, organisation, conversation
):
    message_post(
        conversation=conversation,
        author=representative,
        author_role=Message.AuthorRole.REPRESENTATIVE,
        body="Amira asked me to add: parking is easy.",
    )
    message_post(
        conversation=conversation,
        author=helping_staff,
        author_role=Message.AuthorRole.STAFF,
        author_organisation=organisation,
        body="We can help with the contract.",
    )
    hub_event_post(conversation=conversation, body="Jordan was shortlisted.")

    page = client_for(pa).get(page_url(conversation)).content.decode()

    assert "Sara Khan (representative) for Amira" in page
    assert "Olu Admin, Newcastle Independent Living staff, for Amira" in page
    assert ">PA Hub<" in page
    assert ">Amira<" in page
    assert "Jordan (you)" in page


def test_the_employer_side_sees_the_pa_by_their_shown_name(client_for, employer, conversation):
    page = client_for(employer).get(page_url(conversation)).content.decode()

    assert ">Jordan<" in page
    assert "Amira (you)" in page
    assert "Jordan Reed" not in page


def test_a_message_hidden_by_a_moderator_shows_only_that_it_was_removed(
    client_for, pa, conversation, employer_message
):
    Message.objects.filter(pk=employer_message.pk).update(hidden_by_moderator_at=timezone.now())

    page = client_for(pa).get(page_url(conversation)).content.decode()

    assert "This message was removed by a moderator" in page
    assert "Are you free on Tuesday" not in page


def test_replying_adds_a_message_in_the_repliers_capacity(client_for, representative, conversation):
    response = client_for(representative).post(
        page_url(conversation), {"body": "  Tuesday works well.  "}
    )

    assert response.status_code == 302
    assert response.url == page_url(conversation) + "#latest"
    message = conversation.messages.last()
    assert message.body == "Tuesday works well."
    assert message.author == representative
    assert message.author_role == Message.AuthorRole.REPRESENTATIVE


def test_staff_replies_record_their_organisation(
    client_for, helping_staff, organisation, conversation
):
    client_for(helping_staff).post(page_url(conversation), {"body": "We can help."})

    message = conversation.messages.last()
    assert message.author_role == Message.AuthorRole.STAFF
    assert message.author_organisation == organisation


def test_the_pa_replies_as_the_pa(client_for, pa, conversation):
    client_for(pa).post(page_url(conversation), {"body": "Yes, I am free."})

    assert conversation.messages.last().author_role == Message.AuthorRole.PA


def test_a_reply_moves_the_conversation_to_the_top(client_for, pa, conversation):
    before = conversation.last_message_at

    client_for(pa).post(page_url(conversation), {"body": "Yes."})

    conversation.refresh_from_db()
    assert conversation.last_message_at > before


@pytest.mark.parametrize("body", ["", "   ", "\n\n"])
def test_an_empty_reply_is_refused_next_to_the_field(client_for, pa, conversation, body):
    response = client_for(pa).post(page_url(conversation), {"body": body})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_body">Enter a message' in page
    assert 'id="id_body-error"' in page
    assert conversation.messages.count() == 2


def test_a_too_long_reply_is_refused_with_every_word_kept(client_for, pa, conversation):
    long_text = "Lots to say. " * 500  # 6,500 characters

    response = client_for(pa).post(page_url(conversation), {"body": long_text})

    page = response.content.decode()
    assert f"must be {MESSAGE_MAX_LENGTH:,} characters or fewer" in page
    assert long_text.strip() in page
    assert "maxlength" not in page
    assert conversation.messages.count() == 2


def test_opening_the_conversation_marks_it_read_up_to_the_newest_message(
    client_for, pa, conversation
):
    client_for(pa).get(page_url(conversation))

    marker = ReadMarker.objects.get(conversation=conversation, user=pa)
    assert marker.read_up_to == conversation.messages.order_by("-created_at")[0].created_at


def test_writing_marks_the_conversation_read_for_the_writer(employer, conversation):
    marker = ReadMarker.objects.get(conversation=conversation, user=employer)

    assert marker.read_up_to == conversation.messages.last().created_at


def test_the_page_shows_the_job_it_is_about(client_for, pa, conversation):
    assert "About: Morning PA for a busy mum" in (
        client_for(pa).get(page_url(conversation)).content.decode()
    )


def test_the_page_says_whom_a_representative_reads_for(client_for, representative, conversation):
    page = client_for(representative).get(page_url(conversation)).content.decode()

    assert "You are reading this conversation for Amira." in page


def test_the_conversation_page_never_shows_a_full_postcode(client_for, pa, employer, conversation):
    for person in (pa, employer):
        page = client_for(person).get(page_url(conversation)).content.decode()
        assert "NE1 4ST" not in page
        assert "NE3 1AA" not in page


def test_the_conversation_page_query_count_does_not_grow_with_messages(
    client_for, pa, conversation, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(pa)
    client.get(page_url(conversation))
    with CaptureQueriesContext(connection) as few:
        client.get(page_url(conversation))
    for number in range(10):
        message_post(
            conversation=conversation,
            author=conversation.employer,
            author_role=Message.AuthorRole.EMPLOYER,
            body=f"Message {number}",
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page_url(conversation))
    assert response.content.decode().count("Message ") >= 10


def test_staff_reading_for_the_employer_is_audited(client_for, helping_staff, conversation):
    from pahub.core.models import AuditEvent

    client = client_for(helping_staff)
    client.get(page_url(conversation))
    client.get(f"/api/v1/conversations/{conversation.pk}")

    events = AuditEvent.objects.filter(action="record.viewed", actor=helping_staff)
    assert events.count() == 2
    assert {event.target_type for event in events} == {"messaging.conversation"}


def test_the_employer_and_pa_reading_their_own_conversation_is_not_audited(
    client_for, employer, pa, conversation
):
    from pahub.core.models import AuditEvent

    client_for(employer).get(page_url(conversation))
    client_for(pa).get(page_url(conversation))

    assert not AuditEvent.objects.filter(action="record.viewed").exists()


@pytest.mark.parametrize(
    ("person", "offered"),
    [("employer", True), ("representative", True), ("pa", False), ("moderator", False)],
)
def test_the_pa_profile_page_offers_a_message_to_the_employer_side_only(
    client_for, request, employer_profile, pa_profile, person, offered
):
    page = (
        client_for(request.getfixturevalue(person))
        .get(reverse("register:profile_detail", args=[pa_profile.pk]))
        .content.decode()
    )

    assert ("Send Jordan a message" in page) is offered
    if offered:
        assert f'href="{reverse("messaging:new")}?pa={pa_profile.pk}"' in page
