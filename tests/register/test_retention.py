"""Uploaded evidence files go three months after the evidence stopped counting, while the
record that it was checked stays; unanswered referees' details go too."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from pahub.core.retention import apply_rule, registry
from pahub.register.models import Evidence, ReferenceRequest


def with_file(profile, **fields) -> Evidence:
    evidence = Evidence.objects.create(profile=profile, kind=Evidence.Kind.QUALIFICATION, **fields)
    evidence.document.save("certificate.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    evidence.document_name = "Jordan Reed certificate.pdf"
    evidence.document_content_type = "application/pdf"
    evidence.save()
    return evidence


def run(name: str, capture) -> int:
    with capture(execute=True):
        return apply_rule(registry.get(name))


@pytest.fixture
def today():
    return timezone.localdate()


def test_the_file_of_evidence_expired_over_three_months_ago_is_deleted_and_the_check_kept(
    pa_profile, verifier, today, django_capture_on_commit_callbacks
):
    expired = with_file(
        pa_profile,
        status=Evidence.Status.VERIFIED,
        verified_by=verifier,
        verified_at=timezone.now() - timedelta(days=1000),
        expires_on=today - timedelta(days=91),
    )
    storage, name = expired.document.storage, expired.document.name

    assert run("register.evidence_files", django_capture_on_commit_callbacks) == 1

    expired.refresh_from_db()
    assert not storage.exists(name)
    assert (expired.document.name, expired.document_name, expired.document_content_type) == (
        "",
        "",
        "",
    )
    assert expired.status == Evidence.Status.VERIFIED
    assert expired.verified_by == verifier


def test_files_of_current_recent_or_waiting_evidence_are_kept(
    pa_profile, today, django_capture_on_commit_callbacks
):
    current = with_file(pa_profile, status="verified", expires_on=today + timedelta(days=30))
    just_expired = with_file(pa_profile, status="verified", expires_on=today - timedelta(days=89))
    waiting = with_file(pa_profile, status="awaiting")
    Evidence.objects.filter(pk=waiting.pk).update(updated_at=timezone.now() - timedelta(days=400))

    assert run("register.evidence_files", django_capture_on_commit_callbacks) == 0
    for evidence in (current, just_expired, waiting):
        evidence.refresh_from_db()
        assert evidence.document and evidence.document.storage.exists(evidence.document.name)


def test_files_of_rejected_withdrawn_and_replaced_evidence_go_after_three_months(
    pa_profile, django_capture_on_commit_callbacks
):
    rejected = with_file(pa_profile, status="rejected")
    withdrawn = with_file(pa_profile, status="withdrawn")
    replaced = with_file(pa_profile, status="verified")
    newer = with_file(pa_profile, status="verified", replaces=replaced)
    recently_rejected = with_file(pa_profile, status="rejected")
    long_ago = timezone.now() - timedelta(days=91)
    Evidence.objects.filter(pk__in=[rejected.pk, withdrawn.pk, replaced.pk]).update(
        updated_at=long_ago
    )

    assert run("register.evidence_files", django_capture_on_commit_callbacks) == 3
    assert set(Evidence.objects.exclude(document="").values_list("pk", flat=True)) == {
        newer.pk,
        recently_rejected.pk,
    }
    assert Evidence.objects.count() == 5


def test_an_unanswered_referees_details_go_three_months_after_the_link_expired(pa_profile):
    def reference(days_expired: int, **fields) -> ReferenceRequest:
        evidence = Evidence.objects.create(profile=pa_profile, kind=Evidence.Kind.REFERENCE)
        return ReferenceRequest.objects.create(
            evidence=evidence,
            referee_name="Pat Referee",
            referee_email="pat@example.org",
            relationship="work",
            note="Please help",
            token_hash=f"{evidence.pk:064d}",
            expires_at=timezone.now() - timedelta(days=days_expired),
            **fields,
        )

    old = reference(91)
    answered = reference(91, answered_at=timezone.now() - timedelta(days=100))
    recent = reference(89)

    assert apply_rule(registry.get("register.unanswered_references")) == 1

    old.refresh_from_db()
    assert (old.referee_name, old.referee_email, old.note) == ("A referee", "", "")
    for kept in (answered, recent):
        kept.refresh_from_db()
        assert kept.referee_email == "pat@example.org"
