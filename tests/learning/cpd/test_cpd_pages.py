"""The CPD log pages and exports: PAs only, their own entries only."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.learning.cpd import services
from pahub.learning.models import CPDEntry, CPDReview
from tests.learning.content import complete, make_course, make_module
from tests.register.evidence.files import PDF_BYTES, upload

GOOD = {
    "title": "Dementia awareness",
    "provider": "Newcastle College",
    "learned_on_day": "3",
    "learned_on_month": "2",
    "learned_on_year": "2026",
    "hours": "2.5",
    "what_i_learned": "How to keep routines calm.",
}


def add(user, title="First aid", learned_on=date(2026, 2, 3), hours="3", **fields):
    return services.cpd_entry_add(
        user=user,
        title=title,
        learned_on=learned_on,
        hours=hours,
        what_i_learned=fields.pop("what_i_learned", "CPR and the recovery position."),
        **fields,
    )


PAGES = [
    ("get", "learning:cpd", []),
    ("get", "learning:cpd_add", []),
    ("post", "learning:cpd_review", []),
    ("get", "learning:cpd_export_csv", []),
    ("get", "learning:cpd_export_pdf", []),
    ("get", "learning:prior_learning", []),
    ("get", "learning:prior_learning_add", []),
]


@pytest.mark.parametrize(("method", "name", "args"), PAGES)
def test_signed_out_people_are_sent_to_sign_in(client, db, method, name, args):
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("method", "name", "args"), PAGES)
def test_employers_and_staff_are_refused(client_for, employer, verifier, method, name, args):
    for person in (employer, verifier):
        assert getattr(client_for(person), method)(reverse(name, args=args)).status_code == 403


def test_adding_learning_saves_it_with_the_evidence_file(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:cpd_add"), {**GOOD, "evidence": upload("cert.pdf", PDF_BYTES)}
    )
    assert response.status_code == 302
    entry = CPDEntry.objects.get(user=pa)
    assert entry.hours == Decimal("2.5")
    assert entry.evidence_file.name.endswith(".pdf")
    assert "cert" not in entry.evidence_file.name
    download = client_for(pa).get(reverse("learning:cpd_evidence", args=[entry.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours", "0", "Hours must be more than 0"),
        ("hours", "100.5", "Hours must be 100 or fewer for one entry"),
        ("hours", "lots", "Enter the hours as a number, like 1.5"),
        ("title", "", "Enter what the learning was"),
        ("learned_on_year", "2999", "The date must be today or in the past"),
    ],
)
def test_bad_input_shows_the_error_keeps_the_input_and_saves_nothing(
    client_for, pa, field, value, message
):
    response = client_for(pa).post(reverse("learning:cpd_add"), {**GOOD, field: value})
    assert response.status_code == 200
    assert message in response.text
    assert "How to keep routines calm." in response.text
    assert CPDEntry.objects.count() == 0


def test_a_fake_pdf_is_refused_by_the_registers_upload_checks(client_for, pa):
    response = client_for(pa).post(
        reverse("learning:cpd_add"), {**GOOD, "evidence": upload("cert.pdf", b"not a pdf")}
    )
    assert "not a real PDF, JPG or PNG" in response.text
    assert CPDEntry.objects.count() == 0


def test_the_log_shows_one_year_with_its_total_and_every_years_total(client_for, pa):
    add(pa, title="First aid", hours="3")
    add(pa, title="Moving and handling", hours="1.5", learned_on=date(2026, 5, 1))
    add(pa, title="Old course", hours="6", learned_on=date(2024, 5, 1))
    response = client_for(pa).get(reverse("learning:cpd") + "?year=2026")
    assert "2026: 4.5 hours" in response.text
    assert "Moving and handling" in response.text
    assert "Old course" not in response.text
    assert "6 hours in 1 entry" in response.text


def test_a_year_that_is_not_a_year_is_404(client_for, pa):
    assert client_for(pa).get(reverse("learning:cpd") + "?year=abc").status_code == 404


def test_editing_and_deleting_an_entry(client_for, pa):
    entry = add(pa)
    client = client_for(pa)
    response = client.post(reverse("learning:cpd_edit", args=[entry.pk]), {**GOOD, "hours": "4"})
    assert response.status_code == 302
    assert CPDEntry.objects.get(pk=entry.pk).hours == Decimal("4")
    client.post(reverse("learning:cpd_delete", args=[entry.pk]))
    assert not CPDEntry.objects.exists()


def test_bad_input_on_edit_keeps_the_old_entry(client_for, pa):
    entry = add(pa)
    response = client_for(pa).post(
        reverse("learning:cpd_edit", args=[entry.pk]), {**GOOD, "hours": "-1"}
    )
    assert "Hours must be more than 0" in response.text
    assert CPDEntry.objects.get(pk=entry.pk).hours == Decimal("3")


@pytest.mark.parametrize(
    "name", ["learning:cpd_edit", "learning:cpd_delete", "learning:cpd_evidence"]
)
def test_someone_elses_entry_is_404(client_for, pa, other_pa, name):
    entry = add(other_pa)
    client = client_for(pa)
    assert client.get(reverse(name, args=[entry.pk])).status_code == 404
    assert client.post(reverse("learning:cpd_delete", args=[entry.pk])).status_code == 404
    assert CPDEntry.objects.filter(pk=entry.pk).exists()


def test_csv_export_has_the_years_entries_and_total_and_defuses_formulas(client_for, pa):
    add(pa, title="=HYPERLINK(evil)", hours="2")
    add(pa, title="Infection control", hours="1.25", learned_on=date(2026, 3, 1))
    add(pa, title="Other year", learned_on=date(2025, 3, 1))
    response = client_for(pa).get(reverse("learning:cpd_export_csv") + "?year=2026")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "Date,Title,Provider,Hours,What I learned,Evidence file"
    assert lines[1].startswith("2026-02-03,'=HYPERLINK(evil),,2,")
    assert lines[2].startswith("2026-03-01,Infection control,,1.25,")
    assert lines[-1] == ",Total hours,,3.25,,"
    assert "Other year" not in response.content.decode()


def test_pdf_export_is_a_pdf(client_for, pa):
    add(pa, title="Safeguarding – adults’ rights")
    response = client_for(pa).get(reverse("learning:cpd_export_pdf") + "?year=2026")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_reviewing_the_log_is_recorded(client_for, pa):
    add(pa)
    response = client_for(pa).post(reverse("learning:cpd_review"), {"note": "All there."})
    assert response.status_code == 302
    review = CPDReview.objects.get(user=pa)
    assert review.reviewed_at is not None and review.note == "All there."


def test_completed_modules_not_in_the_log_are_offered_prefilled(client_for, pa):
    module = make_module(make_course(), "records", "Keeping records", ["records"])
    completion = complete(pa, module)
    client = client_for(pa)
    log = client.get(reverse("learning:cpd"))
    assert "Keeping records" in log.text and "Add to my CPD log" in log.text
    form = client.get(reverse("learning:cpd_add") + f"?completion={completion.pk}")
    assert 'value="Keeping records"' in form.text
    response = client.post(
        reverse("learning:cpd_add"),
        {**GOOD, "title": "Keeping records", "completion": completion.pk},
    )
    assert response.status_code == 302
    assert CPDEntry.objects.get(user=pa).module_completion == completion
    assert "Add to my CPD log" not in client.get(reverse("learning:cpd")).text


def test_someone_elses_completion_cannot_be_logged(client_for, pa, other_pa):
    module = make_module(make_course(), "records", "Keeping records", ["records"])
    completion = complete(other_pa, module)
    response = client_for(pa).get(reverse("learning:cpd_add") + f"?completion={completion.pk}")
    assert response.status_code == 404


def test_the_log_query_count_does_not_grow_with_entries(
    client_for, pa, django_assert_max_num_queries
):
    client = client_for(pa)
    add(pa)
    with django_assert_max_num_queries(15) as few:  # one for the help bar's local support
        client.get(reverse("learning:cpd") + "?year=2026")
    for day in range(1, 25):
        add(pa, title=f"Course {day}", learned_on=date(2026, 1, day))
        add(pa, title=f"Old {day}", learned_on=date(2020 + day % 5, 1, day))
    module = make_module(make_course(), "records", "Keeping records", ["records"])
    complete(pa, module)
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        response = client.get(reverse("learning:cpd") + "?year=2026")
    assert "Course 24" in response.text


def test_the_date_cannot_be_in_the_future_through_the_service(pa):
    from pahub.core.forms import FieldInputError

    with pytest.raises(FieldInputError):
        add(pa, learned_on=timezone.localdate() + timedelta(days=1))
