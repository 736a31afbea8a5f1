"""Apps' senders go through the service: a new kind shows up by itself, and every sender's
email carries the unsubscribe headers and respects the person's choice."""

from django.urls import reverse

from pahub.cover import emails as cover_emails
from pahub.messaging.models import Message
from pahub.messaging.services import conversation_get_or_create, message_post
from pahub.notifications import services
from pahub.notifications.models import Notice
from pahub.notifications.registry import Kind, registry


def test_a_newly_registered_kind_appears_on_the_page_and_in_the_api(client_for, pa, monkeypatch):
    list(registry)  # discover the apps' kinds first
    monkeypatch.setitem(
        registry._kinds,
        "community.thread_reply",
        Kind(key="community.thread_reply", group="Community", label="Replies to your threads"),
    )
    client = client_for(pa)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Replies to your threads" in page
    assert 'name="community__thread_reply" type="radio" value="digest"' in page
    kinds = {
        item["kind"] for item in client.get("/api/v1/notifications/preferences").json()["items"]
    }
    assert "community.thread_reply" in kinds


def cover_alert(pa) -> cover_emails.Email:
    return cover_emails.Email(
        pa, "cover.alert", "cover needed in NE1", ["Someone near you needs cover."], "/cover/"
    )


def test_a_cover_alert_is_emailed_with_headers_and_stored(
    pa, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cover_emails.send([cover_alert(pa)])
    (email,) = mailoutbox
    assert email.subject == "PA Hub: cover needed in NE1"
    assert email.body.startswith(f"Hello {pa.display_name},\n\nSomeone near you needs cover.")
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    notice = Notice.objects.get(recipient=pa)
    assert (notice.title, notice.url) == ("Cover needed in NE1", "/cover/")


def test_a_cover_alert_in_app_only_is_not_emailed(
    pa, mailoutbox, django_capture_on_commit_callbacks
):
    services.preference_set(user=pa, kind_key="cover.alert", channel="in_app")
    with django_capture_on_commit_callbacks(execute=True):
        cover_emails.send([cover_alert(pa)])
    assert mailoutbox == []
    assert Notice.objects.filter(recipient=pa, kind="cover.alert").count() == 1


def test_a_new_message_is_a_notice_for_the_other_side_only(
    pa, employer, django_capture_on_commit_callbacks
):
    conversation = conversation_get_or_create(employer=employer, pa=pa)
    with django_capture_on_commit_callbacks(execute=True):
        message_post(
            conversation=conversation,
            author=employer,
            author_role=Message.AuthorRole.EMPLOYER,
            body="Secret plans",
        )
    (notice,) = Notice.objects.filter(kind="messaging.new_message")
    assert notice.recipient == pa
    assert "Secret" not in notice.title + notice.body
    assert notice.url == reverse("messaging:conversation", args=[conversation.pk])
