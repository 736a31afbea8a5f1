"""Amounts people type or send: checked for range before rounding, so no value gives a
server error, and each reason is told apart so each question words its own message."""

from decimal import Decimal

import pytest

from pahub.core.hours_and_pay import AmountError, read_amount

HOURS = {"places": 1, "minimum": Decimal(0), "maximum": Decimal(168), "above_minimum": True}

# Every value the outside review sent, and more of the same kind.
HOSTILE = {
    "1e30": "too_big",
    "1E+27": "too_big",
    "1e309": "too_big",
    "9" * 30: "too_big",
    "9" * 5000: "not_a_number",
    "1e999999999999999999": "too_big",
    "NaN": "not_a_number",
    "sNaN": "not_a_number",
    "Infinity": "not_a_number",
    "-Infinity": "not_a_number",
    "-0": "too_small",
    "-1e30": "too_small",
    "1e-30": "too_precise",
    "0." + "0" * 27 + "1": "too_precise",
    "7.55": "too_precise",
    "twelve": "not_a_number",
    "1_000": "not_a_number",
}


@pytest.mark.parametrize(("typed", "reason"), HOSTILE.items())
def test_hostile_amounts_are_refused_with_a_reason(typed, reason):
    with pytest.raises(AmountError) as refused:
        read_amount(typed, **HOURS)
    assert refused.value.reason == reason


@pytest.mark.parametrize("value", [Decimal("1e30"), Decimal("NaN"), Decimal("-0"), 10**40])
def test_values_already_read_by_the_api_are_checked_the_same_way(value):
    with pytest.raises(AmountError):
        read_amount(value, **HOURS)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("15", "15.0"), (" 7.5 ", "7.5"), ("7.50", "7.5"), ("168", "168.0"), ("1.5e1", "15.0")],
)
def test_ordinary_amounts_are_read_to_their_places(typed, amount):
    assert read_amount(typed, **HOURS) == Decimal(amount)
    assert str(read_amount(typed, **HOURS)) == amount


def test_pounds_and_commas_are_allowed_and_blank_is_none():
    pay = {"places": 2, "minimum": Decimal(0), "maximum": Decimal("999.99")}
    assert read_amount("£1,0.5", **pay) == Decimal("10.50")
    assert read_amount("  ", **pay) is None


def test_zero_is_never_negative():
    pay = {"places": 2, "minimum": Decimal(0), "maximum": Decimal("999.99")}
    assert str(read_amount("-0", **pay)) == "0.00"
