"""One table of rates per tax year replaces the minimum wage table, loaded with 2025/26 and
2026/27 from the reference figures (docs/costs.md names each source).

The minimum wage rows are not copied: the two years they held are loaded here in full, and a
year added later in the admin would lack every other figure.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations, models

MINIMUM_WAGE = (
    'GOV.UK, "National Minimum Wage and National Living Wage rates" '
    "(gov.uk/national-minimum-wage-rates), from 1 April {year}"
)
HOLIDAY = (
    'GOV.UK, "Holiday entitlement" (gov.uk/holiday-entitlement-rights): 5.6 weeks a year; '
    "12.07% of hours worked for irregular-hours and part-year workers"
)
NATIONAL_INSURANCE = 'GOV.UK, "Rates and thresholds for employers {year} to {next_year}"'
EMPLOYMENT_ALLOWANCE = (
    'GOV.UK, "Employers of care and support workers and Employment Allowance: further '
    'employer guidance"; HMRC National Insurance Manual NIM06520'
)
PENSION = (
    'GOV.UK (DWP), "Review of the automatic enrolment earnings trigger and qualifying '
    'earnings band for {year}/{short}"; GOV.UK, "Workplace pensions"'
)
SICK_PAY_2025 = 'GOV.UK, "Statutory Sick Pay (SSP)" (gov.uk/statutory-sick-pay), 2025 to 2026'
SICK_PAY_2026 = (
    'GOV.UK, "Statutory Sick Pay (SSP)" (gov.uk/statutory-sick-pay) and business.gov.uk, '
    '"Statutory Sick Pay changes": from 6 April 2026 (Employment Rights Act 2025)'
)

# Figures that did not change between the two years.
THRESHOLDS = {
    "holiday_weeks": "5.6",
    "irregular_hours_holiday_percent": "12.07",
    "ni_secondary_threshold_weekly": "96",
    "ni_secondary_threshold_monthly": "417",
    "ni_secondary_threshold_yearly": "5000",
    "ni_upper_secondary_threshold_weekly": "967",
    "ni_upper_secondary_threshold_monthly": "4189",
    "ni_upper_secondary_threshold_yearly": "50270",
    "ni_employer_percent": "15",
    "employment_allowance": "10500",
    "pension_trigger_yearly": "10000",
    "pension_trigger_weekly": "192",
    "pension_lower_qualifying_yearly": "6240",
    "pension_lower_qualifying_weekly": "120",
    "pension_upper_qualifying_yearly": "50270",
    "pension_upper_qualifying_weekly": "967",
    "pension_employer_percent": "3",
}

RATES = {
    date(2025, 4, 6): {
        "minimum_wage_from": date(2025, 4, 1),
        "national_living_wage": "12.21",
        "wage_18_to_20": "10.00",
        "wage_under_18": "7.55",
        "wage_apprentice": "7.55",
        "accommodation_offset_daily": "10.66",
        "ni_lower_earnings_limit_weekly": "125",
        "ssp_weekly_rate": "118.75",
        "ssp_earnings_percent": None,
        "ssp_from_first_day": False,
        "ssp_needs_lower_earnings_limit": True,
        "sick_pay_source": SICK_PAY_2025,
    },
    date(2026, 4, 6): {
        "minimum_wage_from": date(2026, 4, 1),
        "national_living_wage": "12.71",
        "wage_18_to_20": "10.85",
        "wage_under_18": "8.00",
        "wage_apprentice": "8.00",
        "accommodation_offset_daily": "11.10",
        "ni_lower_earnings_limit_weekly": "129",
        "ssp_weekly_rate": "123.25",
        "ssp_earnings_percent": "80",
        "ssp_from_first_day": True,
        "ssp_needs_lower_earnings_limit": False,
        "sick_pay_source": SICK_PAY_2026,
    },
}


def figures_for(starts: date) -> dict:
    year = starts.year
    figures = {**THRESHOLDS, **RATES[starts]}
    figures.update(
        minimum_wage_source=MINIMUM_WAGE.format(year=year),
        holiday_source=HOLIDAY,
        national_insurance_source=NATIONAL_INSURANCE.format(year=year, next_year=year + 1),
        employment_allowance_source=EMPLOYMENT_ALLOWANCE,
        pension_source=PENSION.format(year=year, short=str(year + 1)[-2:]),
    )
    return {
        name: Decimal(value) if isinstance(value, str) and name[-7:] != "_source" else value
        for name, value in figures.items()
    }


def load_rates(apps, schema_editor):
    # Tests load the rates again through the live registry (tests/conftest.py).
    TaxYearRates = apps.get_model("employers", "TaxYearRates")
    for starts in RATES:
        TaxYearRates.objects.update_or_create(tax_year_starts=starts, defaults=figures_for(starts))


def remove_rates(apps, schema_editor):
    apps.get_model("employers", "TaxYearRates").objects.filter(
        tax_year_starts__in=list(RATES)
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('employers', '0002_rename_tables'),
    ]

    operations = [
        migrations.CreateModel(
            name='TaxYearRates',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tax_year_starts', models.DateField(help_text='6 April, when the tax year starts, e.g. 2026-04-06', unique=True)),
                ('minimum_wage_from', models.DateField(help_text="1 April, when this year's minimum wage starts, e.g. 2026-04-01", unique=True)),
                ('national_living_wage', models.DecimalField(decimal_places=2, help_text='An hour, for workers aged 21 and over', max_digits=9)),
                ('wage_18_to_20', models.DecimalField(decimal_places=2, help_text='An hour, for workers aged 18 to 20', max_digits=9)),
                ('wage_under_18', models.DecimalField(decimal_places=2, help_text='An hour, for workers aged 16 or 17', max_digits=9)),
                ('wage_apprentice', models.DecimalField(decimal_places=2, help_text='An hour, for apprentices', max_digits=9)),
                ('accommodation_offset_daily', models.DecimalField(decimal_places=2, help_text='A day, the most accommodation may count', max_digits=9)),
                ('minimum_wage_source', models.CharField(max_length=300)),
                ('holiday_weeks', models.DecimalField(decimal_places=1, default=Decimal('5.6'), max_digits=4)),
                ('irregular_hours_holiday_percent', models.DecimalField(decimal_places=2, default=Decimal('12.07'), max_digits=5)),
                ('holiday_source', models.CharField(max_length=300)),
                ('ni_lower_earnings_limit_weekly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('ni_secondary_threshold_weekly', models.DecimalField(decimal_places=2, help_text='Employer NI is paid on pay above this', max_digits=9)),
                ('ni_secondary_threshold_monthly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('ni_secondary_threshold_yearly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('ni_upper_secondary_threshold_weekly', models.DecimalField(decimal_places=2, help_text='Employer NI is 0% up to this for under-21s (and apprentices under 25)', max_digits=9)),
                ('ni_upper_secondary_threshold_monthly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('ni_upper_secondary_threshold_yearly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('ni_employer_percent', models.DecimalField(decimal_places=2, max_digits=5)),
                ('national_insurance_source', models.CharField(max_length=300)),
                ('employment_allowance', models.DecimalField(decimal_places=2, help_text='A year, per employer', max_digits=9)),
                ('employment_allowance_source', models.CharField(max_length=300)),
                ('pension_trigger_yearly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('pension_trigger_weekly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('pension_lower_qualifying_yearly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('pension_lower_qualifying_weekly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('pension_upper_qualifying_yearly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('pension_upper_qualifying_weekly', models.DecimalField(decimal_places=2, max_digits=9)),
                ('pension_employer_percent', models.DecimalField(decimal_places=2, max_digits=5)),
                ('pension_source', models.CharField(max_length=300)),
                ('ssp_weekly_rate', models.DecimalField(decimal_places=2, max_digits=9)),
                ('ssp_earnings_percent', models.DecimalField(blank=True, decimal_places=2, help_text='SSP is this % of average weekly pay when that is lower (from April 2026)', max_digits=5, null=True)),
                ('ssp_from_first_day', models.BooleanField(help_text='Paid from the first day off sick (from April 2026); before, after 3 waiting days')),
                ('ssp_needs_lower_earnings_limit', models.BooleanField(help_text='Only PAs paid at least the lower earnings limit get SSP (before April 2026)')),
                ('sick_pay_source', models.CharField(max_length=300)),
            ],
            options={
                'verbose_name': 'tax year rates',
                'verbose_name_plural': 'tax year rates',
                'ordering': ['-tax_year_starts'],
            },
        ),
        migrations.RunPython(load_rates, remove_rates),
        migrations.RemoveConstraint(
            model_name='minimumwagerate',
            name='one_rate_per_band',
        ),
        migrations.DeleteModel(
            name='MinimumWageRate',
        ),
    ]
