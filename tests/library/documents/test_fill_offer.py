"""A template's library page offers to fill it from a job only to people with jobs to fill."""

from django.urls import reverse

TEMPLATE = reverse("library:detail", args=["contract-of-employment"])
CHOOSER = reverse("library:fill_choose", args=["contract-of-employment"])


def test_an_employer_is_offered_to_fill_the_template_from_a_job(client_for, employer_profile):
    assert CHOOSER in client_for(employer_profile.user).get(TEMPLATE).content.decode()


def test_a_pa_is_not_offered_a_page_they_could_not_open(client_for, pa):
    assert CHOOSER not in client_for(pa).get(TEMPLATE).content.decode()


def test_someone_signed_out_is_told_employers_can_sign_in_to_fill_it(client, db):
    page = client.get(TEMPLATE).content.decode()
    assert CHOOSER not in page
    assert "Employers who sign in can have PA Hub fill it in" in page


def test_guidance_never_offers_filling(client_for, employer_profile):
    page = client_for(employer_profile.user).get(
        reverse("library:detail", args=["holiday-and-holiday-pay"])
    )
    assert "/fill/" not in page.content.decode()
