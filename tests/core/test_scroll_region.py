"""Wide tables scroll inside a named region a keyboard user can focus (WCAG 1.4.10 reflow)."""

import pathlib

import pytest
from django.template import Context, Template, TemplateSyntaxError

TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "pahub"


def test_a_scroll_region_is_a_focusable_named_region_around_its_table():
    html = Template(
        '{% load tables %}{% scroll_region label %}<table class="govuk-table"></table>'
        "{% endscroll_region %}"
    ).render(Context({"label": "Jobs & hours"}))

    assert html == (
        '<div class="app-table-scroll" role="region" aria-label="Jobs &amp; hours" '
        'tabindex="0"><table class="govuk-table"></table></div>'
    )


def test_a_scroll_region_needs_its_name():
    with pytest.raises(TemplateSyntaxError, match="the region's name"):
        Template("{% load tables %}{% scroll_region %}{% endscroll_region %}")


def test_every_data_table_in_the_templates_sits_in_a_scroll_region():
    """A new table must not make a page scroll sideways on a phone: wrap it, or make it a
    summary list. The weekly grid lays itself out one day at a time instead."""
    unwrapped = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        if "pahub-week-grid" in text or path.match("allauth/elements/table.html"):
            continue
        if text.count("<table") != text.count("{% scroll_region"):
            unwrapped.append(str(path.relative_to(TEMPLATES)))
    assert not unwrapped, f"Tables outside a {{% scroll_region %}}: {unwrapped}"
