"""Private uploads: checked by content and size, and only ever sent to the PA and the
verifiers serving their area — never to anyone else, even with the exact address."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import Evidence
from pahub.register.uploads import MAX_UPLOAD_BYTES
from tests.register.evidence.files import PDF_BYTES, jpeg_bytes, png_bytes, upload

QUALIFICATION_URL = reverse("register:evidence_add", args=["qualification"])


def qualification_form(document) -> dict:
    return {
        "title": "Level 2 Diploma in Care",
        "awarding_body": "City & Guilds",
        "achieved_on_day": "14",
        "achieved_on_month": "6",
        "achieved_on_year": "2023",
        "document": document,
    }


def download_url(evidence: Evidence) -> str:
    return reverse("register:evidence_document", args=[evidence.pk])


# What is accepted


@pytest.mark.parametrize(
    ("name", "content", "stored_as", "content_type"),
    [
        ("certificate.pdf", PDF_BYTES, ".pdf", "application/pdf"),
        ("photo of certificate.JPG", jpeg_bytes(), ".jpg", "image/jpeg"),
        ("scan.png", png_bytes(), ".png", "image/png"),
    ],
)
def test_pdf_jpeg_and_png_are_stored_privately_under_a_random_name(
    client_for, pa, name, content, stored_as, content_type
):
    response = client_for(pa).post(QUALIFICATION_URL, qualification_form(upload(name, content)))

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.document.name.startswith("register/evidence/")
    assert evidence.document.name.endswith(stored_as)
    assert name.rsplit(".", 1)[0] not in evidence.document.name
    assert evidence.document_content_type == content_type
    assert evidence.document.read() == content


def bad_upload_response(client, document):
    response = client.post(QUALIFICATION_URL, qualification_form(document))
    assert response.status_code == 200
    assert not Evidence.objects.exists()
    return response.content.decode()


def test_oversized_upload_is_refused_and_the_rest_is_kept(client_for, pa):
    eleven_mb = PDF_BYTES + b"0" * (11 * 1024 * 1024)
    assert len(eleven_mb) > MAX_UPLOAD_BYTES

    html = bad_upload_response(client_for(pa), upload("big.pdf", eleven_mb))

    assert (
        'id="id_document-error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        "Error:</span> The selected file must be smaller than 10MB"
    ) in html
    assert 'value="Level 2 Diploma in Care"' in html
    assert 'value="City &amp; Guilds"' in html


def test_a_pdf_that_is_really_text_is_refused(client_for, pa):
    html = bad_upload_response(
        client_for(pa), upload("certificate.pdf", b"I am just some text, honest.\n")
    )

    assert "The selected file is not a real PDF, JPG or PNG" in html


def test_a_png_renamed_exe_is_refused(client_for, pa):
    html = bad_upload_response(
        client_for(pa), upload("certificate.exe", png_bytes(), "application/octet-stream")
    )

    assert "The selected file must be a PDF, JPG or PNG" in html


def test_a_browser_content_type_does_not_make_text_an_image(client_for, pa):
    html = bad_upload_response(
        client_for(pa), upload("photo.png", b"<script>alert(1)</script>", "image/png")
    )

    assert "The selected file is not a real PDF, JPG or PNG" in html


def test_an_empty_file_is_refused(client_for, pa):
    html = bad_upload_response(client_for(pa), upload("empty.pdf", b""))

    assert "The selected file is empty" in html


def test_a_dbs_certificate_cannot_be_uploaded_only_seen(client_for, pa):
    page = client_for(pa).get(reverse("register:evidence_add", args=["dbs"])).content.decode()

    assert 'type="file"' not in page


# Who may download


def test_the_pa_downloads_their_own_document_privately(client_for, qualification):
    response = client_for(qualification.profile.user).get(download_url(qualification))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == qualification.document.open("rb").read()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="my certificate.png"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert not AuditEvent.objects.filter(action="evidence.document_downloaded").exists()


def test_anonymous_visitor_is_sent_to_sign_in(client, qualification):
    response = client.get(download_url(qualification))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_another_pa_gets_not_found_even_with_the_url(client_for, other_pa, qualification):
    assert client_for(other_pa).get(download_url(qualification)).status_code == 404


def test_an_employer_gets_not_found_even_with_the_url(client_for, employer, qualification):
    assert client_for(employer).get(download_url(qualification)).status_code == 404


def test_a_verifier_serving_the_pas_area_downloads_and_it_is_audited(
    client_for, verifier, qualification
):
    response = client_for(verifier).get(download_url(qualification))

    assert response.status_code == 200
    event = AuditEvent.objects.get(action="evidence.document_downloaded")
    assert (event.actor, event.target_id) == (verifier, str(qualification.pk))


def test_a_verifier_elsewhere_gets_not_found(client_for, far_verifier, qualification):
    assert client_for(far_verifier).get(download_url(qualification)).status_code == 404
    assert not AuditEvent.objects.filter(action="evidence.document_downloaded").exists()


def test_evidence_without_a_document_has_nothing_to_download(client_for, pa_profile):
    evidence = Evidence.objects.create(profile=pa_profile, kind=Evidence.Kind.IDENTITY)

    assert client_for(pa_profile.user).get(download_url(evidence)).status_code == 404


def test_uploads_are_not_served_from_a_media_url(client, qualification):
    assert client.get(f"/media/{qualification.document.name}").status_code == 404
    assert client.get(f"/{qualification.document.name}").status_code == 404
