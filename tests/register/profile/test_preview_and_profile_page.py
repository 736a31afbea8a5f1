"""The preview shows a PA exactly what employers see; others see it only if the PA allows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import Evidence, PAProfile
from pahub.taxonomy.models import Interest, Skill
from tests.factories import UserFactory, make_staff

PREVIEW = reverse("register:profile_preview")


def detail_url(profile: PAProfile) -> str:
    return reverse("register:profile_detail", kwargs={"profile_id": profile.pk})


def test_the_preview_shows_the_district_and_area_never_the_postcode(client_for, pa_profile):
    content = client_for(pa_profile.user).get(PREVIEW).content.decode()

    assert "NE3, Newcastle upon Tyne" in content
    assert "NE3 1AA" not in content
    assert pa_profile.user.email not in content


def test_the_preview_uses_the_shared_card(client_for, pa_profile):
    response = client_for(pa_profile.user).get(PREVIEW)

    assert "register/profile/_card.html" in [template.name for template in response.templates]
    for key in (
        "profile",
        "languages",
        "skills_by_category",
        "availability_lines",
        "badge_items",
        "level_name",
    ):
        assert key in response.context


def test_the_preview_shows_what_the_pa_wrote_and_chose(client_for, pa_profile, skill):
    pa_profile.interests.add(Interest.objects.get(name="Gardening"))
    pa_profile.other_interests = ["salsa dancing"]
    pa_profile.save()

    content = client_for(pa_profile.user).get(PREVIEW).content.decode()

    assert "I have cared for my grandad for five years." in content
    assert "Gardening" in content
    assert "salsa dancing" in content
    assert skill.name in content
    assert "Monday: morning" in content
    assert "£13.50 an hour" in content


def test_the_preview_says_when_employers_cannot_see_the_profile(client_for, pa_profile):
    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility="hidden")

    content = client_for(pa_profile.user).get(PREVIEW).content.decode()

    assert "Your profile is hidden, so employers cannot see it now." in content


def test_a_script_in_about_me_is_shown_as_harmless_text(client_for, employer, pa_profile):
    PAProfile.objects.filter(pk=pa_profile.pk).update(
        about_me="<script>alert('stolen')</script>", what_matters="<b>bold</b>"
    )

    for client, url in (
        (client_for(pa_profile.user), PREVIEW),
        (client_for(employer), detail_url(pa_profile)),
    ):
        content = client.get(url).content.decode()
        assert "&lt;script&gt;" in content
        assert "<script>alert" not in content
        assert "<b>bold</b>" not in content


def test_the_badge_lists_what_was_checked_by_whom(client_for, pa_profile, organisation):
    from django.utils import timezone

    Evidence.objects.create(
        profile=pa_profile,
        kind=Evidence.Kind.DBS,
        status=Evidence.Status.VERIFIED,
        verified_at=timezone.now(),
        verified_by_organisation=organisation,
    )

    content = client_for(pa_profile.user).get(PREVIEW).content.decode()

    assert "DBS certificate" in content
    assert "checked by Newcastle Independent Living" in content


# The profile page others see ------------------------------------------------------------------


def test_an_employer_sees_a_profile_visible_to_all_employers(client_for, employer, pa_profile):
    response = client_for(employer).get(detail_url(pa_profile))

    assert response.status_code == 200
    content = response.content.decode()
    assert '<h1 class="govuk-heading-l">Jordan</h1>' in content
    assert "NE3 1AA" not in content
    assert "pa@example.org" not in content


@pytest.mark.parametrize(
    "change", [{"visibility": "hidden"}, {"is_paused": True}], ids=["hidden", "paused"]
)
def test_an_employer_gets_not_found_for_a_hidden_or_paused_profile(
    client_for, employer, pa_profile, change
):
    PAProfile.objects.filter(pk=pa_profile.pk).update(**change)

    assert client_for(employer).get(detail_url(pa_profile)).status_code == 404


@pytest.mark.parametrize(
    "change", [{"visibility": "hidden"}, {"is_paused": True}], ids=["hidden", "paused"]
)
def test_staff_outside_the_pas_areas_get_not_found(
    client_for, other_organisation, pa_profile, change
):
    durham_staff = make_staff(organisation=other_organisation, email="durham@example.org")
    PAProfile.objects.filter(pk=pa_profile.pk).update(**change)

    assert client_for(durham_staff).get(detail_url(pa_profile)).status_code == 404


def test_staff_in_the_pas_area_see_a_hidden_profile_and_the_view_is_audited(
    client_for, verifier, pa_profile
):
    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility="hidden")

    response = client_for(verifier).get(detail_url(pa_profile))

    assert response.status_code == 200
    assert AuditEvent.objects.filter(
        actor=verifier, action="record.viewed", target_id=str(pa_profile.pk)
    ).exists()


def test_a_local_profile_is_seen_by_a_verified_employer_living_in_a_chosen_area(
    client_for, employer, pa_profile
):
    newcastle = employer.local_authority
    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility="local")
    pa_profile.visible_in.set([newcastle])
    durham_employer = UserFactory(postcode="DH1 1AA", roles=["employer"])

    assert client_for(employer).get(detail_url(pa_profile)).status_code == 200
    assert client_for(durham_employer).get(detail_url(pa_profile)).status_code == 404


def test_the_pa_can_open_their_own_profile_page_even_when_hidden(client_for, pa_profile):
    PAProfile.objects.filter(pk=pa_profile.pk).update(visibility="hidden")

    response = client_for(pa_profile.user).get(detail_url(pa_profile))

    assert response.status_code == 200
    assert "This is your own profile." in response.content.decode()


def test_another_pa_gets_not_found(client_for, other_pa, pa_profile):
    assert client_for(other_pa).get(detail_url(pa_profile)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_for_a_profile(client, pa_profile):
    response = client.get(detail_url(pa_profile))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_profile_that_does_not_exist_is_not_found(client_for, employer, db):
    response = client_for(employer).get(
        reverse("register:profile_detail", kwargs={"profile_id": 999999})
    )

    assert response.status_code == 404


# Query counts ---------------------------------------------------------------------------------


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["overview", "preview", "detail"])
def test_the_page_query_count_does_not_grow_with_the_number_of_skills(
    client_for, employer, pa_profile, page
):
    pa_client = client_for(pa_profile.user)
    client = client_for(employer) if page == "detail" else pa_client
    url = {
        "overview": reverse("register:profile"),
        "preview": PREVIEW,
        "detail": detail_url(pa_profile),
    }[page]
    queries_for(client, url)  # warm up: sessions, content types

    few = queries_for(client, url)
    pa_profile.skills.set(Skill.objects.filter(is_active=True))
    pa_profile.interests.set(Interest.objects.all()[:20])
    many = queries_for(client, url)

    assert Skill.objects.filter(is_active=True).count() > 40
    assert many == few
