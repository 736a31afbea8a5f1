"""Reading notices, always scoped to the person asking."""

from django.db.models import QuerySet
from django.http import Http404

from pahub.notifications.models import Notice


def unread_count(user) -> int:
    """The header's number: one query on the partial "unread" index."""
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()


def notices_for(user) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=user).order_by("-created_at", "-pk")


def access_notice(user, notice_id: int) -> Notice:
    """The person's own notice, or 404: another person's notice does not exist for them."""
    notice = Notice.objects.filter(recipient=user, pk=notice_id).first()
    if notice is None:
        raise Http404("No such notice")
    return notice
