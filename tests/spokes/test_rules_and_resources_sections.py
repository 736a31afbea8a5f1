"""The spoke page's two sections from other apps: the council's local rules (pahub.rules) and
its guidance and templates (pahub.library)."""

from datetime import date

from django.urls import reverse

from pahub.library.services import ResourceContent, Source, publish_version
from pahub.rules.models import LocalRule
from pahub.rules.services import RuleInput, rule_add

DETAIL = reverse("spokes:detail", args=["newcastle-upon-tyne"])
RULES_MANAGE = reverse("rules:manage", args=["newcastle-upon-tyne"])


def add_dbs_rule(newcastle, by) -> LocalRule:
    answers = RuleInput(
        kind=LocalRule.Kind.DBS_CHECK,
        applies_to=LocalRule.AppliesTo.DIRECT_PAYMENT,
        dbs_level="enhanced_adults",
        explanation="Our direct payment team pays for the check.",
        in_force_from=date(2026, 1, 1),
    )
    return rule_add(council=newcastle, answers=answers, by=by, today=date(2026, 1, 1))


def test_the_councils_rules_are_shown_with_their_reason(client, newcastle, council_staff):
    add_dbs_rule(newcastle, council_staff)

    page = client.get(DETAIL).content.decode()

    assert "Local rules for jobs paid by the council" in page
    assert "for jobs paid by a direct payment" in page
    assert "Our direct payment team pays for the check." in page
    assert reverse("rules:list", args=["newcastle-upon-tyne"]) in page
    assert RULES_MANAGE not in page


def test_a_council_without_rules_has_no_rules_section_except_for_its_staff(
    client, client_for, council_staff, other_council_staff
):
    assert "Local rules for jobs paid by the council" not in client.get(DETAIL).content.decode()
    assert RULES_MANAGE not in client_for(other_council_staff).get(DETAIL).content.decode()

    own_staff_page = client_for(council_staff).get(DETAIL).content.decode()

    assert "The council has no local rules on PA Hub" in own_staff_page
    assert RULES_MANAGE in own_staff_page


def test_the_councils_local_additions_and_the_key_templates_are_linked(
    client, newcastle, council_staff
):
    resource = publish_version(
        slug="newcastle-upon-tyne-paying-for-training",
        content=ResourceContent(
            title="Paying for your PA's training in Newcastle",
            kind="guidance",
            summary="The council pays for a PA's first aid course when you ask.",
            body="Ask the direct payment team before you book.",
            audience=("employer",),
            tags=("training",),
            sources=(Source("Training for PAs (GOV.UK)", "https://www.gov.uk/"),),
        ),
        by=council_staff,
        change_note="First version",
        local_authority=newcastle,
    ).resource

    page = client.get(DETAIL).content.decode()

    assert reverse("library:detail", args=[resource.slug]) in page
    assert "The council pays for a PA&#x27;s first aid course when you ask." in page
    assert reverse("library:detail", args=["contract-of-employment"]) in page
    assert reverse("library:home") in page


def test_every_link_in_the_two_sections_opens(client, newcastle, council_staff):
    add_dbs_rule(newcastle, council_staff)
    for url in (
        reverse("rules:list", args=["newcastle-upon-tyne"]),
        reverse("library:detail", args=["contract-of-employment"]),
        reverse("library:detail", args=["timesheet"]),
        reverse("library:home"),
    ):
        assert client.get(url).status_code == 200, url


def test_the_api_carries_the_rules_and_local_resources_like_the_page(
    client, newcastle, council_staff
):
    add_dbs_rule(newcastle, council_staff)

    body = client.get("/api/v1/areas/newcastle-upon-tyne").json()

    assert body["local_rules"][0]["reason"].endswith("for jobs paid by a direct payment")
    assert body["local_rules"][0]["in_force_from"] == "2026-01-01"
    assert body["local_resources"] == []
