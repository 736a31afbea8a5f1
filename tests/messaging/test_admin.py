"""The admin lists messaging records read-only, and never message text."""

import pytest

from pahub.messaging.models import Block, Report


@pytest.mark.parametrize(
    "path",
    [
        "/admin/messaging/conversation/",
        "/admin/messaging/report/",
        "/admin/messaging/block/",
        "/admin/messaging/notificationstate/",
    ],
)
def test_site_admins_see_the_lists(client_for, admin, conversation, pa, employer_message, path):
    Report.objects.create(message=employer_message, reporter=pa, reason="Rude")
    Block.objects.create(blocker=pa, blocked=employer_message.author)

    response = client_for(admin).get(path)

    assert response.status_code == 200
    assert "Are you free on Tuesday" not in response.content.decode()


def test_nothing_can_be_added_or_changed_there(client_for, admin, conversation):
    client = client_for(admin)

    assert client.get("/admin/messaging/conversation/add/").status_code == 403
    response = client.post(
        f"/admin/messaging/conversation/{conversation.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    conversation.refresh_from_db()
