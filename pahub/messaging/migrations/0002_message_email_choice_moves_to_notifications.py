"""Whether someone wants emails about new messages moves to the notification service: a person
who had turned them off gets the choice "in PA Hub only" for new messages, then the old field
goes."""

from django.db import migrations


def copy_choices(apps, schema_editor) -> None:
    NotificationState = apps.get_model("messaging", "NotificationState")
    Preference = apps.get_model("notifications", "Preference")
    turned_off = NotificationState.objects.filter(emails_enabled=False).values_list(
        "user_id", flat=True
    )
    Preference.objects.bulk_create(
        [
            Preference(user_id=user_id, kind="messaging.new_message", channel="in_app")
            for user_id in turned_off
        ],
        ignore_conflicts=True,
    )


def copy_back(apps, schema_editor) -> None:
    NotificationState = apps.get_model("messaging", "NotificationState")
    Preference = apps.get_model("notifications", "Preference")
    for user_id in Preference.objects.filter(kind="messaging.new_message").exclude(
        channel="email"
    ).values_list("user_id", flat=True):
        NotificationState.objects.update_or_create(
            user_id=user_id, defaults={"emails_enabled": False}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0001_initial"),
        ("notifications", "0001_notices_and_preferences"),
    ]

    operations = [
        migrations.RunPython(copy_choices, copy_back),
        migrations.RemoveField(model_name="notificationstate", name="emails_enabled"),
    ]
