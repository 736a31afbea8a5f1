"""A year of a PA's CPD log as CSV (for a spreadsheet) and PDF (to print or send).

Spreadsheets run a cell that starts with =, +, - or @ as a formula, so such a cell gets a
leading apostrophe (as `cover.exports` does). The PDF uses fpdf2's built-in Helvetica, which
knows Latin-1 only: other characters are written as near equivalents or "?".
"""

import csv
import io
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from fpdf import FPDF

from pahub.learning.models import CPDEntry

HEADER = ["Date", "Title", "Provider", "Hours", "What I learned", "Evidence file"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def hours_text(hours: Decimal) -> str:
    return f"{hours.normalize():f}"


def cpd_csv(entries: Sequence[CPDEntry]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    for entry in entries:
        writer.writerow(
            [
                entry.learned_on.isoformat(),
                safe_cell(entry.title),
                safe_cell(entry.provider),
                hours_text(entry.hours),
                safe_cell(entry.what_i_learned),
                "yes" if entry.evidence_file else "no",
            ]
        )
    total = sum((entry.hours for entry in entries), Decimal(0))
    writer.writerow(["", "Total hours", "", hours_text(total), "", ""])
    return stream.getvalue()


def latin1(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(PLAIN))
    return text.encode("latin-1", errors="replace").decode("latin-1")


def cpd_pdf(*, name: str, year: int, entries: Sequence[CPDEntry]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(width, 10, latin1(f"CPD log {year}: {name}"), new_x="LMARGIN", new_y="NEXT")
    total = sum((entry.hours for entry in entries), Decimal(0))
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(
        width,
        7,
        latin1(f"{len(entries)} entries, {hours_text(total)} hours in total."),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    for entry in entries:
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(width, 7, latin1(entry.title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        facts = f"{entry.learned_on:%-d %B %Y}, {hours_text(entry.hours)} hours"
        if entry.provider:
            facts += f", {entry.provider}"
        pdf.multi_cell(width, 6, latin1(facts), new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(width, 6, latin1(entry.what_i_learned), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())
