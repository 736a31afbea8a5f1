"""The staff import pages and API: who may use them, bad input, and the whole flow."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pahub.accounts.models import Membership
from pahub.core.imports.models import ImportRun
from tests.factories import make_staff
from tests.register.imports.conftest import MAPPING, good_rows, register_csv


@pytest.fixture
def dry_run(checked) -> ImportRun:
    return checked([*good_rows(3), "Bad Row,bad@,NE1 1AA,,"])


@pytest.fixture
def other_staff(other_organisation):
    return make_staff(
        organisation=other_organisation,
        role=Membership.StaffRole.ADMIN,
        email="durham.staff@example.org",
        full_name="Dot Durham",
    )


def page_urls(run: ImportRun) -> list[tuple[str, str]]:
    return [
        (reverse("imports:detail", args=[run.pk]), "get"),
        (reverse("imports:columns", args=[run.pk]), "get"),
        (reverse("imports:confirm", args=[run.pk]), "post"),
        (reverse("imports:resume", args=[run.pk]), "post"),
        (reverse("imports:report_csv", args=[run.pk]), "get"),
        (reverse("api:import_detail", args=[run.pk]), "get"),
    ]


def test_signed_out_people_are_sent_to_sign_in(client, dry_run):
    for url, method in [(reverse("imports:list"), "get"), (reverse("imports:new"), "get")]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(reverse("api:import_list")).status_code == 401


@pytest.mark.parametrize("person", ["pa", "employer"])
def test_pas_and_employers_are_refused(client_for, dry_run, person, request):
    client = client_for(request.getfixturevalue(person))

    assert client.get(reverse("imports:list")).status_code == 403
    assert client.get(reverse("imports:new")).status_code == 403
    for url, method in page_urls(dry_run):
        assert getattr(client, method)(url).status_code == 403, url
    assert client.get(reverse("api:import_list")).status_code == 403


def test_staff_of_another_organisation_get_404_for_anothers_import(
    client_for, dry_run, other_staff
):
    client = client_for(other_staff)

    for url, method in page_urls(dry_run):
        assert getattr(client, method)(url).status_code == 404, url
    assert client.get(reverse("api:import_list")).json()["count"] == 0
    assert dry_run.file_name not in client.get(reverse("imports:list")).content.decode()


def test_the_whole_flow_through_the_pages(client_for, verifier, django_capture_on_commit_callbacks):
    client = client_for(verifier)
    upload = register_csv([*good_rows(3), "Bad Row,bad@,NE1 1AA,,"])

    response = client.post(reverse("imports:new"), {"kind": "pas", "file": upload})
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("imports:columns", args=[run.pk])
    columns = client.get(response["Location"])
    assert '<option value="Name" selected>Name</option>' in columns.content.decode()

    response = client.post(reverse("imports:columns", args=[run.pk]), MAPPING)
    assert response["Location"] == reverse("imports:detail", args=[run.pk])
    report = client.get(response["Location"]).content.decode()
    assert "What the import would do" in report
    assert "&#x27;bad@&#x27; is not a valid email address" in report
    assert "Import 3 rows" in report
    refused = client.get(reverse("imports:detail", args=[run.pk]), {"outcome": "refused"})
    assert "New PA" not in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[run.pk]))
    final = client.get(reverse("imports:detail", args=[run.pk])).content.decode()
    assert "Import finished" in final
    csv_report = b"".join(
        client.get(reverse("imports:report_csv", args=[run.pk])).streaming_content
    )
    lines = csv_report.decode().splitlines()
    assert lines[0] == "Row,Outcome,Reason,Record"
    assert lines[1].startswith('2,Created,"New PA, invited to claim the profile",')
    assert "Refused,'bad@' is not a valid email address" in csv_report.decode()
    listing = client.get(reverse("imports:list")).content.decode()
    assert "register.csv" in listing and "Imported" in listing


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("list.pdf", b"%PDF-1.4"), "must be a CSV file (.csv) or an Excel"),
        (SimpleUploadedFile("list.csv", b"Name,Email\n"), "no rows under it"),
        (SimpleUploadedFile("list.csv", b"just one line"), "no header row"),
    ],
)
def test_a_bad_file_is_refused_next_to_the_field(client_for, verifier, upload, message):
    response = client_for(verifier).post(reverse("imports:new"), {"kind": "pas", "file": upload})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'class="govuk-error-summary' in response.content.decode()
    assert "checked" in response.content.decode()  # the kind chosen is kept
    assert not ImportRun.objects.exists()


def test_an_empty_upload_is_refused(client_for, verifier):
    response = client_for(verifier).post(
        reverse("imports:new"), {"kind": "pas", "file": SimpleUploadedFile("list.csv", b"")}
    )

    assert "The file is empty" in response.content.decode()


def test_a_missing_required_column_is_named_and_the_choices_are_kept(client_for, verifier, dry_run):
    run = ImportRun.objects.create(
        organisation=dry_run.organisation,
        started_by=verifier,
        kind="pas",
        file=dry_run.file.name,
        file_name="again.csv",
        total_rows=4,
    )

    response = client_for(verifier).post(
        reverse("imports:columns", args=[run.pk]),
        {**MAPPING, "postcode": "", "phone": "Name"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Select the column that holds postcode" in page
    assert "The column &#x27;Name&#x27; is already used for full name" in page
    assert '<option value="Rate" selected>Rate</option>' in page
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DRAFT


def test_confirming_twice_is_refused_politely(client_for, verifier, dry_run):
    client = client_for(verifier)
    client.post(reverse("imports:confirm", args=[dry_run.pk]))

    response = client.post(reverse("imports:confirm", args=[dry_run.pk]), follow=True)

    assert "Only a checked import that has not started can be confirmed" in (
        response.content.decode()
    )


def test_the_api_gives_status_counts_and_progress(client_for, verifier, dry_run):
    client = client_for(verifier)

    listing = client.get(reverse("api:import_list")).json()
    detail = client.get(reverse("api:import_detail", args=[dry_run.pk])).json()

    assert listing["count"] == 1 and listing["results"][0]["id"] == dry_run.pk
    assert {key: detail[key] for key in ("status", "total_rows", "processed", "created")} == {
        "status": "dry_run_done",
        "total_rows": 4,
        "processed": 4,
        "created": 3,
    }
    assert detail["refused"] == 1
    assert client.get(reverse("api:import_detail", args=[99999])).status_code == 404
    assert client.get(reverse("api:import_list"), {"page_size": "0"}).status_code == 400


def test_the_report_page_costs_the_same_queries_however_many_rows(
    client_for, verifier, checked, django_assert_max_num_queries
):
    run = checked(good_rows(150))
    client = client_for(verifier)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("imports:detail", args=[run.pk]))

    assert response.status_code == 200


def test_the_list_costs_the_same_queries_however_many_imports(
    client_for, verifier, checked, django_assert_max_num_queries
):
    for _ in range(3):
        checked(good_rows(1))
    client = client_for(verifier)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("imports:list"))

    assert response.content.decode().count("register.csv") == 3


def test_a_stopped_import_is_resumed_from_its_page(client_for, verifier, dry_run):
    from django.utils import timezone

    ImportRun.objects.filter(pk=dry_run.pk).update(
        status=ImportRun.Status.FAILED,
        confirmed_at=timezone.now(),
        failure="Worker lost.",
        cursor=2,
        created=0,
        refused=0,
    )
    client = client_for(verifier)
    page = client.get(reverse("imports:detail", args=[dry_run.pk])).content.decode()
    assert "Resume from row 2" in page

    client.post(reverse("imports:resume", args=[dry_run.pk]))

    dry_run.refresh_from_db()
    assert (dry_run.status, dry_run.created, dry_run.refused) == (ImportRun.Status.DONE, 3, 1)
    response = client.post(reverse("imports:resume", args=[dry_run.pk]), follow=True)
    assert "nothing to resume" in response.content.decode()
