"""The legal minimum hourly pay for 2025/26 and 2026/27.

Source: GOV.UK "National Minimum Wage and National Living Wage rates" (rates from 1 April,
implementing the Low Pay Commission's recommendations). Add next year's rates in admin or a
new migration before 1 April.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations

SOURCE = 'GOV.UK, "National Minimum Wage and National Living Wage rates", from 1 April {year}'
RATES = {
    date(2025, 4, 1): {
        "21_and_over": "12.21",
        "18_to_20": "10.00",
        "under_18": "7.55",
        "apprentice": "7.55",
    },
    date(2026, 4, 1): {
        "21_and_over": "12.71",
        "18_to_20": "10.85",
        "under_18": "8.00",
        "apprentice": "8.00",
    },
}


def add_rates(apps, schema_editor, *, app_label="jobs"):
    # The model lives in `employers` now; tests reload the rates through the live registry.
    MinimumWageRate = apps.get_model(app_label, "MinimumWageRate")
    for starts, bands in RATES.items():
        for band, rate in bands.items():
            MinimumWageRate.objects.update_or_create(
                tax_year_starts=starts,
                band=band,
                defaults={
                    "hourly_rate": Decimal(rate),
                    "source": SOURCE.format(year=starts.year),
                },
            )


def remove_rates(apps, schema_editor):
    apps.get_model("jobs", "MinimumWageRate").objects.filter(
        tax_year_starts__in=list(RATES)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("jobs", "0002_initial")]

    operations = [migrations.RunPython(add_rates, remove_rates)]
