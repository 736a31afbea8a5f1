"""A saved plan as CSV, for a spreadsheet or the direct payment team.

Spreadsheets run a cell that starts with =, +, - or @ as a formula, so a typed name that does
gets a leading apostrophe (as `learning.cpd.exports` does); amounts are plain numbers, a
negative one (the Employment Allowance) included.
"""

import csv
import io

from pahub.costs.calculator import Costing, pounds

HEADER = ["Line", "A week", "Every 4 weeks", "A year", "Tax year", "Why", "Source"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def costing_csv(costing: Costing) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    for line in costing.lines:
        writer.writerow(
            [
                safe_cell(line.label),
                pounds(line.weekly),
                pounds(line.four_weekly),
                pounds(line.yearly),
                line.tax_year,
                safe_cell(line.explanation),
                safe_cell(line.source),
            ]
        )
    writer.writerow(
        [
            "Total",
            pounds(costing.weekly_total),
            pounds(costing.four_weekly_total),
            pounds(costing.yearly_total),
            costing.tax_year,
            "",
            "",
        ]
    )
    writer.writerow(
        [
            "Direct payment",
            pounds(costing.direct_payment_weekly),
            pounds(costing.direct_payment_weekly * 4),
            pounds(costing.direct_payment_weekly * 52),
            costing.tax_year,
            "",
            "Your figures",
        ]
    )
    writer.writerow(["Left (short if negative)", pounds(costing.weekly_left), "", "", "", "", ""])
    writer.writerow([])
    writer.writerow(["Minimum wage check", "Rate", "Minimum", "", "Tax year", "Result", "Source"])
    for check in costing.wage_checks:
        writer.writerow(
            [
                safe_cell(f"{check.pa_name}: {check.rate_label}"),
                pounds(check.hourly_rate),
                pounds(check.minimum),
                "",
                check.tax_year,
                safe_cell(check.explanation),
                safe_cell(check.source),
            ]
        )
    return stream.getvalue()
