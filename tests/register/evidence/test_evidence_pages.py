"""Adding, changing and withdrawing evidence: who may, what is saved, and bad input."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.core.models import AuditEvent
from pahub.register.evidence.services import evidence_status
from pahub.register.levels import ENTRY
from pahub.register.models import Evidence

OVERVIEW_URL = reverse("register:evidence")
DBS_URL = reverse("register:evidence_add", args=["dbs"])


def add_url(slug: str) -> str:
    return reverse("register:evidence_add", args=[slug])


def dbs_form(**changes) -> dict:
    form = {
        "dbs_type": "enhanced_adults",
        "dbs_certificate_number": "0012 3456 7890",
        "dbs_issue_date_day": "3",
        "dbs_issue_date_month": "2",
        "dbs_issue_date_year": "2025",
        "dbs_on_update_service": "yes",
        "dbs_status_check_consent": "yes",
    }
    form.update(changes)
    return form


def verify(evidence: Evidence, organisation=None) -> Evidence:
    """What the verification queue records, done directly for these tests."""
    evidence.status = Evidence.Status.VERIFIED
    evidence.verified_at = timezone.now()
    evidence.verified_by_organisation = organisation
    evidence.save()
    return evidence


# Who may see the pages


@pytest.mark.parametrize(
    "url",
    [
        OVERVIEW_URL,
        DBS_URL,
        add_url("identity"),
        add_url("right-to-work"),
        add_url("driving-licence"),
        add_url("qualification"),
        add_url("specialist-skill"),
    ],
)
def test_anonymous_visitor_is_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [OVERVIEW_URL, DBS_URL, add_url("qualification")])
def test_employer_who_is_not_a_pa_is_refused(client_for, employer_only, url):
    assert client_for(employer_only).get(url).status_code == 403


@pytest.mark.parametrize(
    "slug",
    ["identity", "dbs", "right-to-work", "driving-licence", "qualification", "specialist-skill"],
)
def test_pa_sees_each_add_page_with_one_heading(client_for, pa, specialist_skill, slug):
    response = client_for(pa).get(add_url(slug))

    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_unknown_kind_of_evidence_is_not_found(client_for, pa):
    assert client_for(pa).get(add_url("passport-photo")).status_code == 404


def test_a_pa_without_a_profile_yet_sees_the_overview(client_for, pa):
    response = client_for(pa).get(OVERVIEW_URL)

    assert response.status_code == 200
    assert "You have not added any evidence yet" in response.content.decode()


def test_overview_shows_each_item_with_its_status_in_words(client_for, pa_profile, organisation):
    Evidence.objects.create(profile=pa_profile, kind=Evidence.Kind.IDENTITY)
    verify(
        Evidence.objects.create(profile=pa_profile, kind=Evidence.Kind.RIGHT_TO_WORK),
        organisation,
    )
    Evidence.objects.create(
        profile=pa_profile,
        kind=Evidence.Kind.QUALIFICATION,
        title="Care Certificate",
        status=Evidence.Status.NEEDS_MORE,
        outcome_reason="Please upload page 2",
    )
    Evidence.objects.create(
        profile=pa_profile,
        kind=Evidence.Kind.DRIVING_LICENCE,
        status=Evidence.Status.REJECTED,
        outcome_reason="The licence had expired",
    )
    Evidence.objects.create(
        profile=pa_profile, kind=Evidence.Kind.DBS, status=Evidence.Status.WITHDRAWN
    )

    html = client_for(pa_profile.user).get(OVERVIEW_URL).content.decode()

    assert "Waiting to be checked" in html
    assert f"Verified by Newcastle Independent Living on {timezone.localdate():%-d %B %Y}" in html
    assert "More information needed: Please upload page 2" in html
    assert "Not accepted: The licence had expired" in html
    assert "DBS certificate" not in html.split("Add evidence")[0]


def test_verified_evidence_past_its_expiry_date_says_expired():
    evidence = Evidence(
        kind=Evidence.Kind.DBS,
        status=Evidence.Status.VERIFIED,
        expires_on=date(2026, 1, 31),
    )

    assert evidence_status(evidence, today=date(2026, 2, 1)).text == "Expired on 31 January 2026"
    assert evidence_status(evidence, today=date(2026, 1, 31)).text == "Verified"


def test_overview_query_count_does_not_grow_with_evidence(
    client_for, pa_profile, organisation, django_assert_max_num_queries
):
    client = client_for(pa_profile.user)
    for number in range(3):
        Evidence.objects.create(
            profile=pa_profile, kind=Evidence.Kind.QUALIFICATION, title=f"Course {number}"
        )
    with django_assert_max_num_queries(40) as few:
        client.get(OVERVIEW_URL)
    for number in range(10):
        verify(
            Evidence.objects.create(
                profile=pa_profile, kind=Evidence.Kind.QUALIFICATION, title=f"More {number}"
            ),
            organisation,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(OVERVIEW_URL)


# Adding evidence


def test_pa_declares_identity_and_reaches_entry_level(client_for, pa_profile, code_version):
    from pahub.register.code.services import code_sign

    code_sign(user=pa_profile.user, version_number=code_version.number)

    response = client_for(pa_profile.user).post(
        add_url("identity"), {"identity_document": "passport", "declaration": "on"}
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get(profile=pa_profile, kind=Evidence.Kind.IDENTITY)
    assert evidence.identity_document == "passport"
    assert evidence.declared_at is not None
    assert evidence.status == Evidence.Status.AWAITING
    pa_profile.refresh_from_db()
    assert pa_profile.level == ENTRY
    assert AuditEvent.objects.filter(action="evidence.added", actor=pa_profile.user).exists()


def test_identity_needs_the_declaration(client_for, pa):
    response = client_for(pa).post(add_url("identity"), {"identity_document": "passport"})

    assert response.status_code == 200
    assert "Confirm that the information you have given is true" in response.content.decode()
    assert not Evidence.objects.exists()


def test_identity_with_another_document_asks_which(client_for, pa):
    response = client_for(pa).post(
        add_url("identity"), {"identity_document": "other", "declaration": "on"}
    )

    assert "Enter the name of the document you will show" in response.content.decode()


def test_pa_adds_a_dbs_certificate_with_spaces_in_the_number(client_for, pa):
    response = client_for(pa).post(DBS_URL, dbs_form())

    assert response.status_code == 302
    evidence = Evidence.objects.get(kind=Evidence.Kind.DBS)
    assert evidence.dbs_certificate_number == "001234567890"
    assert evidence.dbs_issue_date == date(2025, 2, 3)
    assert evidence.dbs_type == Evidence.DbsType.ENHANCED_ADULTS_BARRED
    assert (evidence.dbs_on_update_service, evidence.dbs_status_check_consent) == (True, True)
    event = AuditEvent.objects.get(action="evidence.dbs_details_changed")
    assert event.actor == pa
    assert "dbs_certificate_number" in event.detail["fields"]
    assert "001234567890" not in str(event.detail)


def test_dbs_page_explains_the_umbrella_body_route(client_for, pa):
    html = client_for(pa).get(DBS_URL).content.decode()

    assert "21 January 2026" in html
    assert "umbrella body" in html
    assert "original paper certificate" in html


@pytest.mark.parametrize("number", ["12345", "12345678901A"])
def test_wrong_dbs_number_keeps_what_was_typed_and_says_what_to_fix(client_for, pa, number):
    response = client_for(pa).post(DBS_URL, dbs_form(dbs_certificate_number=number))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Error: " in html
    assert (
        'id="id_dbs_certificate_number-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter the 12-digit certificate number, '
        "printed at the top right of the certificate"
    ) in html
    assert f'value="{number}"' in html
    assert 'value="2025"' in html  # the rest of what was typed is kept
    assert not Evidence.objects.exists()


def test_future_issue_date_is_refused(client_for, pa):
    next_year = str(timezone.localdate().year + 1)

    response = client_for(pa).post(DBS_URL, dbs_form(dbs_issue_date_year=next_year))

    html = response.content.decode()
    assert "Issue date must be in the past" in html
    assert f'value="{next_year}"' in html
    assert "govuk-input--error" in html
    assert not Evidence.objects.exists()


def test_impossible_date_is_refused(client_for, pa):
    response = client_for(pa).post(
        DBS_URL, dbs_form(dbs_issue_date_day="31", dbs_issue_date_month="2")
    )

    html = response.content.decode()
    assert "Enter a real date" in html
    assert 'name="dbs_issue_date_day" type="text" inputmode="numeric" value="31"' in html
    assert not Evidence.objects.exists()


def test_missing_month_says_which_part_is_missing(client_for, pa):
    response = client_for(pa).post(DBS_URL, dbs_form(dbs_issue_date_month=""))

    assert "Issue date must include a month" in response.content.decode()


def test_update_service_needs_an_answer_about_a_status_check(client_for, pa):
    response = client_for(pa).post(DBS_URL, dbs_form(dbs_status_check_consent=""))

    assert "Select yes if you agree to staff checking your certificate" in (
        response.content.decode()
    )
    assert not Evidence.objects.exists()


def test_not_on_update_service_needs_no_consent_answer(client_for, pa):
    response = client_for(pa).post(
        DBS_URL, dbs_form(dbs_on_update_service="no", dbs_status_check_consent="")
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.dbs_on_update_service, evidence.dbs_status_check_consent) == (False, False)


def test_right_to_work_with_a_share_code(client_for, pa):
    response = client_for(pa).post(
        add_url("right-to-work"),
        {"right_to_work": "settled", "share_code": "w12 345 678", "declaration": "on"},
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.right_to_work, evidence.share_code) == ("settled", "W12345678")


def test_badly_formed_share_code_is_refused(client_for, pa):
    response = client_for(pa).post(
        add_url("right-to-work"),
        {"right_to_work": "visa", "share_code": "W12 345", "declaration": "on"},
    )

    assert "Enter the share code as 9 letters and numbers, like W12 345 678" in (
        response.content.decode()
    )


def test_driving_licence_number_is_optional_but_checked(client_for, pa):
    client = client_for(pa)

    bad = client.post(
        add_url("driving-licence"), {"driving_licence_number": "ABC123", "declaration": "on"}
    )
    good = client.post(
        add_url("driving-licence"),
        {"driving_licence_number": "morga 753116 sm9ij", "declaration": "on"},
    )

    assert "16 letters and numbers, like MORGA753116SM9IJ" in bad.content.decode()
    assert good.status_code == 302
    assert Evidence.objects.get().driving_licence_number == "MORGA753116SM9IJ"


def test_qualification_date_must_be_in_the_past(client_for, pa):
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = client_for(pa).post(
        add_url("qualification"),
        {
            "title": "Level 3 Diploma",
            "awarding_body": "Pearson",
            "achieved_on_day": tomorrow.day,
            "achieved_on_month": tomorrow.month,
            "achieved_on_year": tomorrow.year,
        },
    )

    html = response.content.decode()
    assert "Date achieved must be in the past" in html
    assert 'value="Level 3 Diploma"' in html


def test_specialist_evidence_offers_only_specialist_skills(client_for, pa, skill, specialist_skill):
    client = client_for(pa)
    html = client.get(add_url("specialist-skill")).content.decode()

    assert specialist_skill.name in html
    assert specialist_skill.description in html
    assert skill.name not in html

    response = client.post(
        add_url("specialist-skill"),
        {"skill": specialist_skill.pk, "title": "PEG feeding course, RVI, 2024"},
    )
    assert response.status_code == 302
    assert Evidence.objects.get().skill == specialist_skill

    refused = client.post(add_url("specialist-skill"), {"skill": skill.pk, "title": "Dressing"})
    assert refused.status_code == 200
    assert Evidence.objects.count() == 1


# Changing evidence


def test_changing_evidence_waiting_to_be_checked_edits_it(client_for, pa):
    client = client_for(pa)
    client.post(DBS_URL, dbs_form())
    evidence = Evidence.objects.get()

    page = client.get(reverse("register:evidence_edit", args=[evidence.pk])).content.decode()
    response = client.post(
        reverse("register:evidence_edit", args=[evidence.pk]),
        dbs_form(dbs_certificate_number="999999999999"),
    )

    assert 'value="001234567890"' in page
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.dbs_certificate_number == "999999999999"
    assert Evidence.objects.count() == 1
    change = AuditEvent.objects.get(
        action="evidence.dbs_details_changed", detail__fields=["dbs_certificate_number"]
    )
    assert change.actor == pa


def test_changing_verified_evidence_adds_a_new_item_and_keeps_the_verified_one(
    client_for, pa, organisation
):
    client = client_for(pa)
    client.post(DBS_URL, dbs_form())
    verified = verify(Evidence.objects.get(), organisation)

    response = client.post(
        reverse("register:evidence_edit", args=[verified.pk]),
        dbs_form(dbs_certificate_number="999999999999"),
    )

    assert response.status_code == 302
    verified.refresh_from_db()
    assert verified.dbs_certificate_number == "001234567890"
    assert verified.status == Evidence.Status.VERIFIED
    new = Evidence.objects.exclude(pk=verified.pk).get()
    assert (new.replaces, new.status) == (verified, Evidence.Status.AWAITING)
    assert new.dbs_certificate_number == "999999999999"


def test_changing_evidence_that_needs_more_sends_it_back_to_staff(client_for, pa_profile):
    evidence = Evidence.objects.create(
        profile=pa_profile,
        kind=Evidence.Kind.QUALIFICATION,
        title="Care Certifcate",
        awarding_body="Skills for Care",
        achieved_on=date(2024, 1, 5),
        status=Evidence.Status.NEEDS_MORE,
        outcome_reason="Check the spelling",
    )

    client_for(pa_profile.user).post(
        reverse("register:evidence_edit", args=[evidence.pk]),
        {
            "title": "Care Certificate",
            "awarding_body": "Skills for Care",
            "achieved_on_day": "5",
            "achieved_on_month": "1",
            "achieved_on_year": "2024",
        },
    )

    evidence.refresh_from_db()
    assert (evidence.title, evidence.status) == ("Care Certificate", Evidence.Status.AWAITING)


def test_another_pa_cannot_change_or_withdraw_someone_elses_evidence(
    client_for, other_pa, qualification
):
    client = client_for(other_pa)

    assert client.get(reverse("register:evidence_edit", args=[qualification.pk])).status_code == 404
    assert (
        client.post(reverse("register:evidence_withdraw", args=[qualification.pk])).status_code
        == 404
    )
    qualification.refresh_from_db()
    assert qualification.status == Evidence.Status.AWAITING


def test_another_pa_does_not_see_someone_elses_evidence(client_for, other_pa, qualification):
    html = client_for(other_pa).get(OVERVIEW_URL).content.decode()

    assert "City &amp; Guilds" not in html
    assert "You have not added any evidence yet" in html


def test_edit_and_withdraw_pages_refuse_an_employer(client_for, employer_only, qualification):
    client = client_for(employer_only)

    assert client.get(reverse("register:evidence_edit", args=[qualification.pk])).status_code == 403
    assert (
        client.get(reverse("register:evidence_withdraw", args=[qualification.pk])).status_code
        == 403
    )


def test_edit_and_withdraw_pages_send_anonymous_visitors_to_sign_in(client, qualification):
    for name in ("register:evidence_edit", "register:evidence_withdraw"):
        response = client.get(reverse(name, args=[qualification.pk]))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


# Withdrawing


def test_pa_withdraws_evidence_after_confirming(client_for, entry_level_profile):
    from pahub.register.services import profile_recompute_level

    profile_recompute_level(profile=entry_level_profile)
    identity = Evidence.objects.get(profile=entry_level_profile, kind=Evidence.Kind.IDENTITY)
    client = client_for(entry_level_profile.user)
    url = reverse("register:evidence_withdraw", args=[identity.pk])

    confirm = client.get(url)
    response = client.post(url)

    assert confirm.status_code == 200
    assert "Are you sure you want to withdraw this identity?" in confirm.content.decode()
    assert response.status_code == 302
    identity.refresh_from_db()
    assert identity.status == Evidence.Status.WITHDRAWN
    entry_level_profile.refresh_from_db()
    assert entry_level_profile.level == 0
    assert AuditEvent.objects.filter(
        action="evidence.withdrawn", actor=entry_level_profile.user
    ).exists()
    assert client.get(reverse("register:evidence_edit", args=[identity.pk])).status_code == 404


def test_changing_a_verified_qualification_keeps_its_document_on_the_new_item(
    client_for, qualification, organisation
):
    verify(qualification, organisation)

    client_for(qualification.profile.user).post(
        reverse("register:evidence_edit", args=[qualification.pk]),
        {
            "title": "Level 2 Diploma in Adult Care",
            "awarding_body": "City & Guilds",
            "achieved_on_day": "14",
            "achieved_on_month": "6",
            "achieved_on_year": "2023",
        },
    )

    new = Evidence.objects.get(replaces=qualification)
    assert new.title == "Level 2 Diploma in Adult Care"
    assert new.document.name == qualification.document.name
    assert new.document_name == "my certificate.png"


def test_a_year_typed_short_asks_for_the_full_year(client_for, pa):
    response = client_for(pa).post(DBS_URL, dbs_form(dbs_issue_date_year="25"))

    assert "Enter the year in full, for example 2024" in response.content.decode()


def test_letters_in_a_date_are_not_a_real_date(client_for, pa):
    response = client_for(pa).post(DBS_URL, dbs_form(dbs_issue_date_day="first"))

    assert "Enter a real date" in response.content.decode()
