from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    from pahub.places.slugs import local_authority_slug

    LocalAuthority = apps.get_model("places", "LocalAuthority")
    taken: set[str] = set()
    rows = list(LocalAuthority.objects.order_by("gss_code"))
    for local_authority in rows:
        local_authority.slug = local_authority_slug(
            local_authority.name, local_authority.gss_code, taken
        )
    LocalAuthority.objects.bulk_update(rows, ["slug"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("places", "0003_localauthority_safeguarding_email_and_more")]

    operations = [
        migrations.AddField(
            model_name="localauthority",
            name="slug",
            field=models.SlugField(max_length=110, null=True, db_index=False),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="localauthority",
            name="slug",
            field=models.SlugField(max_length=110, unique=True),
        ),
    ]
