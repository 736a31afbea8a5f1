"""The notification centre, the header count, the preferences page and unsubscribe links."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from pahub.core.models import AuditEvent
from pahub.notifications import services
from pahub.notifications.models import Notice
from pahub.notifications.registry import registry
from pahub.notifications.unsubscribe import DIGEST_SCOPE, make_token

CENTRE = reverse("notifications:centre")
PREFERENCES = reverse("notifications:preferences")
REQUIRED = "cover.booking_cancelled"


def unsubscribe_url(user, scope: str) -> str:
    return reverse("notifications:unsubscribe", kwargs={"token": make_token(user.pk, scope)})


def notices(user, count: int, **extra) -> list[Notice]:
    start = timezone.now() - timedelta(hours=count)
    return Notice.objects.bulk_create(
        [
            Notice(
                recipient=user,
                kind="cover.alert",
                title=f"Notice {n}",
                url="/cover/",
                created_at=start + timedelta(hours=n),
                **extra,
            )
            for n in range(count)
        ]
    )


# The centre


def test_signed_out_people_are_sent_to_sign_in(client):
    for url in (CENTRE, PREFERENCES):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_centre_lists_newest_first_with_unread_in_words(client_for, pa):
    notices(pa, 3)
    Notice.objects.filter(title="Notice 0").update(read_at=timezone.now())

    page = client_for(pa).get(CENTRE).content.decode()

    assert page.index("Notice 2") < page.index("Notice 1") < page.index("Notice 0")
    assert "You have 2 unread notifications." in page
    assert page.count(">Unread</strong>") == 2
    assert "Mark all as read" in page


def test_the_centre_is_paginated(client_for, pa):
    notices(pa, 30)
    first = client_for(pa).get(CENTRE).content.decode()
    second = client_for(pa).get(CENTRE + "?page=2").content.decode()
    assert first.count('class="govuk-!-margin-bottom-6 pahub-notice"') == 25
    assert second.count('class="govuk-!-margin-bottom-6 pahub-notice"') == 5
    assert 'aria-label="Notification pages"' in first


def test_the_centre_and_the_bell_take_a_fixed_number_of_queries(
    client_for, pa, django_assert_num_queries
):
    notices(pa, 30)
    client = client_for(pa)
    client.get(CENTRE)  # warm the session
    # The layout's own (session, user, roles with staff membership asked once a request, the
    # header's cover and message counts: 6, and the help bar's local support: 7) plus the
    # bell, the page's count, its rows and the unread total: 11, however many notices there are.
    with django_assert_num_queries(11):
        response = client.get(CENTRE)
    assert "Notifications (30 unread)" in response.content.decode()
    notices(pa, 30)
    with django_assert_num_queries(11):
        client.get(CENTRE + "?page=2")


def test_the_bell_is_one_query(pa, django_assert_num_queries):
    from pahub.accounts.navigation import header_count

    notices(pa, 30)
    with django_assert_num_queries(1):
        assert header_count("notifications", pa) == 30


def test_the_bell_shows_in_the_header_for_signed_in_people(client_for, pa, other_pa):
    notices(pa, 2)
    assert "Notifications (2 unread)" in client_for(pa).get(CENTRE).content.decode()
    other = client_for(other_pa).get(CENTRE).content.decode()
    assert re.search(r">\s*Notifications\s*<", other)


def test_opening_a_notice_marks_it_read_and_follows_its_link(client_for, pa):
    (notice,) = notices(pa, 1)
    response = client_for(pa).post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/cover/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_a_notice_never_leads_off_the_site(client_for, pa):
    (notice,) = notices(pa, 1)
    Notice.objects.filter(pk=notice.pk).update(url="//evil.example/")
    response = client_for(pa).post(reverse("notifications:open", args=[notice.pk]))
    assert response["Location"] == CENTRE


def test_opening_needs_a_post(client_for, pa):
    (notice,) = notices(pa, 1)
    assert client_for(pa).get(reverse("notifications:open", args=[notice.pk])).status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None


def test_nobody_can_open_another_persons_notice(client_for, pa, other_pa):
    (notice,) = notices(pa, 1)
    response = client_for(other_pa).post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read_is_only_mine(client_for, pa, other_pa):
    notices(pa, 3)
    notices(other_pa, 2)
    response = client_for(pa).post(reverse("notifications:read_all"), follow=True)
    assert "Marked 3 notifications read." in response.content.decode()
    assert Notice.objects.filter(recipient=other_pa, read_at__isnull=True).count() == 2


# Preferences


def test_every_registered_kind_is_on_the_preferences_page(client_for, pa):
    page = client_for(pa).get(PREFERENCES).content.decode()
    kinds = list(registry)
    assert len(kinds) >= 10
    for kind in kinds:
        assert escape(kind.label) in page, kind.key
        if kind.required:
            assert f'id="required-{kind.field_name}"' in page
            assert escape(kind.reason) in page
        else:
            for channel in ("email", "digest", "in_app", "off"):
                assert f'name="{kind.field_name}" type="radio" value="{channel}"' in page
    for group, _ in registry.groups():
        assert f">{group}</h2>" in page


def test_saving_choices(client_for, pa):
    data = {kind.field_name: "email" for kind in registry if not kind.required}
    data["cover__alert"] = "in_app"
    response = client_for(pa).post(PREFERENCES, data, follow=True)
    assert "Your choices are saved." in response.content.decode()
    assert services.channel_for(pa, "cover.alert") == "in_app"


def test_a_bad_choice_is_shown_beside_the_field_with_the_others_kept(client_for, pa):
    data = {kind.field_name: "digest" for kind in registry if not kind.required}
    data["cover__alert"] = "sometimes"
    response = client_for(pa).post(PREFERENCES, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "<title>Error:" in page
    assert 'href="#id_cover__alert_0"' in page
    assert 'name="messaging__new_message" type="radio" value="digest" checked' in page
    assert services.channel_for(pa, "messaging.new_message") == "email"


def test_posting_a_required_kind_off_is_refused(client_for, pa):
    data = {kind.field_name: "email" for kind in registry if not kind.required}
    data["cover__booking_cancelled"] = "off"
    response = client_for(pa).post(PREFERENCES, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "You cannot turn off" in page
    assert services.channel_for(pa, REQUIRED) == "email"


# Unsubscribe


def test_the_unsubscribe_link_shows_a_confirmation_and_changes_nothing(client, pa):
    response = client.get(unsubscribe_url(pa, "cover.alert"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Stop these emails" in page
    assert services.channel_for(pa, "cover.alert") == "email"


def test_one_click_unsubscribe_works_signed_out_without_csrf(pa):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe_url(pa, "cover.alert"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert services.channel_for(pa, "cover.alert") == "in_app"
    assert AuditEvent.objects.filter(action="notifications.unsubscribed").count() == 1


def test_unsubscribing_from_the_digest_moves_every_digest_kind_to_in_app(client, pa):
    services.preference_set(user=pa, kind_key="cover.alert", channel="digest")
    services.preference_set(user=pa, kind_key="messaging.new_message", channel="digest")
    client.post(unsubscribe_url(pa, DIGEST_SCOPE))
    assert services.channel_for(pa, "cover.alert") == "in_app"
    assert services.channel_for(pa, "messaging.new_message") == "in_app"


def test_a_required_kind_cannot_be_unsubscribed(client, pa):
    page = client.get(unsubscribe_url(pa, REQUIRED)).content.decode()
    assert "You cannot unsubscribe from these emails" in page
    assert registry.get(REQUIRED).reason in page
    client.post(unsubscribe_url(pa, REQUIRED))
    assert services.channel_for(pa, REQUIRED) == "email"


@pytest.mark.parametrize("case", ["unreadable", "forged"])
def test_a_bad_or_forged_token_is_a_400_page(client, pa, case):
    # Made inside the test: a signed token holds a timestamp, and parametrised ids must be the
    # same in every xdist worker.
    token = "not-a-token" if case == "unreadable" else make_token(1, "cover.alert")[:-2] + "xx"
    url = reverse("notifications:unsubscribe", kwargs={"token": token})
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "This unsubscribe link does not work" in response.content.decode()
    assert services.channel_for(pa, "cover.alert") == "email"


def test_a_token_signed_for_something_else_is_refused(client, pa):
    from django.core import signing

    token = signing.dumps({"u": pa.pk, "k": "cover.alert"}, salt="another.purpose")
    url = reverse("notifications:unsubscribe", kwargs={"token": token})
    assert client.post(url).status_code == 400
