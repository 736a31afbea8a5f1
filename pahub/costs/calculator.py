"""What a support plan really costs an employer, week by week: pure arithmetic over plain data.

No Django here: pages, the API, saved plans and a job's page all build a `Plan` and a `Rates`
(the tax year's figures, read from `employers.TaxYearRates` by `pahub.costs.rates`) and call
`cost_plan`. Money is Decimal throughout and rounded to the penny only when shown, so a total
is the sum of exact lines, not of rounded ones.

The model, in the words the results page uses:

- Each PA's hours are the support they give in a normal week, and support is needed every
  week of the year, so wages are for 52 weeks.
- Holiday pay is on top: while a PA is on paid holiday someone else works their hours. A PA
  with regular hours gets 5.6 weeks' pay a year (spread over 52 weeks here); a PA with
  irregular hours gets 12.07% of the pay for the hours they work, in each pay period.
- Employer National Insurance, pension and sick pay are worked out per PA and per weekly
  pay period, on that week's pay (wages plus holiday pay): thresholds apply to each PA's pay
  in each week, never to the plan's total.
- The Employment Allowance takes the year's employer National Insurance off, up to the
  allowance, for employers who may claim it (care and support employers may).
- Contingency: Statutory Sick Pay for the weeks each PA may be off sick, and what cover
  costs above the PA's own rate while they are on holiday or off sick.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

WEEKS_A_YEAR = Decimal(52)
WEEKS_IN_FOUR_WEEKS = Decimal(4)
HUNDRED = Decimal(100)
ZERO = Decimal(0)
PENNY = Decimal("0.01")
# Before April 2026 SSP started on the fourth qualifying day; a PA is taken to work 5 days a
# week and to be off in one spell a year.
WAITING_DAYS = Decimal(3)
WORKING_DAYS_A_WEEK = Decimal(5)

EMPLOYER_LIABILITY_SOURCE = (
    'HSE, "Employers\' Liability (Compulsory Insurance) Act 1969: a brief guide"'
)


class AgeBand:
    """The minimum wage bands, named as `employers.WageBand` names them."""

    AGED_21_AND_OVER = "21_and_over"
    AGED_18_TO_20 = "18_to_20"
    UNDER_18 = "under_18"
    APPRENTICE = "apprentice"

    LABELS = {
        AGED_21_AND_OVER: "aged 21 and over (National Living Wage)",
        AGED_18_TO_20: "aged 18 to 20",
        UNDER_18: "aged 16 or 17",
        APPRENTICE: "an apprentice",
    }
    # Employer NI is 0% up to the upper secondary threshold for under-21s, and up to the
    # apprentice threshold (the same figure) for apprentices under 25.
    RELIEVED = {AGED_18_TO_20, UNDER_18, APPRENTICE}
    TOO_YOUNG_FOR_PENSION = {AGED_18_TO_20, UNDER_18}


class NightKind:
    WAKING = "waking"
    SLEEP_IN = "sleep_in"


def pounds(amount: Decimal) -> Decimal:
    """To the penny, halves up, as a payslip rounds."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def money(amount: Decimal) -> str:
    """£1,234.56; a whole number of pounds keeps its pence (£12.00) so columns line up."""
    return f"£{pounds(amount):,}"


def per_cent(amount: Decimal) -> str:
    return f"{amount.normalize():f}%"


@dataclass(frozen=True)
class Rates:
    """One tax year's figures, with where each group was read. `minimum_wage_tax_year` differs
    from `tax_year` only between 1 and 5 April, when the new minimum wage is in force a few
    days before the new tax year."""

    tax_year: str
    minimum_wage_tax_year: str
    national_living_wage: Decimal
    wage_18_to_20: Decimal
    wage_under_18: Decimal
    wage_apprentice: Decimal
    minimum_wage_source: str
    holiday_weeks: Decimal
    irregular_hours_holiday_percent: Decimal
    holiday_source: str
    ni_lower_earnings_limit_weekly: Decimal
    ni_secondary_threshold_weekly: Decimal
    ni_upper_secondary_threshold_weekly: Decimal
    ni_employer_percent: Decimal
    national_insurance_source: str
    employment_allowance: Decimal
    employment_allowance_source: str
    pension_trigger_weekly: Decimal
    pension_lower_qualifying_weekly: Decimal
    pension_upper_qualifying_weekly: Decimal
    pension_employer_percent: Decimal
    pension_source: str
    ssp_weekly_rate: Decimal
    ssp_earnings_percent: Decimal | None
    ssp_from_first_day: bool
    ssp_needs_lower_earnings_limit: bool
    sick_pay_source: str

    def minimum_wage(self, age_band: str) -> Decimal:
        return {
            AgeBand.AGED_21_AND_OVER: self.national_living_wage,
            AgeBand.AGED_18_TO_20: self.wage_18_to_20,
            AgeBand.UNDER_18: self.wage_under_18,
            AgeBand.APPRENTICE: self.wage_apprentice,
        }[age_band]


@dataclass(frozen=True)
class PA:
    name: str
    hourly_rate: Decimal
    weekly_hours: Decimal
    night_hours: Decimal = ZERO
    night_rate: Decimal = ZERO
    night_kind: str = NightKind.WAKING
    irregular_hours: bool = False
    age_band: str = AgeBand.AGED_21_AND_OVER
    # Aged 22 to State Pension age: with pay over the trigger, they must be enrolled.
    pension_age: bool = True


@dataclass(frozen=True)
class Plan:
    pas: tuple[PA, ...]
    direct_payment_weekly: Decimal
    agency_weekly_hours: Decimal = ZERO
    agency_hourly_rate: Decimal = ZERO
    insurance_yearly: Decimal = ZERO
    sick_weeks_per_pa: Decimal = ZERO
    cover_hourly_rate: Decimal = ZERO
    claims_employment_allowance: bool = True


@dataclass(frozen=True)
class Line:
    """One cost, a week at a time, with the sentence that explains it."""

    kind: str
    label: str
    weekly: Decimal
    explanation: str
    source: str
    tax_year: str

    @property
    def four_weekly(self) -> Decimal:
        return self.weekly * WEEKS_IN_FOUR_WEEKS

    @property
    def yearly(self) -> Decimal:
        return self.weekly * WEEKS_A_YEAR


@dataclass(frozen=True)
class WageCheck:
    pa_name: str
    rate_label: str
    hourly_rate: Decimal
    minimum: Decimal
    checked: bool
    explanation: str
    source: str
    tax_year: str

    @property
    def lawful(self) -> bool:
        return not self.checked or self.hourly_rate >= self.minimum


@dataclass(frozen=True)
class Costing:
    lines: tuple[Line, ...]
    wage_checks: tuple[WageCheck, ...]
    direct_payment_weekly: Decimal
    tax_year: str

    @property
    def weekly_total(self) -> Decimal:
        return sum((line.weekly for line in self.lines), ZERO)

    @property
    def four_weekly_total(self) -> Decimal:
        return self.weekly_total * WEEKS_IN_FOUR_WEEKS

    @property
    def yearly_total(self) -> Decimal:
        return self.weekly_total * WEEKS_A_YEAR

    @property
    def direct_payment_four_weekly(self) -> Decimal:
        return self.direct_payment_weekly * WEEKS_IN_FOUR_WEEKS

    @property
    def direct_payment_yearly(self) -> Decimal:
        return self.direct_payment_weekly * WEEKS_A_YEAR

    @property
    def weekly_left(self) -> Decimal:
        """Negative when the direct payment falls short."""
        return self.direct_payment_weekly - self.weekly_total

    @property
    def is_short(self) -> bool:
        return pounds(self.weekly_left) < ZERO

    @property
    def summary(self) -> str:
        if self.is_short:
            return f"{money(-self.weekly_left)} a week short"
        return f"{money(self.weekly_left)} a week left"

    @property
    def all_pay_lawful(self) -> bool:
        return all(check.lawful for check in self.wage_checks)


# One PA, one weekly pay period


def weekly_wages(pa: PA) -> Decimal:
    return pa.weekly_hours * pa.hourly_rate + pa.night_hours * pa.night_rate


def weekly_holiday_pay(pa: PA, rates: Rates) -> Decimal:
    if pa.irregular_hours:
        return weekly_wages(pa) * rates.irregular_hours_holiday_percent / HUNDRED
    return weekly_wages(pa) * rates.holiday_weeks / WEEKS_A_YEAR


def weekly_pay(pa: PA, rates: Rates) -> Decimal:
    """What the PA is paid in a weekly pay period: the figure NI, pension and SSP use."""
    return weekly_wages(pa) + weekly_holiday_pay(pa, rates)


def ni_threshold(pa: PA, rates: Rates) -> Decimal:
    if pa.age_band in AgeBand.RELIEVED:
        return rates.ni_upper_secondary_threshold_weekly
    return rates.ni_secondary_threshold_weekly


def weekly_employer_ni(pa: PA, rates: Rates) -> Decimal:
    above = max(weekly_pay(pa, rates) - ni_threshold(pa, rates), ZERO)
    return above * rates.ni_employer_percent / HUNDRED


def pension_eligible(pa: PA, rates: Rates) -> bool:
    if pa.age_band in AgeBand.TOO_YOUNG_FOR_PENSION or not pa.pension_age:
        return False
    return weekly_pay(pa, rates) > rates.pension_trigger_weekly


def qualifying_earnings(pa: PA, rates: Rates) -> Decimal:
    capped = min(weekly_pay(pa, rates), rates.pension_upper_qualifying_weekly)
    return max(capped - rates.pension_lower_qualifying_weekly, ZERO)


def weekly_employer_pension(pa: PA, rates: Rates) -> Decimal:
    if not pension_eligible(pa, rates):
        return ZERO
    return qualifying_earnings(pa, rates) * rates.pension_employer_percent / HUNDRED


def weekly_sick_pay_rate(pa: PA, rates: Rates) -> Decimal:
    pay = weekly_pay(pa, rates)
    if rates.ssp_needs_lower_earnings_limit and pay < rates.ni_lower_earnings_limit_weekly:
        return ZERO
    if rates.ssp_earnings_percent is None:
        return rates.ssp_weekly_rate
    return min(rates.ssp_weekly_rate, pay * rates.ssp_earnings_percent / HUNDRED)


def yearly_sick_pay(pa: PA, rates: Rates, sick_weeks: Decimal) -> Decimal:
    weeks = sick_weeks
    if not rates.ssp_from_first_day and sick_weeks > ZERO:
        weeks = max(sick_weeks - WAITING_DAYS / WORKING_DAYS_A_WEEK, ZERO)
    return weekly_sick_pay_rate(pa, rates) * weeks


def yearly_cover_extra(pa: PA, rates: Rates, plan: Plan) -> Decimal:
    """Cover for a PA's day hours while they are on holiday or off sick, above their rate."""
    extra_an_hour = max(plan.cover_hourly_rate - pa.hourly_rate, ZERO)
    weeks_away = rates.holiday_weeks + plan.sick_weeks_per_pa
    return extra_an_hour * pa.weekly_hours * weeks_away


# The plan


def cost_plan(plan: Plan, rates: Rates) -> Costing:
    lines: list[Line] = []
    checks: list[WageCheck] = []
    for pa in plan.pas:
        lines.extend(pa_lines(pa, rates))
        checks.extend(wage_checks(pa, rates))
    allowance = employment_allowance_line(plan, rates)
    if allowance is not None:
        lines.append(allowance)
    lines.extend(plan_lines(plan, rates))
    return Costing(
        lines=tuple(lines),
        wage_checks=tuple(checks),
        direct_payment_weekly=plan.direct_payment_weekly,
        tax_year=rates.tax_year,
    )


def pa_lines(pa: PA, rates: Rates) -> list[Line]:
    year = rates.tax_year
    wages = weekly_wages(pa)
    night = ""
    if pa.night_hours:
        kind = "sleep-in" if pa.night_kind == NightKind.SLEEP_IN else "waking night"
        night = f", and {pa.night_hours} {kind} hours at {money(pa.night_rate)} an hour"
    if pa.irregular_hours:
        holiday_explained = (
            f"{pa.name} works irregular hours, so their holiday builds up at "
            f"{per_cent(rates.irregular_hours_holiday_percent)} of the pay for the hours they "
            f"work, in each pay period ({rates.holiday_weeks} weeks for each "
            f"{WEEKS_A_YEAR - rates.holiday_weeks} weeks worked)."
        )
    else:
        holiday_explained = (
            f"{pa.name} gets {rates.holiday_weeks} weeks' paid holiday a year "
            f"({money(wages * rates.holiday_weeks)}), shown here spread over 52 weeks. "
            "Someone else works their hours while they are away, so this is on top of wages."
        )
    pay = weekly_pay(pa, rates)
    threshold = ni_threshold(pa, rates)
    relief = (
        f" Employer NI is 0% up to {money(threshold)} a week for {AgeBand.LABELS[pa.age_band]}"
        " (for apprentices, if they are under 25)."
        if pa.age_band in AgeBand.RELIEVED
        else ""
    )
    ni = weekly_employer_ni(pa, rates)
    ni_explained = (
        f"{per_cent(rates.ni_employer_percent)} of {pa.name}'s pay above "
        f"{money(threshold)} in each weekly pay period. Their pay is {money(pay)} a week"
        + (
            f", so {money(pay - threshold)} is above it."
            if ni
            else ", which is not above it, so there is none to pay."
        )
        + relief
    )
    return [
        Line(
            kind="wages",
            label=f"Wages: {pa.name}",
            weekly=wages,
            explanation=(
                f"{pa.weekly_hours} hours a week at {money(pa.hourly_rate)} an hour{night}, "
                "52 weeks a year."
            ),
            source="Your figures",
            tax_year=year,
        ),
        Line(
            kind="holiday",
            label=f"Holiday pay: {pa.name}",
            weekly=weekly_holiday_pay(pa, rates),
            explanation=holiday_explained,
            source=rates.holiday_source,
            tax_year=year,
        ),
        Line(
            kind="national_insurance",
            label=f"Employer National Insurance: {pa.name}",
            weekly=ni,
            explanation=ni_explained,
            source=rates.national_insurance_source,
            tax_year=year,
        ),
        Line(
            kind="pension",
            label=f"Workplace pension: {pa.name}",
            weekly=weekly_employer_pension(pa, rates),
            explanation=pension_explanation(pa, rates),
            source=rates.pension_source,
            tax_year=year,
        ),
    ]


def pension_explanation(pa: PA, rates: Rates) -> str:
    pay = weekly_pay(pa, rates)
    band = (
        f"between {money(rates.pension_lower_qualifying_weekly)} and "
        f"{money(rates.pension_upper_qualifying_weekly)} a week"
    )
    if pension_eligible(pa, rates):
        return (
            f"{pa.name} must be enrolled in a workplace pension: they are aged 22 or over and "
            f"earn {money(pay)} a week, more than {money(rates.pension_trigger_weekly)}. You "
            f"pay at least {per_cent(rates.pension_employer_percent)} of their pay {band} "
            f"({money(qualifying_earnings(pa, rates))} a week)."
        )
    if pa.age_band in AgeBand.TOO_YOUNG_FOR_PENSION or not pa.pension_age:
        why = "they are not aged between 22 and State Pension age"
    else:
        why = f"they earn {money(pay)} a week, not more than {money(rates.pension_trigger_weekly)}"
    return (
        f"Nothing to pay unless they ask to join: {why}. If they ask and earn more than "
        f"{money(rates.pension_lower_qualifying_weekly)} a week, you pay "
        f"{per_cent(rates.pension_employer_percent)} of their pay {band}."
    )


def wage_checks(pa: PA, rates: Rates) -> list[WageCheck]:
    minimum = rates.minimum_wage(pa.age_band)
    band = AgeBand.LABELS[pa.age_band]
    year = rates.minimum_wage_tax_year
    checks = [minimum_wage_check(pa, "Day rate", pa.hourly_rate, minimum, band, rates)]
    if pa.night_hours and pa.night_kind == NightKind.WAKING:
        checks.append(
            minimum_wage_check(pa, "Waking night rate", pa.night_rate, minimum, band, rates)
        )
    elif pa.night_hours:
        checks.append(
            WageCheck(
                pa_name=pa.name,
                rate_label="Sleep-in rate",
                hourly_rate=pa.night_rate,
                minimum=minimum,
                checked=False,
                explanation=(
                    "Time asleep on a sleep-in does not count for the minimum wage, but any "
                    f"time {pa.name} is woken to work does: pay at least {money(minimum)} an "
                    "hour for it."
                ),
                source=rates.minimum_wage_source,
                tax_year=year,
            )
        )
    return checks


def minimum_wage_check(
    pa: PA, rate_label: str, hourly_rate: Decimal, minimum: Decimal, band: str, rates: Rates
) -> WageCheck:
    if hourly_rate >= minimum:
        verdict = f"{money(hourly_rate)} an hour is at least the minimum"
    else:
        verdict = f"{money(hourly_rate)} an hour is below the minimum: it is against the law"
    return WageCheck(
        pa_name=pa.name,
        rate_label=rate_label,
        hourly_rate=hourly_rate,
        minimum=minimum,
        checked=True,
        explanation=(
            f"{verdict}. The legal minimum for a worker {band} is {money(minimum)} an hour."
        ),
        source=rates.minimum_wage_source,
        tax_year=rates.minimum_wage_tax_year,
    )


def employment_allowance_line(plan: Plan, rates: Rates) -> Line | None:
    weekly_ni = sum((weekly_employer_ni(pa, rates) for pa in plan.pas), ZERO)
    yearly_ni = weekly_ni * WEEKS_A_YEAR
    if not plan.pas:
        return None
    if not plan.claims_employment_allowance:
        return Line(
            kind="employment_allowance",
            label="Employment Allowance",
            weekly=ZERO,
            explanation=(
                "Not claimed. If your PAs' work is care and support for you (or the person "
                "you employ them for), you can claim up to "
                f"{money(rates.employment_allowance)} a year off your employer National "
                "Insurance, once for all your PAs."
            ),
            source=rates.employment_allowance_source,
            tax_year=rates.tax_year,
        )
    # Worked a week at a time, so the line never takes off a hair more than the week's NI.
    weekly_claimed = min(weekly_ni, rates.employment_allowance / WEEKS_A_YEAR)
    claimed = weekly_claimed * WEEKS_A_YEAR
    return Line(
        kind="employment_allowance",
        label="Employment Allowance",
        weekly=-weekly_claimed,
        explanation=(
            "People who employ PAs for care and support can claim the Employment Allowance, "
            "even though other household employers cannot: it takes up to "
            f"{money(rates.employment_allowance)} a year off the employer National Insurance "
            f"for all your PAs together. Yours is {money(yearly_ni)} a year, so the "
            f"allowance takes off {money(claimed)}. Claim it through your payroll (or "
            "payroll service) at the start of the tax year."
        ),
        source=rates.employment_allowance_source,
        tax_year=rates.tax_year,
    )


def plan_lines(plan: Plan, rates: Rates) -> list[Line]:
    year = rates.tax_year
    lines = []
    if plan.agency_weekly_hours:
        lines.append(
            Line(
                kind="agency",
                label="Agency hours",
                weekly=plan.agency_weekly_hours * plan.agency_hourly_rate,
                explanation=(
                    f"{plan.agency_weekly_hours} hours a week at "
                    f"{money(plan.agency_hourly_rate)} an hour. The agency pays its own "
                    "workers' holiday, National Insurance and pension out of its rate."
                ),
                source="Your figures",
                tax_year=year,
            )
        )
    lines.append(
        Line(
            kind="insurance",
            label="Employer's liability insurance",
            weekly=plan.insurance_yearly / WEEKS_A_YEAR,
            explanation=(
                f"{money(plan.insurance_yearly)} a year. The law says you must have it once "
                "you employ anyone (at least £5 million of cover) unless you employ only "
                "close family; your direct payment team may ask for it anyway."
            ),
            source=EMPLOYER_LIABILITY_SOURCE,
            tax_year=year,
        )
    )
    sick_pay = sum((yearly_sick_pay(pa, rates, plan.sick_weeks_per_pa) for pa in plan.pas), ZERO)
    if rates.ssp_from_first_day:
        ssp_rule = (
            f"Statutory Sick Pay is paid from the first day off sick: {money(rates.ssp_weekly_rate)}"
            " a week, or "
            f"{per_cent(rates.ssp_earnings_percent or HUNDRED)} of the PA's weekly pay if "
            "that is less."
        )
    else:
        ssp_rule = (
            f"Statutory Sick Pay is {money(rates.ssp_weekly_rate)} a week from the fourth day "
            f"off sick, for PAs paid at least {money(rates.ni_lower_earnings_limit_weekly)} a "
            "week."
        )
    lines.append(
        Line(
            kind="sick_pay",
            label="Contingency: sick pay",
            weekly=sick_pay / WEEKS_A_YEAR,
            explanation=(
                f"{ssp_rule} Set aside for {plan.sick_weeks_per_pa} weeks off sick a year for "
                f"each PA: {money(sick_pay)} a year. Their hours are still worked by someone "
                "else and paid in the wages above."
            ),
            source=rates.sick_pay_source,
            tax_year=year,
        )
    )
    cover = sum((yearly_cover_extra(pa, rates, plan) for pa in plan.pas), ZERO)
    if plan.cover_hourly_rate:
        cover_explained = (
            f"Cover at {money(plan.cover_hourly_rate)} an hour for each PA's day hours while "
            f"they are on holiday ({rates.holiday_weeks} weeks) or off sick "
            f"({plan.sick_weeks_per_pa} weeks), counting only what it costs above the PA's "
            f"own rate (the wages line pays the rest): {money(cover)} a year."
        )
    else:
        cover_explained = (
            "No cover rate given: the wages line already pays for each PA's hours to be "
            "worked while they are away, at their own rate."
        )
    lines.append(
        Line(
            kind="cover",
            label="Contingency: cover",
            weekly=cover / WEEKS_A_YEAR,
            explanation=cover_explained,
            source="Your figures",
            tax_year=year,
        )
    )
    return lines
