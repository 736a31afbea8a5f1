"""`{% select_options %}` draws a select's options exactly as Django's own select.html and
select_option.html do: groups, chosen values, several chosen, HTML's special characters in
values, labels and group names, labels already marked safe, and the select's own attributes."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from pahub.core.forms import GovukFormRenderer

CHOICES = [
    ("", "Any council"),
    ("North East", [("E08000021", "Newcastle upon Tyne"), ("E06000047", "County Durham")]),
    ('<Other> & "more"', [('say "hi"', "Quotes 'and' <tags>"), ("x&y", mark_safe("<b>Bold</b>"))]),
    (7, "A number"),
]


def drawn(widget: forms.Widget, value, renderer, attrs=None) -> str:
    return widget.render("area", value, attrs=attrs, renderer=renderer)


@pytest.mark.parametrize(
    ("widget", "value", "attrs"),
    [
        (forms.Select(choices=CHOICES), None, None),
        (forms.Select(choices=CHOICES), "E06000047", {"id": "id_area", "class": "govuk-select"}),
        (forms.Select(choices=CHOICES), 'say "hi"', {"aria-describedby": "area-hint area-error"}),
        (forms.Select(choices=CHOICES), "7", {"disabled": True, "required": False}),
        (forms.SelectMultiple(choices=CHOICES), ["x&y", "E08000021"], {"id": "id_area"}),
        (forms.Select(choices=[("a", "A"), ("b", "B")]), "b", None),
        (forms.Select(choices=[]), None, None),
        (forms.NullBooleanSelect(), True, None),
    ],
)
def test_a_select_is_drawn_byte_for_byte_as_djangos_own_templates_draw_it(widget, value, attrs):
    assert drawn(widget, value, GovukFormRenderer(), attrs) == drawn(
        widget, value, DjangoTemplates(), attrs
    )


def test_the_chosen_option_is_marked_and_values_are_escaped():
    html = drawn(forms.Select(choices=CHOICES), 'say "hi"', GovukFormRenderer())

    assert (
        '<option value="say &quot;hi&quot;" selected>Quotes &#x27;and&#x27; &lt;tags&gt;</option>'
        in html
    )
    assert '<optgroup label="&lt;Other&gt; &amp; &quot;more&quot;">' in html
    assert "<b>Bold</b>" in html


class OwnOption(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


def test_an_option_with_a_template_of_its_own_is_drawn_by_it():
    widget = OwnOption(choices=[("a", "A")])

    assert drawn(widget, "a", GovukFormRenderer()) == drawn(widget, "a", DjangoTemplates())


def test_pa_hubs_forms_draw_selects_with_the_one_step_template():
    template = GovukFormRenderer().get_template("django/forms/widgets/select.html")

    assert "select_options" in template.template.source
