"""Editing a spoke at /areas/<slug>/manage/: the council's own staff with two-factor and site
administrators; everyone else gets 404 (or is asked to sign in)."""

import pytest
from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.spokes import services
from pahub.spokes.models import NewsItem, SpokeContact, SpokeContent

SLUG = "newcastle-upon-tyne"
DETAIL = reverse("spokes:detail", args=[SLUG])
MANAGE = reverse("spokes:manage", args=[SLUG])
DRAFT = reverse("spokes:draft_edit", args=[SLUG])
PREVIEW = reverse("spokes:preview", args=[SLUG])
PUBLISH = reverse("spokes:publish", args=[SLUG])
CONTACT_ADD = reverse("spokes:contact_add", args=[SLUG])
NEWS_ADD = reverse("spokes:news_add", args=[SLUG])

MANAGE_LIST = reverse("spokes:manage_list")
SPOKE_PAGES = [MANAGE, DRAFT, PREVIEW, CONTACT_ADD, NEWS_ADD]
GET_PAGES = [*SPOKE_PAGES, MANAGE_LIST]


@pytest.mark.parametrize("url", GET_PAGES)
def test_signed_out_visitors_are_asked_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


@pytest.mark.parametrize("url", SPOKE_PAGES)
@pytest.mark.parametrize("person", ["pa", "employer", "other_council_staff", "verifier"])
def test_anyone_but_the_councils_staff_gets_404(client_for, request, url, person):
    user = request.getfixturevalue(person)
    assert client_for(user).get(url).status_code == 404


@pytest.mark.parametrize("person", ["pa", "employer", "verifier"])
def test_the_list_of_pages_to_edit_is_not_found_for_people_who_edit_none(
    client_for, request, person
):
    assert client_for(request.getfixturevalue(person)).get(MANAGE_LIST).status_code == 404


def test_the_list_of_pages_to_edit_leads_council_staff_to_their_own(
    client_for, other_council_staff
):
    response = client_for(other_council_staff).get(MANAGE_LIST)
    assert response.url == reverse("spokes:manage", args=["county-durham"])


@pytest.mark.parametrize("url", GET_PAGES)
@pytest.mark.parametrize("person", ["council_staff", "admin"])
def test_the_councils_staff_and_site_admins_may_open_every_page(client_for, request, url, person):
    user = request.getfixturevalue(person)
    response = client_for(user).get(url)
    # The list of spokes goes straight to the one spoke a council's staff edit.
    assert response.status_code == (
        302 if url.endswith("/areas/manage/") and person == "council_staff" else 200
    )


def test_staff_without_two_factor_are_sent_to_set_it_up(
    client_for, council_staff_without_two_factor
):
    response = client_for(council_staff_without_two_factor).get(MANAGE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_a_post_by_someone_else_changes_nothing(client_for, other_council_staff, newcastle):
    response = client_for(other_council_staff).post(DRAFT, {"team_name": "Taken over"})
    assert response.status_code == 404
    assert client_for(other_council_staff).post(PUBLISH).status_code == 404
    assert not SpokeContent.objects.filter(local_authority=newcastle).exists()


def test_a_council_without_a_spoke_has_no_manage_page(client_for, admin):
    assert client_for(admin).get(reverse("spokes:manage", args=["leeds"])).status_code == 404


def test_the_staff_area_links_council_staff_to_their_page(client_for, council_staff, verifier):
    assert (
        reverse("spokes:manage_list")
        in client_for(council_staff).get(reverse("staff:home")).content.decode()
    )
    assert (
        reverse("spokes:manage_list")
        not in client_for(verifier).get(reverse("staff:home")).content.decode()
    )


# The draft, the preview and publishing.


def draft_answers(**changes) -> dict:
    answers = {
        "intro": "Start here if you use a direct payment in Newcastle.",
        "team_name": "Direct Payments Team",
        "team_phone": "0191 498 0123",
        "team_email": "direct.payments@newcastle-council.example.org",
        "team_hours": "Monday to Friday, 9am to 5pm",
        "team_url": "https://newcastle-council.example.org/direct-payments",
    }
    answers.update(changes)
    return answers


def test_saving_the_draft_changes_only_the_draft_and_is_audited(
    client_for, council_staff, newcastle
):
    client = client_for(council_staff)
    response = client.post(DRAFT, draft_answers())
    assert response.status_code == 302
    draft = SpokeContent.objects.get(local_authority=newcastle, version="draft")
    assert draft.team_phone == "0191 498 0123"
    assert not SpokeContent.objects.filter(local_authority=newcastle, version="published").exists()
    assert AuditEvent.objects.filter(action="spoke.draft_saved", actor=council_staff).exists()
    assert "Direct Payments Team" not in client.get(DETAIL).content.decode()


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("team_phone", "call us", "Enter a phone number, like 0191 498 0123"),
        ("team_email", "not an email", "Enter an email address in the correct format"),
        ("team_url", "newcastle.example.org", "Enter a website address starting https://"),
        ("team_name", "x" * 201, "The team name must be 200 characters or fewer"),
        ("intro", "x" * 3001, "The introduction must be 3,000 characters or fewer"),
        ("team_hours", "9am\x00", "Remove the hidden control characters"),
    ],
)
def test_bad_input_is_explained_by_the_field_keeps_what_was_typed_and_saves_nothing(
    client_for, council_staff, newcastle, field, typed, message
):
    response = client_for(council_staff).post(DRAFT, draft_answers(**{field: typed}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    assert f'id="id_{field}-error"' in html
    assert 'value="Direct Payments Team"' in html or field == "team_name"
    assert not SpokeContent.objects.filter(local_authority=newcastle).exists()


def test_the_preview_shows_the_draft_with_the_public_pages_template(
    client_for, council_staff, published_spoke, newcastle
):
    client = client_for(council_staff)
    client.post(DRAFT, draft_answers(team_name="The new team name"))
    preview = client.get(PREVIEW).content.decode()
    assert "The new team name" in preview
    assert "This is your draft" in preview
    assert "The new team name" not in client.get(DETAIL).content.decode()


def test_publishing_copies_the_draft_and_its_contacts_to_the_public_page(
    client_for, council_staff, newcastle
):
    client = client_for(council_staff)
    client.post(DRAFT, draft_answers())
    client.post(CONTACT_ADD, {"name": "Carers' Centre", "phone": "0191 498 0999"})
    response = client.post(PUBLISH)
    assert response.status_code == 302
    html = client.get(DETAIL).content.decode()
    assert "Direct Payments Team" in html
    assert "Carers&#x27; Centre" in html
    published = SpokeContent.objects.get(local_authority=newcastle, version="published")
    assert published.contacts.count() == 1
    assert AuditEvent.objects.filter(action="spoke.published", actor=council_staff).exists()


def test_publishing_with_no_draft_says_so(client_for, council_staff):
    response = client_for(council_staff).post(PUBLISH, follow=True)
    assert "There is no draft to publish" in response.content.decode()


def test_publish_only_accepts_post(client_for, council_staff):
    assert client_for(council_staff).get(PUBLISH).status_code == 405


# Contacts.


def test_a_contact_needs_a_name_and_a_way_to_get_in_touch(client_for, council_staff, newcastle):
    client = client_for(council_staff)
    response = client.post(CONTACT_ADD, {"name": "", "phone": ""})
    html = response.content.decode()
    assert "Enter the name of who to call" in html
    response = client.post(CONTACT_ADD, {"name": "Carers' Centre", "description": "Carers"})
    html = response.content.decode()
    assert "Enter at least one way to get in touch" in html
    assert 'value="Carers"' in html
    assert not SpokeContact.objects.exists()


def test_a_contact_is_changed_and_removed_on_the_draft_only(
    client_for, council_staff, published_spoke
):
    client = client_for(council_staff)
    draft_contact = SpokeContact.objects.get(content__version="draft")
    edit = reverse("spokes:contact_edit", args=[SLUG, draft_contact.pk])
    assert (
        client.post(edit, {"name": "Carers' Centre North", "phone": "0191 498 0998"}).status_code
        == 302
    )
    draft_contact.refresh_from_db()
    assert draft_contact.name == "Carers' Centre North"
    assert SpokeContact.objects.get(content__version="published").name == "Carers' Centre"
    remove = reverse("spokes:contact_remove", args=[SLUG, draft_contact.pk])
    assert client.post(remove).status_code == 302
    assert not SpokeContact.objects.filter(content__version="draft").exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"spoke.contact_added", "spoke.contact_changed", "spoke.contact_removed"} <= actions


def test_a_published_contact_cannot_be_changed_directly(client_for, council_staff, published_spoke):
    published_contact = SpokeContact.objects.get(content__version="published")
    edit = reverse("spokes:contact_edit", args=[SLUG, published_contact.pk])
    assert client_for(council_staff).get(edit).status_code == 404


def test_another_councils_staff_cannot_touch_a_contact(
    client_for, other_council_staff, published_spoke
):
    contact = SpokeContact.objects.get(content__version="draft")
    client = client_for(other_council_staff)
    assert client.get(reverse("spokes:contact_edit", args=[SLUG, contact.pk])).status_code == 404
    assert client.post(reverse("spokes:contact_remove", args=[SLUG, contact.pk])).status_code == 404
    assert (
        client.get(reverse("spokes:contact_edit", args=["county-durham", contact.pk])).status_code
        == 404
    )


# News.


def news_answers(**changes) -> dict:
    answers = {
        "title": "PA employers' coffee morning",
        "body": "Come and meet other people who employ their own PAs.",
        "date_day": "1",
        "date_month": "5",
        "date_year": "2026",
        "is_published": "yes",
    }
    answers.update(changes)
    return answers


def test_a_published_news_item_shows_on_the_public_page_at_once(client_for, council_staff, client):
    response = client_for(council_staff).post(NEWS_ADD, news_answers())
    assert response.status_code == 302
    assert "PA employers&#x27; coffee morning" in client.get(DETAIL).content.decode()
    assert AuditEvent.objects.filter(action="spoke.news_added").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Enter a title"),
        ({"body": ""}, "Enter the news"),
        ({"date_day": "", "date_month": "", "date_year": ""}, "Enter the date of the news"),
        ({"date_day": "31", "date_month": "2"}, "Enter a real date"),
        ({"is_published": ""}, "Say whether to show it on the public page now"),
        ({"title": "x" * 201}, "The title must be 200 characters or fewer"),
    ],
)
def test_bad_news_is_explained_and_nothing_is_saved(client_for, council_staff, changes, message):
    response = client_for(council_staff).post(NEWS_ADD, news_answers(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    assert not NewsItem.objects.exists()


def test_news_is_changed_and_unpublished(client_for, council_staff, news_item, client):
    staff = client_for(council_staff)
    edit = reverse("spokes:news_edit", args=[SLUG, news_item.pk])
    assert "PA employers&#x27; coffee morning" in staff.get(edit).content.decode()
    staff.post(edit, news_answers(title="Coffee morning moved to June"))
    assert "Coffee morning moved to June" in client.get(DETAIL).content.decode()
    staff.post(reverse("spokes:news_unpublish", args=[SLUG, news_item.pk]))
    assert "Coffee morning moved to June" not in client.get(DETAIL).content.decode()
    news_item.refresh_from_db()
    assert not news_item.is_published
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"spoke.news_changed", "spoke.news_unpublished"} <= actions


def test_unpublishing_news_that_is_not_published_says_so(client_for, council_staff, news_item):
    services.news_item_unpublish(item=news_item, by=council_staff)
    response = client_for(council_staff).post(
        reverse("spokes:news_unpublish", args=[SLUG, news_item.pk]), follow=True
    )
    assert "This news item is not published" in response.content.decode()


def test_another_councils_staff_cannot_see_or_change_news(
    client_for, other_council_staff, news_item
):
    client = client_for(other_council_staff)
    assert client.get(reverse("spokes:news_edit", args=[SLUG, news_item.pk])).status_code == 404
    assert (
        client.post(reverse("spokes:news_unpublish", args=[SLUG, news_item.pk])).status_code == 404
    )
    news_item.refresh_from_db()
    assert news_item.is_published


def test_news_of_one_council_is_not_reached_through_another_councils_address(
    client_for, admin, news_item
):
    url = reverse("spokes:news_edit", args=["county-durham", news_item.pk])
    assert client_for(admin).get(url).status_code == 404


def test_staff_of_another_council_cannot_add_contacts_or_news(client_for, other_council_staff):
    client = client_for(other_council_staff)
    assert (
        client.post(CONTACT_ADD, {"name": "Taken over", "phone": "0191 498 0000"}).status_code
        == 404
    )
    assert client.post(NEWS_ADD, news_answers()).status_code == 404
    assert not SpokeContact.objects.exists()
    assert not NewsItem.objects.exists()


def test_a_site_admin_edits_any_spoke_and_is_audited(client_for, admin, newcastle):
    response = client_for(admin).post(DRAFT, draft_answers())
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="spoke.draft_saved", actor=admin).exists()


def test_a_new_contact_on_the_draft_is_offered_for_publishing(
    client_for, council_staff, published_spoke
):
    client = client_for(council_staff)
    assert "Publish the draft</button>" not in client.get(MANAGE).content.decode()
    client.post(CONTACT_ADD, {"name": "Out-of-hours team", "phone": "0191 498 0777"})
    assert "Publish the draft</button>" in client.get(MANAGE).content.decode()
