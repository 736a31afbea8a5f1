from django.db import migrations, models
from django.db.models import F


def mark_existing_alerts_told(apps, schema_editor) -> None:
    """Alerts sent before this field existed were told with their wave (or lost in the gap
    this field closes, which nothing now can tell apart): none is told again."""
    CoverAlert = apps.get_model("cover", "CoverAlert")
    CoverAlert.objects.filter(told_at__isnull=True).update(told_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("cover", "0004_coverrequest_paid_by_direct_payment_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="coveralert",
            name="told_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(mark_existing_alerts_told, migrations.RunPython.noop),
    ]
