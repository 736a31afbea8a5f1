"""The code of conduct: reading, signing, and a new version making PAs sign again."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.code.services import CodeError, code_blocks, code_publish_version, code_sign
from pahub.register.code.text import VERSION_1_BODY
from pahub.register.levels import ENTRY, NONE
from pahub.register.models import CodeOfConductVersion, CodeSignature
from pahub.register.services import profile_recompute_level

CODE_URL = reverse("register:code")
PUBLISH_URL = reverse("register:code_publish")

pytestmark = pytest.mark.django_db


def publish(by=None, body="## Respect\n\nTreat people with respect, always.", summary="Clearer."):
    return code_publish_version(body=body, summary_of_changes=summary, by=by)


# Who may see the pages


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(CODE_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_employer_who_is_not_a_pa_is_refused(client_for, employer_only):
    assert client_for(employer_only).get(CODE_URL).status_code == 403


def test_pa_reads_the_current_code(client_for, pa):
    response = client_for(pa).get(CODE_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Version 1, published" in html
    assert "You have not signed the code yet" in html
    assert "I have read the code of conduct and I agree to follow it" in html


def test_version_1_is_published_by_the_migration_with_every_section():
    version = CodeOfConductVersion.objects.get(number=1)

    assert version.published_at is not None
    assert version.body == VERSION_1_BODY
    headings = [block.text for block in code_blocks(version.body) if block.kind == "heading"]
    assert headings == [
        "Respect, dignity and choice",
        "Privacy and confidentiality",
        "Honesty",
        "Safe working",
        "Boundaries",
        "Gifts and money",
        "Reliability and notice",
        "Raising concerns",
        "Keeping your skills up to date",
        "If the code is broken",
    ]
    assert 800 <= len(version.body.split()) <= 1200


# Rendering the text safely


def test_headings_become_h2_and_html_in_the_text_is_shown_as_text(client_for, pa):
    CodeOfConductVersion.objects.filter(number=1).update(
        body="## Be <b>kind</b>\n\nSay hello. <script>alert(1)</script>\n\n- Listen\n- Ask"
    )

    html = client_for(pa).get(CODE_URL).content.decode()

    assert '<h2 class="govuk-heading-m">Be &lt;b&gt;kind&lt;/b&gt;</h2>' in html
    assert "Say hello. &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "<li>Listen</li>" in html


def test_code_blocks_split_headings_paragraphs_and_lists():
    body = "Intro line one\nline two\n\n## Gifts\n- No loans\ncontinued\n- No wills\n\nEnd."

    blocks = code_blocks(body)

    assert [(block.kind, block.text, block.items) for block in blocks] == [
        ("paragraph", "Intro line one line two", ()),
        ("heading", "Gifts", ()),
        ("list", "", ("No loans continued", "No wills")),
        ("paragraph", "End.", ()),
    ]


# Signing


def test_pa_signs_the_code_and_the_page_says_when(client_for, pa):
    client = client_for(pa)

    response = client.post(CODE_URL, {"version": 1, "agree": "on"})

    assert response.status_code == 302
    signature = CodeSignature.objects.get(user=pa)
    assert signature.version.number == 1
    assert AuditEvent.objects.filter(action="code.signed", actor=pa).count() == 1
    html = client.get(CODE_URL).content.decode()
    assert f"You signed version 1 on {signature.signed_at:%-d %B %Y}" in html
    assert "Sign the code of conduct</button>" not in html


def test_signing_without_ticking_the_box_shows_the_message_beside_it(client_for, pa):
    response = client_for(pa).post(CODE_URL, {"version": 1})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirm that you have read the code of conduct and agree to follow it" in html
    assert "govuk-error-summary" in html
    assert not CodeSignature.objects.filter(user=pa).exists()


def test_signing_a_version_that_is_no_longer_current_is_refused(client_for, pa, admin):
    publish(by=admin)

    response = client_for(pa).post(CODE_URL, {"version": 1, "agree": "on"}, follow=True)

    assert "A new version of the code was published while you were reading it" in (
        response.content.decode()
    )
    assert not CodeSignature.objects.filter(user=pa).exists()


def test_signing_twice_keeps_one_signature(pa):
    code_sign(user=pa, version_number=1)
    code_sign(user=pa, version_number=1)

    assert CodeSignature.objects.filter(user=pa).count() == 1
    assert AuditEvent.objects.filter(action="code.signed").count() == 1


def test_signing_creates_the_profile_when_the_pa_has_none(pa):
    assert not hasattr(pa, "pa_profile")

    code_sign(user=pa, version_number=1)

    pa.refresh_from_db()
    assert pa.pa_profile.level == NONE


# A new version


def test_new_version_makes_an_entry_level_pa_drop_until_they_sign_again(entry_level_profile, admin):
    profile = entry_level_profile
    assert profile_recompute_level(profile=profile) == ENTRY

    published = publish(by=admin)

    profile.refresh_from_db()
    assert published.version.number == 2
    assert profile.level == NONE
    assert published.recheck.levels_dropped == 1

    code_sign(user=profile.user, version_number=2)

    profile.refresh_from_db()
    assert profile.level == ENTRY


def test_new_version_emails_each_pa_who_signed_before_or_whose_level_dropped(
    entry_level_profile, other_pa, outsider, admin
):
    code_sign(user=other_pa, version_number=1)
    profile_recompute_level(profile=entry_level_profile)

    publish(by=admin, summary="We added a section on social media.")

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([entry_level_profile.user.email, other_pa.email])
    message = next(m for m in mail.outbox if m.to == [entry_level_profile.user.email])
    assert message.subject == "[PA Hub] Please sign the new PA Hub code of conduct"
    assert "We added a section on social media." in message.body
    assert "You were at Entry level" in message.body
    assert reverse("register:code") in message.body


def test_page_asks_a_pa_who_signed_an_older_version_to_sign_again(client_for, pa, admin):
    code_sign(user=pa, version_number=1)
    publish(by=admin, summary="A new section about <b>social media</b>.")

    html = client_for(pa).get(CODE_URL).content.decode()

    assert "A new version of the code needs signing" in html
    assert "You signed version 1" in html
    assert "A new section about &lt;b&gt;social media&lt;/b&gt;." in html
    assert "Version 2, published" in html


def test_publishing_is_audited_and_numbers_versions_in_order(admin):
    publish(by=admin)
    publish(by=admin)

    assert list(CodeOfConductVersion.objects.values_list("number", flat=True)) == [3, 2, 1]
    assert AuditEvent.objects.filter(action="code.published", actor=admin).count() == 2


def test_publishing_needs_a_summary_of_changes(admin):
    with pytest.raises(CodeError):
        publish(by=admin, summary="  ")


def test_publish_command_reads_the_file_and_reports(tmp_path, entry_level_profile):
    profile_recompute_level(profile=entry_level_profile)
    text = tmp_path / "code-v2.md"
    text.write_text("## Respect\n\nBe kind.\n", encoding="utf-8")
    out = StringIO()

    call_command(
        "publish_code_of_conduct", "--file", str(text), "--summary", "Shorter.", stdout=out
    )

    version = CodeOfConductVersion.objects.get(number=2)
    assert (version.body, version.summary_of_changes) == ("## Respect\n\nBe kind.\n", "Shorter.")
    assert "Published version 2." in out.getvalue()
    assert "1 levels lapsed; emailed 1 PAs" in out.getvalue()


# The publishing page


def test_only_site_admins_may_open_the_publishing_page(client_for, pa, verifier, admin, client):
    assert client.get(PUBLISH_URL).status_code == 302
    assert client_for(pa).get(PUBLISH_URL).status_code == 403
    assert client_for(verifier).get(PUBLISH_URL).status_code == 403
    assert client_for(admin).get(PUBLISH_URL).status_code == 200


def test_site_admin_publishes_from_the_page_and_levels_are_rechecked(
    client_for, admin, entry_level_profile, django_capture_on_commit_callbacks
):
    profile_recompute_level(profile=entry_level_profile)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin).post(
            PUBLISH_URL,
            {"body": "## Respect\n\nBe kind.", "summary_of_changes": "Shorter.", "confirm": "on"},
        )

    assert response.status_code == 302
    assert CodeOfConductVersion.objects.filter(number=2).exists()
    entry_level_profile.refresh_from_db()
    assert entry_level_profile.level == NONE
    assert len(mail.outbox) == 1


def test_publishing_page_keeps_the_text_when_the_summary_is_missing(client_for, admin):
    response = client_for(admin).post(
        PUBLISH_URL, {"body": "## Respect\n\nBe very kind.", "summary_of_changes": ""}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Say what has changed" in html
    assert "Be very kind." in html
    assert not CodeOfConductVersion.objects.filter(number=2).exists()


def test_page_says_so_when_no_code_is_published(client_for, pa):
    CodeOfConductVersion.objects.update(published_at=None)

    response = client_for(pa).get(CODE_URL)

    assert "There is no code of conduct to sign yet" in response.content.decode()
    assert client_for(pa).post(CODE_URL, {"version": 1, "agree": "on"}).status_code == 200
    assert not CodeSignature.objects.exists()


def test_site_admin_without_two_factor_is_sent_to_set_it_up(client_for):
    from tests.factories import UserFactory

    admin_without_2fa = UserFactory(email="new.admin@example.org", is_staff=True, is_superuser=True)

    response = client_for(admin_without_2fa).get(PUBLISH_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
