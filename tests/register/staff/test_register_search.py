"""The staff register search, /staff/register/: who may use it, what it finds, and that its
query count does not grow with the results."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pahub.accounts.models import Role
from pahub.register.availability import mask_from_keys
from pahub.register.models import Evidence, PAProfile
from tests.factories import UserFactory
from tests.register.verification.fixtures import (
    add_evidence,
    complete_profile,
    make_entry_level,
    make_level_two,
    speaks,
    today,
    verified,
)

URL = reverse("register_staff:search")


def names_listed(response) -> list[str]:
    return [profile.user.full_name for profile, _ in response.context["rows"]]


def newcastle_pa(skill, full_name: str, postcode: str = "NE6 1AA", **fields) -> PAProfile:
    user = UserFactory(full_name=full_name, postcode=postcode, roles=[Role.PA])
    return complete_profile(user, skill, **fields)


# Who may use it


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["pa", "employer"])
def test_pas_and_employers_are_refused(client_for, person, request):
    response = client_for(request.getfixturevalue(person)).get(URL)

    assert response.status_code == 403


def test_staff_without_two_factor_are_sent_to_set_it_up(client_for, verifier_without_two_factor):
    response = client_for(verifier_without_two_factor).get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("person", ["member", "verifier", "org_admin", "admin"])
def test_any_staff_member_can_search(client_for, person, request, pa_profile):
    response = client_for(request.getfixturevalue(person)).get(URL)

    assert response.status_code == 200
    assert names_listed(response) == ["Jordan Reed"]
    assert b"<h1" in response.content
    assert response.content.count(b"<h1") == 1


# What it finds


def test_staff_see_only_pas_in_their_areas(client_for, member, pa_profile, durham_profile):
    response = client_for(member).get(URL)

    assert names_listed(response) == ["Jordan Reed"]


def test_a_pa_who_chose_to_be_seen_in_an_area_is_found_by_its_staff(
    client_for, durham_verifier, pa_profile, durham_profile
):
    pa_profile.visible_in.add(durham_profile.user.local_authority)

    response = client_for(durham_verifier).get(URL)

    assert names_listed(response) == ["Chris Lowe", "Jordan Reed"]


def test_paused_and_hidden_profiles_are_listed_with_their_status(client_for, member, skill):
    newcastle_pa(skill, "Paula Paused", is_paused=True)
    newcastle_pa(skill, "Hannah Hidden", visibility=PAProfile.Visibility.HIDDEN)
    newcastle_pa(skill, "Lola Looking")

    response = client_for(member).get(URL)

    assert names_listed(response) == ["Hannah Hidden", "Lola Looking", "Paula Paused"]
    html = response.content.decode()
    assert ">Paused</strong>" in html
    assert ">Hidden</strong>" in html
    assert ">Looking for work</strong>" in html


def test_search_by_name_matches_full_or_display_name(client_for, member, skill):
    newcastle_pa(skill, "Samantha Robson", display_name="Sam")
    newcastle_pa(skill, "Peter Samuels")
    newcastle_pa(skill, "Anne Dodd")

    response = client_for(member).get(URL, {"name": "sam"})

    assert names_listed(response) == ["Peter Samuels", "Samantha Robson"]


def test_search_by_district(client_for, member, skill):
    newcastle_pa(skill, "In Ne6", postcode="NE6 2AA")
    newcastle_pa(skill, "In Ne3", postcode="NE3 2AA")

    response = client_for(member).get(URL, {"district": "ne6"})

    assert names_listed(response) == ["In Ne6"]


def test_search_by_local_authority_offers_only_the_staff_members_areas(
    client_for, member, pa_profile
):
    response = client_for(member).get(URL, {"local_authority": pa_profile.user.local_authority_id})

    assert names_listed(response) == ["Jordan Reed"]
    choices = dict(response.context["form"].fields["local_authority"].choices)
    assert list(choices.values()) == ["All your areas", "Newcastle upon Tyne"]


def test_a_site_admin_may_choose_any_spoke(client_for, admin, pa_profile):
    from pahub.places.models import LocalAuthority

    response = client_for(admin).get(URL, {"local_authority": pa_profile.user.local_authority_id})

    assert names_listed(response) == ["Jordan Reed"]
    choices = list(dict(response.context["form"].fields["local_authority"].choices).values())
    spokes = LocalAuthority.objects.filter(is_spoke=True).order_by("name")
    assert choices[1:] == [area.name for area in spokes] and len(choices) > 2


def test_choosing_another_staff_areas_local_authority_is_an_error(
    client_for, member, durham_profile
):
    response = client_for(member).get(
        URL, {"local_authority": durham_profile.user.local_authority_id}
    )

    assert response.context["page"] is None
    assert "Select a valid choice" in response.content.decode()


def test_search_by_level_finds_that_level_and_above(client_for, member, skill, code_version):
    make_level_two(newcastle_pa(skill, "Level Two"), code_version)
    make_entry_level(newcastle_pa(skill, "Entry Only"), code_version)
    newcastle_pa(skill, "Not Yet")
    from pahub.register.services import profile_recompute_level

    for profile in PAProfile.objects.all():
        profile_recompute_level(profile=profile)

    response = client_for(member).get(URL, {"level": "1"})
    assert names_listed(response) == ["Entry Only", "Level Two"]
    response = client_for(member).get(URL, {"level": "2"})
    assert names_listed(response) == ["Level Two"]


def test_search_by_skill_and_language(client_for, member, skill, specialist_skill):
    bsl = newcastle_pa(skill, "Signs Bsl")
    speaks(bsl, "bsl", "British Sign Language")
    peg = newcastle_pa(specialist_skill, "Peg Feeder")
    speaks(peg, "bsl", "British Sign Language")
    newcastle_pa(skill, "Speaks Polish").languages.model  # noqa: B018

    response = client_for(member).get(URL, {"skill": skill.code, "language": "bsl"})

    assert names_listed(response) == ["Signs Bsl"]


def test_search_by_days_and_times_needs_every_slot_free(client_for, member, skill):
    newcastle_pa(
        skill, "Both Mornings", availability=mask_from_keys(["monday_morning", "tuesday_morning"])
    )
    newcastle_pa(skill, "Monday Only", availability=mask_from_keys(["monday_morning"]))
    newcastle_pa(skill, "Evenings", availability=mask_from_keys(["monday_evening"]))

    both = client_for(member).get(URL, {"days": ["0", "1"], "parts": ["1"]})
    monday = client_for(member).get(URL, {"days": ["0"]})
    mornings = client_for(member).get(URL, {"parts": ["1"]})

    assert names_listed(both) == ["Both Mornings"]
    assert names_listed(monday) == ["Both Mornings", "Evenings", "Monday Only"]
    assert names_listed(mornings) == ["Both Mornings", "Monday Only"]


def test_search_by_evidence_status(client_for, member, skill):
    current = newcastle_pa(skill, "Dbs Current")
    verified(current, Evidence.Kind.DBS, expires_on=today() + timedelta(days=300))
    expiring = newcastle_pa(skill, "Dbs Expiring")
    verified(expiring, Evidence.Kind.DBS, expires_on=today() + timedelta(days=20))
    lapsed = newcastle_pa(skill, "Dbs Lapsed")
    verified(lapsed, Evidence.Kind.DBS, expires_on=today() - timedelta(days=2))
    waiting = newcastle_pa(skill, "Has Waiting")
    add_evidence(waiting, Evidence.Kind.IDENTITY)

    def search(choice: str) -> list[str]:
        return names_listed(client_for(member).get(URL, {"evidence": choice}))

    assert search("dbs_verified") == ["Dbs Current", "Dbs Expiring"]
    assert search("dbs_expiring") == ["Dbs Expiring"]
    assert search("dbs_lapsed") == ["Dbs Lapsed"]
    assert search("awaiting") == ["Has Waiting"]


def test_search_by_profile_status(client_for, member, skill):
    newcastle_pa(skill, "Paula Paused", is_paused=True)
    newcastle_pa(skill, "Lola Looking")

    response = client_for(member).get(URL, {"status": "looking"})

    assert names_listed(response) == ["Lola Looking"]


def test_a_bad_district_shows_an_error_beside_the_field_and_keeps_what_was_typed(
    client_for, member, pa_profile
):
    response = client_for(member).get(URL, {"district": "not a district", "name": "Jordan"})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["page"] is None
    assert 'id="id_district-error"' in html
    assert 'value="not a district"' in html
    assert 'value="Jordan"' in html
    assert "There is a problem" in html


def test_results_are_paginated_by_25_and_pages_keep_the_filters(client_for, member, skill):
    for number in range(30):
        newcastle_pa(skill, f"Pat Number{number:02d}")

    first = client_for(member).get(URL, {"name": "pat"})
    second = client_for(member).get(URL, {"name": "pat", "page": "2"})

    assert len(first.context["rows"]) == 25
    assert len(second.context["rows"]) == 5
    assert "?name=pat&amp;page=2" in first.content.decode()
    assert 'aria-current="page"' in first.content.decode()


def test_each_result_links_to_the_staff_profile_page(client_for, member, pa_profile):
    response = client_for(member).get(URL)

    assert reverse("register_staff:profile", args=[pa_profile.pk]) in response.content.decode()


# Query counts


@pytest.mark.parametrize("count", [5, 60])
def test_the_query_count_does_not_grow_with_results(
    client_for, member, skill, specialist_skill, count, django_assert_max_num_queries
):
    for number in range(count):
        profile = newcastle_pa(skill, f"Person {number:02d}")
        profile.skills.add(specialist_skill)
        speaks(profile, "bsl", "British Sign Language")
    client = client_for(member)
    search = {"level": "", "skill": skill.code, "language": "bsl"}
    client.get(URL, search)  # the first search loads the register's index (search_index.py)

    # Session, user, two-factor, roles, memberships, the form's choices, the staff areas,
    # whether they may check evidence (the queue link), the header's unread notifications,
    # the help bar's local support, then the index's change feed, the skill's and the
    # language's ids, the page's rows and their skills: 19, for 5 or 60 PAs.
    with django_assert_max_num_queries(19):
        response = client.get(URL, search)

    assert len(response.context["rows"]) == min(count, 25)


def test_the_page_reads_only_what_its_rows_show(client_for, member, skill):
    """A row shows the name, district, council, level, three skills and the status: the
    profile's text, the user's private details and the district's map data stay unread."""
    for number in range(3):
        newcastle_pa(skill, f"Person {number}", about_me="Private words about me")
    client = client_for(member)
    client.get(URL, {"skill": skill.code})

    with CaptureQueriesContext(connection) as page:
        response = client.get(URL, {"skill": skill.code})

    rows = [
        query["sql"] for query in page.captured_queries if '"register_paprofile"' in query["sql"]
    ]
    read = " ".join(rows)
    assert len(response.context["rows"]) == 3
    assert '"about_me"' not in read
    assert '"accounts_user"."phone"' not in read
    assert '"places_district"' not in read
    assert "Person 0" in response.content.decode()
