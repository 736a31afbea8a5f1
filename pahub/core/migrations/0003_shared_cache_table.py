"""The cache table: sign-in rate limits and used one-time codes live in the database cache
(settings.CACHES), shared by every web server process. `migrate` creates it, so `make run`,
a deployment and the test database all have it from a clean checkout. With Redis
(`REDIS_URL`) there is no cache table and this does nothing."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_outgoing_email")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
