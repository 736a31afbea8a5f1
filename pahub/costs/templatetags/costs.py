from decimal import Decimal

from django import template

from pahub.costs.calculator import money

register = template.Library()


@register.filter
def pounds(amount: Decimal | None) -> str:
    """£1,234.56, with a minus sign before the pound sign for an amount taken off."""
    if amount is None:
        return ""
    if amount < 0 and money(-amount) != "£0.00":
        return f"−{money(-amount)}"
    return money(abs(amount))
