"""Employer profiles and minimum wage rates move here from `jobs`, keeping their rows.

State only: the tables stay as they are (still named jobs_*) and `jobs` 0004 forgets the
models; 0002 then renames the tables.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('places', '0002_load_places'),
        ('taxonomy', '0001_initial'),
        ('jobs', '0004_taxonomy_moves_out_of_register'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EmployerProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('display_name', models.CharField(help_text='How PAs see you; need not be your legal name.', max_length=80)),
                        ('postcode', models.CharField(max_length=8)),
                        ('what_matters', models.TextField(blank=True)),
                        ('other_interests', models.JSONField(blank=True, default=list)),
                        ('access_needs', models.JSONField(blank=True, default=list)),
                        ('access_needs_other', models.CharField(blank=True, max_length=300)),
                        ('share_access_needs_with_pas', models.BooleanField(default=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('district', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='employer_profiles', to='places.district')),
                        ('interests', models.ManyToManyField(blank=True, related_name='employer_profiles', to='taxonomy.interest')),
                        ('local_authority', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='employer_profiles', to='places.localauthority')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='employer_profile', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'jobs_employerprofile',
                    },
                ),
                migrations.CreateModel(
                    name='MinimumWageRate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('tax_year_starts', models.DateField(help_text='1 April of the tax year, e.g. 2026-04-01')),
                        ('band', models.CharField(choices=[('21_and_over', 'National Living Wage (21 and over)'), ('18_to_20', '18 to 20'), ('under_18', 'Under 18'), ('apprentice', 'Apprentice')], max_length=12)),
                        ('hourly_rate', models.DecimalField(decimal_places=2, max_digits=6)),
                        ('source', models.CharField(max_length=300)),
                    ],
                    options={
                        'db_table': 'jobs_minimumwagerate',
                        'ordering': ['-tax_year_starts', 'band'],
                        'constraints': [models.UniqueConstraint(fields=('tax_year_starts', 'band'), name='one_rate_per_band')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
