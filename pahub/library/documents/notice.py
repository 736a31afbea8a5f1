"""The least notice the law says an employer must give, from how long the PA has worked.

GOV.UK ("Redundancy: your rights", notice periods; the same minimum applies to any dismissal):
at least 1 week after 1 month's work, 1 week for each full year from 2 to 12 years, and 12 weeks
after 12 years. Under a month there is no statutory minimum (the contract may still give one).
"""

from datetime import date

MAXIMUM_WEEKS = 12


def full_months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return months


def statutory_notice_weeks(*, started: date, on: date) -> int:
    """Weeks of notice the employer must give on `on` to someone who started on `started`."""
    months = full_months_between(started, on)
    if months < 1:
        return 0
    years = months // 12
    if years < 2:
        return 1
    return min(years, MAXIMUM_WEEKS)


def statutory_notice_in_words(*, started: date, on: date) -> str:
    weeks = statutory_notice_weeks(started=started, on=on)
    if weeks == 0:
        return "none: the law sets no minimum for less than a month's work"
    return "1 week" if weeks == 1 else f"{weeks} weeks"
