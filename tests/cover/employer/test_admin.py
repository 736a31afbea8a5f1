"""The cover admin is for looking only: every change goes through the cover services."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = [
    "reliefpoolmember",
    "coverrequest",
    "coverslot",
    "coveralert",
    "coveroffer",
    "booking",
    "timesheet",
    "calendarfeed",
]


@pytest.fixture
def admin_client_with_cover(client_for, admin, world):
    from pahub.cover.models import CalendarFeed, CoverAlert

    CalendarFeed.objects.create(user=world["employer"], token_digest=CalendarFeed.digest("x" * 43))
    CoverAlert.objects.create(request=world["request"], pa=world["booking"].pa, wave=0)
    return client_for(admin)


@pytest.mark.parametrize("model", MODELS)
def test_site_admins_can_list_and_open_cover_records(admin_client_with_cover, model):
    from django.apps import apps

    changelist = admin_client_with_cover.get(reverse(f"admin:cover_{model}_changelist"))
    record = apps.get_model("cover", model).objects.first()
    change = admin_client_with_cover.get(reverse(f"admin:cover_{model}_change", args=[record.pk]))

    assert changelist.status_code == 200
    assert change.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_nobody_can_add_or_delete_cover_records_in_the_admin(admin_client_with_cover, model):
    from django.apps import apps

    record = apps.get_model("cover", model).objects.first()

    add = admin_client_with_cover.get(reverse(f"admin:cover_{model}_add"))
    delete = admin_client_with_cover.post(
        reverse(f"admin:cover_{model}_delete", args=[record.pk]), {"post": "yes"}
    )

    assert add.status_code == 403
    assert delete.status_code == 403
    assert apps.get_model("cover", model).objects.filter(pk=record.pk).exists()


def test_a_feeds_secret_digest_is_not_shown(admin_client_with_cover):
    from pahub.cover.models import CalendarFeed

    feed = CalendarFeed.objects.get()

    body = admin_client_with_cover.get(
        reverse("admin:cover_calendarfeed_change", args=[feed.pk])
    ).content.decode()

    assert feed.token_digest not in body
