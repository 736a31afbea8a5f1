"""Answers go in the PA's download, go with their account and a year after they stop using
PA Hub, and never reach employers or matching."""

import tomllib
from datetime import timedelta
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from pahub.accounts.services import user_delete
from pahub.core import personal_data, retention
from pahub.matching.engine import pa_candidate
from pahub.register.equality.models import EqualityMonitoring
from pahub.register.models import PAProfile
from tests.register.equality.conftest import ANSWER_LABELS

ROOT = Path(__file__).resolve().parents[3]


def test_the_download_holds_the_answers_in_words(pa, answered):
    exported = personal_data.registry.export(pa)["equality_monitoring"]

    assert exported["age"] == "16 to 24"
    assert exported["ethnic_background"] == "Caribbean"
    assert exported["disability"] == "Yes"
    assert exported["declined_at"] is None


def test_someone_who_never_answered_has_no_equality_section(pa, pa_profile):
    assert personal_data.registry.export(pa)["equality_monitoring"] is None


def test_deleting_the_account_deletes_the_answers(pa, answered):
    user_delete(user=pa, by=pa)

    assert not EqualityMonitoring.objects.exists()
    assert personal_data.registry.covered_models()["register.EqualityMonitoring"] == "deleted"


def test_answers_of_a_pa_inactive_for_a_year_are_deleted(pa, answered):
    rule = retention.registry.get("register.equality_monitoring")
    long_ago = timezone.now() - timedelta(days=400)
    EqualityMonitoring.objects.filter(pk=answered.pk).update(updated_at=long_ago)
    PAProfile.objects.filter(user=pa).update(last_active_at=long_ago)
    pa.last_login = timezone.now() - timedelta(days=10)
    pa.save(update_fields=["last_login"])

    assert not retention.due_records(rule).exists()

    pa.last_login = long_ago
    pa.save(update_fields=["last_login"])
    assert list(retention.due_records(rule)) == [answered]
    retention.apply_rule(rule)
    assert not EqualityMonitoring.objects.exists()


def test_an_employer_viewing_the_pa_sees_none_of_the_answers(client_for, employer, answered):
    PAProfile.objects.filter(pk=answered.profile_id).update(works_for_family=True)

    response = client_for(employer).get(
        reverse("register:profile_detail", args=[answered.profile_id])
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Jordan" in content
    for label in (*ANSWER_LABELS, "family member"):
        assert label not in content


def test_staff_in_the_pas_area_see_the_profile_but_none_of_the_answers(
    client_for, verifier, answered
):
    response = client_for(verifier).get(
        reverse("register:profile_detail", args=[answered.profile_id])
    )

    assert response.status_code == 200
    for label in ANSWER_LABELS:
        assert label not in response.content.decode()


def test_the_pas_preview_as_employers_see_it_has_none_of_the_answers(client_for, pa, answered):
    content = client_for(pa).get(reverse("register:profile_preview")).content.decode()

    for label in ANSWER_LABELS:
        assert label not in content


def test_the_pas_own_profile_api_has_none_of_the_answers(client_for, pa, answered):
    content = client_for(pa).get("/api/v1/me/profile").content.decode()

    for label in (*ANSWER_LABELS, "16_24", "black_caribbean", "equality"):
        assert label not in content


def test_what_matching_knows_of_a_pa_has_none_of_the_answers(answered):
    candidate = pa_candidate(answered.profile)

    shown = repr(candidate).lower()
    for word in ("16_24", "black", "caribbean", "equality", "ethnic", "disab"):
        assert word not in shown


def test_matching_and_employer_facing_code_may_not_import_the_answers():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(
        c for c in config["tool"]["importlinter"]["contracts"] if c.get("id") == "equality"
    )

    assert contract["type"] == "forbidden"
    assert contract["forbidden_modules"] == ["pahub.register.equality"]
    assert {
        "pahub.matching",
        "pahub.jobs",
        "pahub.cover",
        "pahub.employers",
        "pahub.messaging",
        "pahub.register.search",
        "pahub.register.profile",
        "pahub.register.models",
    } <= set(contract["source_modules"])
    assert "allow_indirect_imports" not in contract


def test_the_privacy_notice_explains_equality_monitoring(client, db):
    content = client.get(reverse("core:privacy")).content.decode()

    assert 'id="equality-monitoring"' in content
    assert "Employers never see the answers" in content
