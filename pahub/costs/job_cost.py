"""What a job costs its employer, on the job's own page (registered from `CostsConfig.ready`).

The job gives an hourly rate and hours a week; the PA is taken to be aged 22 or over with
regular hours (PA Hub never asks anyone's age). The rates are those of the job's start date,
or today's when it has none or it has passed.
"""

from decimal import Decimal
from typing import Any

from django.utils import timezone

from pahub.accounts.models import User
from pahub.costs.calculator import PA, AgeBand, Plan, cost_plan
from pahub.costs.rates import NoRatesError, rates_on
from pahub.jobs.models import Job

JOB_LINE_KINDS = ("wages", "holiday", "national_insurance", "pension")


def job_cost_section(job: Job, viewer: User) -> tuple[str, dict[str, Any]] | None:
    if not job.hourly_pay or not job.hours_per_week:
        return None
    today = timezone.localdate()
    day = job.start_date if job.start_date and job.start_date > today else today
    try:
        rates = rates_on(day)
    except NoRatesError:
        return None
    pa = PA(
        name="the PA",
        hourly_rate=job.hourly_pay,
        weekly_hours=job.hours_per_week,
        age_band=AgeBand.APPRENTICE if job.is_apprenticeship else AgeBand.AGED_21_AND_OVER,
    )
    costing = cost_plan(Plan(pas=(pa,), direct_payment_weekly=Decimal(0)), rates)
    lines = [line for line in costing.lines if line.kind in JOB_LINE_KINDS]
    weekly = sum((line.weekly for line in lines), Decimal(0))
    return (
        "costs/_job_cost.html",
        {
            "lines": lines,
            "weekly": weekly,
            "four_weekly": weekly * 4,
            "yearly": weekly * 52,
            "tax_year": rates.tax_year,
            "allowance": rates.employment_allowance,
        },
    )
