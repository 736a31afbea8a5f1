"""The public rules page and council staff's pages to add, change and retire rules."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.rules.models import LocalRule

from .conftest import REASON, today


def url(name: str, council, *args) -> str:
    return reverse(f"rules:{name}", args=[council.slug, *args])


def add_url(council, kind="dbs-check") -> str:
    return url("add", council, kind)


def good() -> dict[str, str]:
    """A good answer starting today, asked at the moment of use (a run may cross midnight)."""
    start = today()
    return {
        "dbs_level": "enhanced",
        "applies_to": "direct_payment",
        "explanation": "Our direct payment team pays for the check through its umbrella body.",
        "in_force_from_day": str(start.day),
        "in_force_from_month": str(start.month),
        "in_force_from_year": str(start.year),
    }


# The public page


def test_anyone_reads_a_councils_rules_with_the_reason(client, dbs_rule, newcastle):
    response = client.get(url("list", newcastle))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enhanced with adults&#x27; barred list DBS check or higher" in page
    assert dbs_rule.explanation in page
    assert "Manage Newcastle City Council" not in page


def test_a_council_without_rules_says_so(client, durham):
    assert "has no local rules" in client.get(url("list", durham)).content.decode()


def test_an_unknown_council_is_404(client, db):
    assert client.get("/areas/atlantis/rules/").status_code == 404


def test_retired_rules_are_not_listed(client, dbs_rule, newcastle, council_staff):
    LocalRule.objects.filter(pk=dbs_rule.pk).update(is_retired=True)
    assert dbs_rule.explanation not in client.get(url("list", newcastle)).content.decode()


def test_the_list_costs_the_same_queries_however_many_rules(
    client, dbs_rule, newcastle, council_staff, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10) as few:
        client.get(url("list", newcastle))
    for number in range(5):
        LocalRule.objects.create(
            council=newcastle,
            kind="minimum_pa_level",
            pa_level=2,
            applies_to="all_jobs",
            explanation=f"Rule {number}",
            in_force_from=today(),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("list", newcastle))


def test_the_councils_staff_see_a_link_to_manage(client_for, council_staff, newcastle):
    page = client_for(council_staff).get(url("list", newcastle)).content.decode()
    assert url("manage", newcastle) in page


# Who may manage


def test_signed_out_people_are_sent_to_sign_in(client, newcastle, dbs_rule):
    for address in (
        url("manage", newcastle),
        add_url(newcastle),
        url("edit", newcastle, dbs_rule.pk),
        url("retire", newcastle, dbs_rule.pk),
    ):
        response = client.get(address)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    client.post(url("retire", newcastle, dbs_rule.pk))
    dbs_rule.refresh_from_db()
    assert not dbs_rule.is_retired


@pytest.mark.parametrize("who", ["pa", "employer", "durham_staff", "verifier", "outsider"])
def test_anyone_but_the_councils_staff_gets_404(request, client_for, newcastle, dbs_rule, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(url("manage", newcastle)).status_code == 404
    assert client.get(add_url(newcastle)).status_code == 404
    assert client.post(add_url(newcastle), good()).status_code == 404
    assert client.get(url("edit", newcastle, dbs_rule.pk)).status_code == 404
    assert client.post(url("retire", newcastle, dbs_rule.pk)).status_code == 404
    dbs_rule.refresh_from_db()
    assert not dbs_rule.is_retired


def test_staff_without_two_factor_are_sent_to_set_it_up(
    client_for, staff_without_two_factor, newcastle
):
    response = client_for(staff_without_two_factor).post(add_url(newcastle), good())
    assert response.status_code == 302
    assert "two-factor" in response["Location"] or "totp" in response["Location"]
    assert not LocalRule.objects.exists()


def test_a_site_admin_manages_any_councils_rules(client_for, admin, durham):
    response = client_for(admin).post(add_url(durham), good())
    assert response.status_code == 302
    assert LocalRule.objects.get().council == durham


def test_a_rule_of_another_council_is_404_under_this_one(client_for, admin, dbs_rule, durham):
    assert client_for(admin).get(url("edit", durham, dbs_rule.pk)).status_code == 404


def test_an_unknown_kind_of_rule_is_404(client_for, council_staff, newcastle):
    assert client_for(council_staff).get(add_url(newcastle, "free-biscuits")).status_code == 404


# Adding, changing, retiring


def test_council_staff_add_a_dbs_rule(client_for, council_staff, newcastle):
    client = client_for(council_staff)
    assert "Which DBS check must PAs have" in client.get(add_url(newcastle)).content.decode()

    response = client.post(add_url(newcastle), good())

    assert response.status_code == 302
    assert response["Location"] == url("manage", newcastle)
    rule = LocalRule.objects.get()
    assert (rule.kind, rule.dbs_level, rule.created_by) == ("dbs_check", "enhanced", council_staff)
    assert AuditEvent.objects.filter(action="local_rule.added", actor=council_staff).exists()
    assert REASON in client.get(url("list", newcastle)).content.decode()


def test_bad_input_is_refused_by_the_field_and_kept(client_for, council_staff, newcastle):
    answers = good() | {"dbs_level": "", "in_force_from_month": "13"}
    response = client_for(council_staff).post(add_url(newcastle), answers)

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Choose the DBS check PAs must have" in page
    assert "Enter a real date" in page
    assert good()["explanation"] in page
    assert not LocalRule.objects.exists()


def test_a_date_in_the_past_is_refused_by_the_date(client_for, council_staff, newcastle):
    answers = good() | {"in_force_from_year": str(today().year - 1)}
    page = client_for(council_staff).post(add_url(newcastle), answers).content.decode()
    assert "The date the rule starts must be today or later" in page
    assert not LocalRule.objects.exists()


def test_each_kind_asks_only_its_own_question(client_for, council_staff, newcastle):
    client = client_for(council_staff)
    level_page = client.get(add_url(newcastle, "minimum-level")).content.decode()
    insurance_page = client.get(add_url(newcastle, "employer-insurance")).content.decode()
    assert "lowest PA Hub level" in level_page and "DBS check" not in level_page
    assert "How do employers get it paid for?" in insurance_page


def test_council_staff_add_the_insurance_information(client_for, council_staff, newcastle):
    answers = {key: value for key, value in good().items() if key != "dbs_level"} | {
        "funding_details": "Claim it back with your four-weekly return.",
        "applies_to": "all_jobs",
    }
    response = client_for(council_staff).post(add_url(newcastle, "employer-insurance"), answers)
    assert response.status_code == 302
    assert LocalRule.objects.get().kind == "employer_insurance_funded"


def test_council_staff_change_a_rule(client_for, council_staff, newcastle, dbs_rule):
    client = client_for(council_staff)
    form = client.get(url("edit", newcastle, dbs_rule.pk)).content.decode()
    assert dbs_rule.explanation in form

    response = client.post(url("edit", newcastle, dbs_rule.pk), good() | {"dbs_level": "standard"})

    assert response.status_code == 302
    dbs_rule.refresh_from_db()
    assert dbs_rule.dbs_level == "standard"


def test_council_staff_retire_a_rule_after_confirming(
    client_for, council_staff, newcastle, dbs_rule
):
    client = client_for(council_staff)
    assert "Retire this rule?" in client.get(url("retire", newcastle, dbs_rule.pk)).content.decode()

    response = client.post(url("retire", newcastle, dbs_rule.pk))

    assert response.status_code == 302
    dbs_rule.refresh_from_db()
    assert dbs_rule.is_retired
    manage = client.get(url("manage", newcastle)).content.decode()
    assert "Retired on" in manage
    # A retired rule cannot be changed: its page sends staff back to the list.
    assert client.get(url("edit", newcastle, dbs_rule.pk)).status_code == 302
