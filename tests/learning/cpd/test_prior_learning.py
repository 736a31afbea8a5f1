"""Prior learning: records of qualifications and experience, and sending one to be checked."""

import pytest
from django.urls import reverse

from pahub.learning.cpd import services
from pahub.learning.models import LearningRecord
from pahub.register.models import Evidence
from tests.register.evidence.files import PDF_BYTES, upload

QUALIFICATION = {
    "kind": "qualification",
    "title": "Level 2 Certificate in Understanding Autism",
    "provider": "OCN",
    "completed_on_day": "14",
    "completed_on_month": "6",
    "completed_on_year": "2023",
    "description": "Six months, online.",
    "topics": ["communication"],
}


def test_adding_a_record(client_for, pa):
    response = client_for(pa).post(reverse("learning:prior_learning_add"), QUALIFICATION)
    assert response.status_code == 302
    record = LearningRecord.objects.get(user=pa)
    assert record.provider == "OCN" and record.topics == ["communication"]
    assert record.evidence is None
    page = client_for(pa).get(reverse("learning:prior_learning"))
    assert "Level 2 Certificate in Understanding Autism" in page.text


def test_sending_a_qualification_to_be_checked_makes_register_evidence(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:prior_learning_add"),
        {**QUALIFICATION, "send_for_checking": "on", "document": upload("c.pdf", PDF_BYTES)},
    )
    assert response.status_code == 302
    record = LearningRecord.objects.get(user=pa)
    evidence = record.evidence
    assert evidence.kind == Evidence.Kind.QUALIFICATION
    assert evidence.status == Evidence.Status.AWAITING
    assert evidence.awarding_body == "OCN"
    assert evidence.profile.user == pa and evidence.document


def test_experience_cannot_be_sent_to_be_checked_and_nothing_is_saved(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:prior_learning_add"),
        {**QUALIFICATION, "kind": "experience", "send_for_checking": "on"},
    )
    assert response.status_code == 200
    assert "Only a qualification can be sent to be checked" in response.text
    assert "Six months, online." in response.text
    assert not LearningRecord.objects.exists() and not Evidence.objects.exists()


def test_a_qualification_sent_to_be_checked_needs_its_date(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:prior_learning_add"),
        {
            **QUALIFICATION,
            "completed_on_day": "",
            "completed_on_month": "",
            "completed_on_year": "",
            "send_for_checking": "on",
        },
    )
    assert "Enter the date you achieved it" in response.text
    assert not LearningRecord.objects.exists()


def test_a_fake_document_is_refused(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:prior_learning_add"),
        {**QUALIFICATION, "send_for_checking": "on", "document": upload("c.pdf", b"nope")},
    )
    assert "not a real PDF, JPG or PNG" in response.text
    assert not LearningRecord.objects.exists()


def test_a_record_without_a_title_shows_the_error(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:prior_learning_add"), {**QUALIFICATION, "title": ""}
    )
    assert "Enter the name of it" in response.text
    assert not LearningRecord.objects.exists()


def test_editing_and_deleting_a_record(client_for, pa):
    record = services.learning_record_add(
        user=pa,
        kind="course",
        title="WEA first aid",
        provider="WEA",
        completed_on=None,
        description="",
        topics=[],
    )
    client = client_for(pa)
    response = client.post(
        reverse("learning:prior_learning_edit", args=[record.pk]),
        {**QUALIFICATION, "kind": "course", "title": "WEA emergency first aid"},
    )
    assert response.status_code == 302
    assert LearningRecord.objects.get(pk=record.pk).title == "WEA emergency first aid"
    client.post(reverse("learning:prior_learning_delete", args=[record.pk]))
    assert not LearningRecord.objects.exists()


@pytest.mark.parametrize("name", ["learning:prior_learning_edit", "learning:prior_learning_delete"])
def test_someone_elses_record_is_404(client_for, pa, other_pa, name):
    record = services.learning_record_add(
        user=other_pa,
        kind="course",
        title="Theirs",
        provider="",
        completed_on=None,
        description="",
        topics=[],
    )
    client = client_for(pa)
    assert client.get(reverse(name, args=[record.pk])).status_code == 404
    assert client.post(reverse(name, args=[record.pk]), QUALIFICATION).status_code == 404
    assert LearningRecord.objects.get(pk=record.pk).title == "Theirs"
