"""People find the register from the navigation, My account and the staff area."""

from django.urls import reverse


def test_a_pa_has_a_profile_link_in_the_navigation_and_my_account(client_for, pa):
    page = client_for(pa).get(reverse("accounts:home")).content.decode()

    assert f'href="{reverse("register:profile")}"' in page
    assert "My PA profile" in page
    assert f'href="{reverse("register:evidence")}"' in page
    assert f'href="{reverse("register:code")}"' in page


def test_an_employer_sees_no_pa_profile_links(client_for, employer):
    page = client_for(employer).get(reverse("accounts:home")).content.decode()

    assert "My PA profile" not in page
    assert reverse("register:evidence") not in page


def test_staff_home_links_to_the_register_search_and_verification(client_for, verifier):
    page = client_for(verifier).get(reverse("staff:home")).content.decode()

    assert reverse("register_staff:search") in page
    assert reverse("register_staff:queue") in page
