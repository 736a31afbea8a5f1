"""The inbox: each person's conversations, newest first, with names, jobs and unread counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.messaging.models import Conversation, Message
from pahub.messaging.queries import _unread_count_shape, unread_message_count, unread_summary
from pahub.messaging.services import (
    conversation_get_or_create,
    conversation_mark_read,
    hub_event_post,
    message_post,
)
from pahub.notifications.services import channel_for
from pahub.register.models import PAProfile
from tests.factories import UserFactory, grant_representation, make_employer_profile

INBOX = reverse("messaging:inbox")


def unread(user) -> int:
    """The unread count, as the inbox works it out; the header's own count must agree."""
    count = unread_summary(user).count
    assert unread_message_count(user) == count
    return count


def write(conversation: Conversation, author, role: str, body: str = "Hello") -> Message:
    return message_post(conversation=conversation, author=author, author_role=role, body=body)


def test_the_pa_sees_the_employers_display_name_and_the_job(client_for, pa, conversation):
    page = client_for(pa).get(INBOX).content.decode()

    assert "Amira" in page
    assert "Amira Khan" not in page  # the display name, never the legal name
    assert "Morning PA for a busy mum" in page


def test_the_employer_sees_the_pas_shown_name(client_for, employer, conversation):
    page = client_for(employer).get(INBOX).content.decode()

    assert "Jordan" in page
    assert "Jordan Reed" not in page


def test_a_representative_sees_whom_they_read_for(client_for, representative, conversation):
    page = client_for(representative).get(INBOX).content.decode()

    assert "Jordan" in page
    assert "for Amira" in page


def test_staff_with_consent_see_the_employers_conversations(
    client_for, helping_staff, conversation
):
    page = client_for(helping_staff).get(INBOX).content.decode()

    assert reverse("messaging:conversation", args=[conversation.pk]) in page
    assert "for Amira" in page


@pytest.mark.parametrize(
    "person", ["outsider", "other_pa", "ungranted_representative", "moderator"]
)
def test_nobody_else_sees_the_conversation_in_their_inbox(
    client_for, request, conversation, person
):
    page = client_for(request.getfixturevalue(person)).get(INBOX).content.decode()

    assert reverse("messaging:conversation", args=[conversation.pk]) not in page
    assert "You have no conversations yet" in page


def test_staff_with_consent_outside_the_employers_area_do_not_see_it(
    client_for, durham_staff, other_organisation, employer_profile, conversation
):
    from tests.factories import give_employer_consent

    give_employer_consent(
        employer=employer_profile.user, organisation=other_organisation, how_given="By letter."
    )

    page = client_for(durham_staff).get(INBOX).content.decode()

    assert reverse("messaging:conversation", args=[conversation.pk]) not in page


def test_unread_counts_only_the_other_sides_messages(client_for, pa, employer, conversation):
    # Jordan wrote first, then Amira answered: one unread for Jordan, none for Amira (her
    # own message came after Jordan's, and writing marks the conversation read).
    assert unread(pa) == 1
    assert unread(employer) == 0

    page = client_for(pa).get(INBOX).content.decode()

    assert "You have 1 unread message." in page
    assert "1 unread" in page


def test_a_representatives_message_is_not_unread_for_the_employer(
    employer, representative, pa, conversation
):
    write(conversation, representative, Message.AuthorRole.REPRESENTATIVE)

    assert unread(employer) == 0
    assert unread(pa) == 2


def test_hub_events_count_as_unread_for_both_sides(employer, pa, conversation):
    hub_event_post(conversation=conversation, body="Jordan is interested in the job.")

    assert unread(employer) == 1
    assert unread(pa) == 2


def test_messages_hidden_by_a_moderator_are_not_unread(pa, conversation, employer_message):
    Message.objects.filter(pk=employer_message.pk).update(hidden_by_moderator_at=timezone.now())

    assert unread(pa) == 0


def test_opening_the_conversation_clears_its_unread_count(client_for, pa, conversation):
    client = client_for(pa)
    client.get(reverse("messaging:conversation", args=[conversation.pk]))

    assert unread(pa) == 0
    assert "You have no unread messages." in client.get(INBOX).content.decode()


def test_each_person_on_the_employer_side_reads_for_themself(
    employer, representative, conversation
):
    write(conversation, conversation.pa, Message.AuthorRole.PA, "Are you still there?")

    conversation_mark_read(conversation=conversation, user=representative)

    assert unread(representative) == 0
    assert unread(employer) == 1


def test_conversations_are_newest_first(client_for, employer, employer_profile, pa_profile):
    older_pa = UserFactory(email="sam@example.org", full_name="Sam Older", roles=[Role.PA])
    PAProfile.objects.create(user=older_pa, display_name="Sam")
    older = conversation_get_or_create(employer=employer, pa=older_pa)
    newer = conversation_get_or_create(employer=employer, pa=pa_profile.user)
    write(older, older_pa, Message.AuthorRole.PA)
    Conversation.objects.filter(pk=older.pk).update(
        last_message_at=timezone.now() - timedelta(days=1)
    )
    write(newer, pa_profile.user, Message.AuthorRole.PA)

    page = client_for(employer).get(INBOX).content.decode()

    assert page.index("Jordan") < page.index("Sam")


def test_a_person_who_is_both_pa_and_representative_sees_both_kinds(
    client_for, pa, conversation, db
):
    carer = UserFactory(email="mum@example.org", full_name="Beth Mum", roles=[Role.EMPLOYER])
    make_employer_profile(carer, display_name="Beth")
    pa.roles.create(role=Role.REPRESENTATIVE)
    grant_representation(employer=carer, representative=pa)
    other_pa = UserFactory(email="kim@example.org", full_name="Kim PA", roles=[Role.PA])
    PAProfile.objects.create(user=other_pa, display_name="Kim")
    for_beth = conversation_get_or_create(employer=carer, pa=other_pa)
    write(for_beth, other_pa, Message.AuthorRole.PA)

    page = client_for(pa).get(INBOX).content.decode()

    assert "Amira" in page  # as the PA
    assert "Kim" in page and "for Beth" in page  # as Beth's representative
    # Amira's answer, and Kim's message to Beth's side (so to her representative too); the
    # header's count runs on SQL built once per shape and must agree with the inbox's own.
    assert unread(pa) == 2


def test_the_header_count_reuses_its_sql_for_people_of_the_same_shape(pa, employer, conversation):
    _unread_count_shape.cache_clear()

    assert unread(pa) == 1  # a PA acting for nobody: no employer ids
    assert unread(employer) == 0  # an employer acts for one employer: themself
    other = UserFactory(roles=[Role.PA])
    assert unread_message_count(other) == 0

    shapes = _unread_count_shape.cache_info()
    assert (shapes.currsize, shapes.hits) == (2, 1)


def make_conversations(employer, count: int) -> None:
    for number in range(count):
        pa = UserFactory(roles=[Role.PA])
        PAProfile.objects.create(user=pa, display_name=f"PA number {number}")
        conversation = conversation_get_or_create(employer=employer, pa=pa)
        write(conversation, pa, Message.AuthorRole.PA)


@pytest.mark.parametrize("person", ["employer", "representative", "helping_staff"])
def test_inbox_query_count_does_not_grow_with_conversations(
    client_for, request, employer_profile, django_assert_num_queries, person
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = request.getfixturevalue(person)
    client = client_for(user)
    make_conversations(employer_profile.user, 2)
    client.get(INBOX)  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(INBOX)

    make_conversations(employer_profile.user, 12)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(INBOX)

    assert response.content.decode().count("1 unread") == 14


def test_the_inbox_pages_its_conversations(client_for, employer_profile):
    make_conversations(employer_profile.user, 27)

    first = client_for(employer_profile.user).get(INBOX).content.decode()
    second = client_for(employer_profile.user).get(INBOX + "?page=2").content.decode()

    assert first.count("1 unread") == 25
    assert second.count("1 unread") == 2
    assert "You have 27 unread messages." in second


def test_email_choice_starts_on(client_for, pa):
    page = client_for(pa).get(INBOX).content.decode()

    assert 'name="emails_enabled"' in page
    assert "checked" in page.split('name="emails_enabled"')[1].split(">")[0]


def test_turning_emails_off_and_on(client_for, pa):
    client = client_for(pa)

    response = client.post(reverse("messaging:notification_preference"), {})

    assert response.status_code == 302
    assert channel_for(pa, "messaging.new_message") == "in_app"
    page = client.get(INBOX).content.decode()
    assert "We will not email you about new messages." in page
    assert "checked" not in page.split('name="emails_enabled"')[1].split(">")[0]

    client.post(reverse("messaging:notification_preference"), {"emails_enabled": "on"})

    assert channel_for(pa, "messaging.new_message") == "email"


def test_the_email_choice_only_accepts_posts(client_for, pa):
    assert client_for(pa).get(reverse("messaging:notification_preference")).status_code == 405
