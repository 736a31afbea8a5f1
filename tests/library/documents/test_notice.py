"""The least notice an employer must give (GOV.UK notice periods), worked out by hand."""

from datetime import date

from pahub.library.documents.notice import statutory_notice_in_words, statutory_notice_weeks


def test_under_a_month_has_no_statutory_notice():
    assert statutory_notice_weeks(started=date(2026, 11, 10), on=date(2026, 12, 4)) == 0
    assert statutory_notice_in_words(started=date(2026, 11, 10), on=date(2026, 12, 4)).startswith(
        "none"
    )


def test_a_month_to_two_years_is_one_week():
    assert statutory_notice_weeks(started=date(2026, 11, 4), on=date(2026, 12, 4)) == 1
    assert statutory_notice_weeks(started=date(2024, 12, 5), on=date(2026, 12, 4)) == 1
    assert statutory_notice_in_words(started=date(2026, 1, 1), on=date(2026, 12, 4)) == "1 week"


def test_two_to_twelve_years_is_a_week_for_each_full_year():
    assert statutory_notice_weeks(started=date(2024, 12, 4), on=date(2026, 12, 4)) == 2
    assert statutory_notice_weeks(started=date(2019, 6, 1), on=date(2026, 12, 4)) == 7


def test_twelve_years_or_more_is_twelve_weeks():
    assert statutory_notice_weeks(started=date(2014, 12, 4), on=date(2026, 12, 4)) == 12
    assert statutory_notice_weeks(started=date(2000, 1, 1), on=date(2026, 12, 4)) == 12
    assert statutory_notice_in_words(started=date(2000, 1, 1), on=date(2026, 12, 4)) == "12 weeks"


def test_a_start_date_still_to_come_has_no_statutory_notice():
    assert statutory_notice_weeks(started=date(2027, 1, 4), on=date(2026, 12, 4)) == 0
