"""The register export, /staff/register/export.csv and .xlsx: only staff, only their areas'
PAs, only what staff may see, every download audited, in a bounded number of queries."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pahub.accounts.models import Role
from pahub.core.models import AuditEvent
from pahub.register.staff_export import HEADER
from tests.factories import UserFactory
from tests.register.verification.fixtures import complete_profile, speaks

CSV = reverse("register_staff:export", args=["csv"])
XLSX = reverse("register_staff:export", args=["xlsx"])


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def xlsx_rows(response) -> list[list]:
    body = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def names_in(rows: list[list]) -> list[str]:
    return [row[HEADER.index("Full name")] for row in rows[1:]]


# Who may download it


@pytest.mark.parametrize("url", [CSV, XLSX])
def test_signed_out_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [CSV, XLSX])
@pytest.mark.parametrize("person", ["pa", "employer"])
def test_pas_and_employers_are_refused(client_for, request, person, url, pa_profile):
    response = client_for(request.getfixturevalue(person)).get(url)

    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="register.exported").exists()


def test_staff_without_two_factor_must_set_it_up_first(client_for, verifier_without_two_factor):
    response = client_for(verifier_without_two_factor).get(CSV)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_staff_of_another_council_get_none_of_our_pas(
    client_for, durham_verifier, pa_profile, durham_profile
):
    rows = csv_rows(client_for(durham_verifier).get(CSV))

    assert names_in(rows) == [durham_profile.user.full_name]


def test_an_unknown_format_is_not_found(client_for, member):
    assert client_for(member).get("/staff/register/export.pdf").status_code == 404


# What it holds


def test_staff_download_their_areas_pas_as_csv(client_for, member, pa_profile, durham_profile):
    speaks(pa_profile, "bfi", "British Sign Language (BSL)")
    response = client_for(member).get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="pa-register-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert tuple(rows[0]) == HEADER
    assert names_in(rows) == ["Jordan Reed"]
    row = dict(zip(HEADER, rows[1], strict=True))
    assert row["Postcode district"] == "NE3"
    assert row["Local authority"] == "Newcastle upon Tyne"
    assert row["Languages"] == "British Sign Language (BSL) (fluent)"
    assert row["Status"] == "Looking for work"


def test_the_same_as_xlsx(client_for, org_admin, pa_profile):
    response = client_for(org_admin).get(XLSX)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    assert tuple(rows[0]) == HEADER
    assert names_in(rows) == ["Jordan Reed"]


def test_no_address_contact_details_or_equality_answers_are_exported(
    client_for, member, pa_profile
):
    body = b"".join(client_for(member).get(CSV).streaming_content).decode()

    user = pa_profile.user
    assert user.postcode not in body
    assert user.email not in body
    assert not {"Postcode", "Email", "Phone", "Gender", "Age", "Ethnicity"} & set(HEADER)


def test_the_search_filters_narrow_the_export(client_for, member, skill, pa_profile):
    other = UserFactory(full_name="Sam Paused", postcode="NE6 1AA", roles=[Role.PA])
    complete_profile(other, skill, is_paused=True)

    rows = csv_rows(client_for(member).get(CSV, {"status": "paused"}))

    assert names_in(rows) == ["Sam Paused"]


def test_bad_filters_go_back_to_the_search_page_to_be_corrected(client_for, member):
    response = client_for(member).get(CSV, {"level": "seven"})

    assert response.status_code == 302
    assert response.url == f"{reverse('register_staff:search')}?level=seven"
    assert not AuditEvent.objects.filter(action="register.exported").exists()


def test_a_name_that_looks_like_a_formula_is_exported_as_text(client_for, member, skill):
    user = UserFactory(full_name="=HYPERLINK(1)", postcode="NE6 1AA", roles=[Role.PA])
    complete_profile(user, skill, display_name="+Sam")

    row = dict(zip(HEADER, csv_rows(client_for(member).get(CSV))[1], strict=True))

    assert row["Full name"] == "'=HYPERLINK(1)"
    assert row["Shown to employers as"] == "'+Sam"


def test_every_download_is_audited(client_for, member, pa_profile):
    client_for(member).get(XLSX, {"status": "looking"})

    event = AuditEvent.objects.get(action="register.exported")
    assert event.actor == member
    assert event.detail == {"format": "xlsx", "rows": 1, "filters": {"status": "looking"}}


def test_the_search_page_links_to_the_downloads_with_its_filters(client_for, member, pa_profile):
    response = client_for(member).get(reverse("register_staff:search"), {"status": "looking"})

    assert f'href="{CSV}?status=looking"'.encode() in response.content
    assert f'href="{XLSX}?status=looking"'.encode() in response.content


def test_the_query_count_does_not_grow_with_the_pas(
    client_for, member, skill, django_assert_max_num_queries
):
    for number in range(30):
        user = UserFactory(full_name=f"PA {number}", postcode="NE6 1AA", roles=[Role.PA])
        profile = complete_profile(user, skill)
        if number % 2:
            speaks(profile, "pl", "Polish")
    client = client_for(member)

    with django_assert_max_num_queries(25):
        rows = csv_rows(client.get(CSV))

    assert len(rows) == 31
