"""Values written into HTML attributes in the form the HTML standard accepts.

`{{ when|html_datetime }}` for `<time datetime>`: Django's `date:'c'` adds microseconds,
which a valid global date and time string may not carry in that form and the W3C checker
rejects. `{{ phone|tel_href }}` for `href`: a `tel:` URI may not contain spaces.
"""

import re
from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()

NOT_DIALLED = re.compile(r"[^0-9+]")


@register.filter
def html_datetime(value: datetime | date | None) -> str:
    """A `<time datetime>` value: local time to the second with its offset, or a date."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def tel_href(phone: str | None) -> str:
    """ "0191 498 0000" as "tel:01914980000": only the digits and a leading plus."""
    number = NOT_DIALLED.sub("", phone or "")
    number = number[:1] + number[1:].replace("+", "")
    return f"tel:{number}"
