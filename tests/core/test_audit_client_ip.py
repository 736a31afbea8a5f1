"""The client's IP reaches the audit log from the request being served, set by middleware:
services never take `request`, events outside a request have no IP, and nothing leaks from
one request into the next."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.services import user_set_roles
from pahub.core import audit
from pahub.core.middleware import ClientIPMiddleware
from pahub.core.models import AuditEvent
from tests.factories import PASSWORD


def signed_in(user, ip: str) -> Client:
    client = Client(REMOTE_ADDR=ip)
    client.force_login(user)
    return client


def test_a_page_that_audits_records_the_visitors_ip(pa):
    signed_in(pa, "203.0.113.9").get(reverse("accounts:data_download"))

    event = AuditEvent.objects.get(action="account.data_downloaded")
    assert event.ip_address == "203.0.113.9"


def test_signing_in_records_the_ip_it_came_from(pa):
    Client(REMOTE_ADDR="198.51.100.7").post(
        reverse("account_login"), {"login": pa.email, "password": PASSWORD}
    )

    assert AuditEvent.objects.get(action="auth.login").ip_address == "198.51.100.7"


def test_cover_events_now_carry_the_ip_too(employer, employer_profile):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday() + 7)

    signed_in(employer, "192.0.2.44").get(
        reverse("cover:timesheets_export", args=[employer.pk]),
        {"start": monday.isoformat(), "end": monday.isoformat()},
    )

    assert AuditEvent.objects.get(action="cover.hours_exported").ip_address == "192.0.2.44"


def test_a_service_called_outside_a_request_records_no_ip(pa):
    user_set_roles(user=pa, roles=["pa", "employer"], by=None)
    audit.record(None, "places.loaded")

    assert set(AuditEvent.objects.values_list("ip_address", flat=True)) == {None}


def test_each_request_records_its_own_ip_and_none_is_left_behind(pa):
    signed_in(pa, "203.0.113.1").get(reverse("accounts:data_download"))
    signed_in(pa, "203.0.113.2").get(reverse("accounts:data_download"))
    audit.record(pa, "account.data_downloaded")  # a command doing the same, outside a request

    downloads = AuditEvent.objects.filter(action="account.data_downloaded").order_by("pk")
    assert list(downloads.values_list("ip_address", flat=True)) == [
        "203.0.113.1",
        "203.0.113.2",
        None,
    ]
    assert audit.current_client_ip.get() is None


def test_the_ip_is_reset_even_when_the_view_fails(db):
    def broken_view(request):
        assert audit.current_client_ip.get() == "203.0.113.5"
        raise RuntimeError("the view broke")

    middleware = ClientIPMiddleware(broken_view)
    with pytest.raises(RuntimeError):
        middleware(RequestFactory().get("/", REMOTE_ADDR="203.0.113.5"))

    assert audit.current_client_ip.get() is None
