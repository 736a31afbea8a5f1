"""Every template: it loads, it asks only for catalogued fields, it names its GOV.UK (or
Skills for Care, HSE) sources, and filled for a hired job it leaves no blank for anything
PA Hub knows; its .docx opens and holds the job's hours, pay and holiday."""

import io
import re
from datetime import date

import docx
import pytest

from pahub.library.documents.docx import markdown_to_docx
from pahub.library.documents.fields import FIELD_BY_NAME, Origin
from pahub.library.documents.filling import filled_markdown
from pahub.library.documents.placeholders import blank_for, placeholder_names
from pahub.library.documents.queries import load_job_for_documents
from pahub.library.documents.sources import load_template, template_slugs
from pahub.library.documents.values import values_for_job

SLUGS = template_slugs()
TODAY = date(2026, 12, 4)


def test_there_are_the_twelve_templates_issue_13_names():
    assert SLUGS == [
        "contract-of-employment",
        "emergency-and-contingency-plan",
        "holiday-request",
        "induction-checklist",
        "interview-questions",
        "job-advert",
        "job-description",
        "letter-ending-employment",
        "reference-request",
        "risk-assessment",
        "supervision-notes",
        "timesheet",
    ]


@pytest.mark.parametrize("slug", SLUGS)
def test_template_loads_with_its_sources(slug):
    template = load_template(slug)
    assert template.title and template.summary
    assert template.sources
    assert all(source.url.startswith("https://") for source in template.sources)
    assert "TODO" not in template.body and "lorem" not in template.body.lower()


@pytest.mark.parametrize("slug", SLUGS)
def test_every_placeholder_is_in_the_catalogue(slug):
    names = placeholder_names(load_template(slug).body)
    assert names
    assert [name for name in names if name not in FIELD_BY_NAME] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_block_fields_stand_on_a_line_of_their_own(slug):
    body = load_template(slug).body
    for name in placeholder_names(body):
        if FIELD_BY_NAME[name].block:
            for line in body.splitlines():
                if "{{ " + name + " }}" in line:
                    assert line.strip() == "{{ " + name + " }}", line


@pytest.mark.parametrize("slug", SLUGS)
def test_filled_for_a_hired_job_leaves_no_blank_pa_hub_could_fill(slug, hired_job):
    template = load_template(slug)
    values = values_for_job(load_job_for_documents(hired_job), today=TODAY)
    filled = filled_markdown(template, values)
    assert "{{" not in filled
    for name in placeholder_names(template.body):
        if FIELD_BY_NAME[name].origin != Origin.TYPED:
            assert blank_for(name) not in filled, name


@pytest.mark.parametrize("slug", SLUGS)
def test_the_docx_opens_and_holds_the_jobs_hours_pay_and_holiday(slug, hired_job):
    template = load_template(slug)
    values = values_for_job(load_job_for_documents(hired_job), today=TODAY)
    content = markdown_to_docx(
        filled_markdown(template, values), title=template.title, subject=template.summary
    )
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    text += "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert document.core_properties.title == template.title
    assert re.search(r"\b15\b", text), "hours a week"
    assert "£13.50" in text
    assert "28 days (84 hours) a year" in text
