"""audit.record: who did what, readable even after the person has gone."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from pahub.core import audit
from pahub.core.models import AuditEvent


def test_event_names_the_actor_and_the_target(pa, employer):
    event = audit.record(pa, "record.viewed", employer, reason="shortlist")

    assert event.actor == pa
    assert event.actor_label == "pa@example.org"
    assert event.action == "record.viewed"
    assert event.target_type == "accounts.user"
    assert event.target_id == str(employer.pk)
    assert event.target_label == "Amira Khan"
    assert event.detail == {"reason": "shortlist"}


def test_actor_label_is_kept_after_the_person_deletes_their_account(pa):
    event = audit.record(pa, "account.details_changed", pa)

    pa.delete()

    event.refresh_from_db()
    assert event.actor is None
    assert event.actor_label == "pa@example.org"
    assert event.target_label == "Jordan Reed"


def test_no_actor_or_a_signed_out_visitor_is_recorded_as_the_system(db):
    by_nobody = audit.record(None, "places.loaded")
    by_visitor = audit.record(AnonymousUser(), "auth.login_failed", email="x@example.org")

    assert (by_nobody.actor, by_nobody.actor_label) == (None, "system")
    assert (by_visitor.actor, by_visitor.actor_label) == (None, "system")
    assert by_nobody.target_type == by_nobody.target_id == by_nobody.target_label == ""


def test_ip_address_comes_from_the_request(pa):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")

    with audit.client_ip_of(request):
        event = audit.record(pa, "auth.login", pa)

    assert event.ip_address == "203.0.113.9"


def test_record_view_notes_who_looked_at_what(verifier, pa):
    audit.record_view(verifier, pa)

    event = AuditEvent.objects.get(action="record.viewed")
    assert (event.actor, event.target_id) == (verifier, str(pa.pk))
