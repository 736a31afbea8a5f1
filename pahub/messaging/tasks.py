"""Background work for messaging, run by `manage.py db_worker`."""

from dataclasses import asdict

from django.tasks import task

from pahub.messaging.notifications import send_pending


@task()
def send_message_notifications(conversation_id: int | None = None) -> dict:
    """Email people with unread messages, batched: at most one email per person per interval.

    Enqueued after each message, for that conversation's people; the periodic run for everyone
    is the `send_message_notifications` job in pahub/messaging/periodic.py. Safe to run
    repeatedly.
    """
    return asdict(send_pending(conversation_id=conversation_id))
