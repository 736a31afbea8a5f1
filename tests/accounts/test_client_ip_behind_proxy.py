"""Behind a reverse proxy every request comes from the proxy's address. With
`TRUSTED_PROXY_COUNT` set, the client's own address (from X-Forwarded-For) is the one the
sign-in lockout counts and the audit log records; forged entries to its left are ignored.
Without it, X-Forwarded-For is ignored altogether, since anyone can send it."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from pahub.accounts.adapter import AccountAdapter
from pahub.core import audit
from pahub.core.models import AuditEvent

TOO_MANY = "You have tried to sign in too many times."
PROXY = "10.0.0.1"
CLIENT_A = "203.0.113.10"
CLIENT_B = "198.51.100.20"
IP_LIMIT = 10  # ACCOUNT_RATE_LIMITS["login_failed"]: 10 a minute per address


def fail_sign_in(forwarded_for: str, attempt: int) -> str:
    """A wrong password through the proxy; a different email each time, so only the limit
    per address (not the one per account) can lock anyone out."""
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    response = client.post(
        reverse("account_login"),
        {"login": f"guess{attempt}@example.org", "password": "a wrong guess"},
    )
    return response.content.decode()


def request_with(forwarded_for: str | None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, None, PROXY),
        (0, CLIENT_A, PROXY),  # no trusted proxy: the header is anyone's to forge
        (1, CLIENT_A, CLIENT_A),
        (1, f"{CLIENT_B}, {CLIENT_A}", CLIENT_A),  # the client forged the left-hand entry
        (2, f"{CLIENT_B}, {CLIENT_A}, 10.0.0.2", CLIENT_A),
        (2, CLIENT_A, PROXY),  # shorter than the proxies we run: not through them
        (1, None, PROXY),
        (1, "not-an-address", PROXY),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_the_client_ip_counts_trusted_proxies_from_the_right(
    settings, proxies, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies

    assert audit.client_ip(request_with(forwarded_for)) == expected


def test_allauth_rate_limits_ask_the_same_function(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert AccountAdapter().get_client_ip(request_with(f"{CLIENT_B}, {CLIENT_A}")) == CLIENT_A


def test_behind_one_proxy_failed_sign_ins_lock_out_that_client_only(settings, db):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(IP_LIMIT):
        assert TOO_MANY not in fail_sign_in(CLIENT_A, attempt)

    assert TOO_MANY in fail_sign_in(CLIENT_A, 100)
    assert TOO_MANY not in fail_sign_in(CLIENT_B, 101)
    ips = set(AuditEvent.objects.filter(action="auth.login_failed").values_list("ip_address"))
    assert ips == {(CLIENT_A,), (CLIENT_B,)}


def test_forged_forwarded_entries_do_not_escape_the_lockout(settings, db):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(IP_LIMIT):
        fail_sign_in(f"192.0.2.{attempt}, {CLIENT_A}", attempt)

    assert TOO_MANY in fail_sign_in(f"192.0.2.99, {CLIENT_A}", 100)


def test_with_no_trusted_proxy_forwarded_for_is_ignored(settings, db):
    settings.TRUSTED_PROXY_COUNT = 0
    for attempt in range(IP_LIMIT):
        fail_sign_in(f"192.0.2.{attempt}", attempt)

    # Every attempt came from the proxy's address, whatever the header claimed.
    assert TOO_MANY in fail_sign_in(CLIENT_B, 100)
    assert set(AuditEvent.objects.filter(action="auth.login_failed").values_list("ip_address")) == {
        (PROXY,)
    }
