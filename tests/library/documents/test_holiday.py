"""Holiday entitlement, worked out by hand from GOV.UK's "Holiday entitlement" rules:
5.6 weeks a year, capped at 28 days, or 12.07% of hours worked for irregular hours."""

from decimal import Decimal

from pahub.library.documents.holiday import holiday_entitlement

WEEKS = Decimal("5.6")
PERCENT = Decimal("12.07")


def entitlement(days: int | None, hours: str | None, *, irregular: bool = False):
    return holiday_entitlement(
        days_a_week=days,
        hours_per_week=Decimal(hours) if hours else None,
        irregular_hours=irregular,
        holiday_weeks=WEEKS,
        irregular_percent=PERCENT,
    )


def test_five_days_a_week_gets_28_days():
    # 5.6 x 5 = 28 days; 15 hours a week is 3 hours a day, so 28 x 3 = 84 hours.
    result = entitlement(5, "15")
    assert result.days == Decimal(28)
    assert result.hours == Decimal(84)
    assert result.in_words() == (
        "28 days (84 hours) a year, including bank holidays (5.6 weeks for 5 days a week)"
    )


def test_three_days_a_week_gets_16_point_8_days():
    # 5.6 x 3 = 16.8 days; 22.5 hours over 3 days is 7.5 hours a day: 16.8 x 7.5 = 126 hours.
    result = entitlement(3, "22.5")
    assert result.days == Decimal("16.8")
    assert result.hours == Decimal(126)
    assert result.in_words().startswith("16.8 days (126 hours) a year")


def test_one_day_a_week_gets_5_point_6_days():
    # 5.6 x 1 = 5.6 days of 8 hours: 44.8 hours.
    result = entitlement(1, "8")
    assert (result.days, result.hours) == (Decimal("5.6"), Decimal("44.8"))
    assert "for 1 day a week" in result.in_words()


def test_six_days_a_week_is_capped_at_28_days():
    # 5.6 x 6 = 33.6, capped at 28 days; 30 hours over 6 days is 5 a day: 28 x 5 = 140 hours.
    result = entitlement(6, "30")
    assert result.days == Decimal(28)
    assert result.hours == Decimal(140)
    assert result.capped
    assert "capped at 28 days by law" in result.in_words()


def test_hours_are_rounded_up_never_down():
    # 10 hours over 6 days: 28 x 10 / 6 = 46.666..., shown as 46.7.
    assert entitlement(6, "10").hours == Decimal("46.7")


def test_irregular_hours_build_up_at_12_07_per_cent():
    result = entitlement(5, "15", irregular=True)
    assert result.days is None
    assert result.in_words().startswith("12.07% of the hours worked in each pay period")


def test_without_days_the_hours_are_5_point_6_weeks():
    # No days chosen on the grid: 5.6 x 20 hours = 112 hours.
    result = entitlement(None, "20")
    assert result.hours == Decimal(112)
    assert result.in_words() == "5.6 weeks a year (112 hours), including bank holidays"


def test_without_days_or_hours_it_says_the_weeks():
    assert entitlement(None, None).in_words() == "5.6 weeks a year, including bank holidays"
