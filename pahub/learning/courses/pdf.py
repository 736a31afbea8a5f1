"""A certificate as a one-page PDF (fpdf2, pure Python): name, course, version, date, code and
the address where anyone can check it."""

from pathlib import Path

from django.utils import timezone
from fpdf import FPDF

from pahub.learning.models import Certificate

# A Unicode font where the system has one, so every name prints as written; otherwise the
# PDF's built-in Helvetica, which only knows Latin-1 (other letters print as "?").
UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
UNICODE_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _fonts(pdf: FPDF) -> tuple[str, bool]:
    if UNICODE_FONT.exists() and UNICODE_BOLD.exists():
        pdf.add_font("DejaVu", "", str(UNICODE_FONT))
        pdf.add_font("DejaVu", "B", str(UNICODE_BOLD))
        return "DejaVu", True
    return "Helvetica", False


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(f"Certificate {certificate.code}")
    pdf.set_author("PA Hub")
    pdf.set_creation_date(certificate.issued_at)
    pdf.add_page()
    family, unicode = _fonts(pdf)

    def line(text: str, *, size: int, bold: bool = False, gap: float = 4) -> None:
        if not unicode:
            text = text.encode("latin-1", "replace").decode("latin-1")
        pdf.set_font(family, "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_line_width(1.5)
    pdf.set_draw_color(11, 92, 99)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_y(30)
    line("PA Hub", size=16, bold=True, gap=8)
    line("Certificate of completion", size=28, bold=True, gap=10)
    line("This is to certify that", size=14)
    line(certificate.name, size=26, bold=True, gap=6)
    line("has completed the course", size=14)
    line(certificate.course.title, size=22, bold=True, gap=6)
    issued = timezone.localtime(certificate.issued_at)
    line(
        f"Course version {certificate.course_version}, completed on {issued:%-d %B %Y}",
        size=14,
        gap=12,
    )
    line(f"Certificate code: {certificate.code}", size=16, bold=True)
    line(f"Check it at {verify_url}", size=11)
    return bytes(pdf.output())
