"""`{% choice_items field %}` draws radios and checkboxes exactly as `format_html` did for each
option, escaping every value once: labels, hints, values and ids that hold HTML's special
characters, labels already marked safe, chosen options and options with no hint."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from pahub.core.forms import GovukFormRenderer
from pahub.core.templatetags.govuk_choices import DESCRIBED_BY, HINT, ITEM, choice_items


def drawn_with_format_html(field) -> str:
    """The tag as it was, one `format_html` an option: the reference."""
    kind = field.govuk_kind
    items = []
    for option, hint in field.options_with_hints:
        data = option.data
        option_id = option.id_for_label
        items.append(
            format_html(
                ITEM,
                kind=kind,
                id=option_id,
                name=data["name"],
                type=data["type"],
                value=str(data["value"]),
                checked=mark_safe(" checked") if data["selected"] else "",
                described_by=format_html(DESCRIBED_BY, id=option_id) if hint else "",
                label=option.choice_label,
                hint=format_html(HINT, id=option_id, kind=kind, hint=hint) if hint else "",
            )
        )
    return format_html_join("", "{}", ((item,) for item in items))


class Choices(forms.Form):
    default_renderer = GovukFormRenderer

    needs = forms.MultipleChoiceField(
        label="What help",
        choices=[
            ("wash", "Washing & dressing"),
            ('say "hi"', mark_safe("<strong>Company</strong>")),
            ("<x>", "Meals <and> drinks"),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    when = forms.ChoiceField(
        label="When",
        choices=[(1, "Mornings"), (2, "Evenings 'late'")],
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"].option_hints = {
            "wash": "Help in the bath or shower & getting dressed",
            "<x>": mark_safe("<em>Cooking</em> too"),
        }


def test_every_option_is_drawn_as_format_html_drew_it():
    for form in (
        Choices(),
        Choices({"needs": ["wash", "<x>"], "when": "2"}),
        Choices(auto_id="id_<odd>_%s"),
    ):
        for name in ("needs", "when"):
            field = form[name]
            assert str(choice_items(field)) == str(drawn_with_format_html(field))


def test_special_characters_are_escaped_once_and_safe_labels_kept():
    drawn = str(choice_items(Choices({"needs": ["<x>"]})["needs"]))

    assert 'value="say &quot;hi&quot;"' in drawn
    assert "Washing &amp; dressing" in drawn and "&amp;amp;" not in drawn
    assert "<strong>Company</strong>" in drawn
    assert "Meals &lt;and&gt; drinks" in drawn
    assert "<em>Cooking</em> too" in drawn
    assert 'value="&lt;x&gt;" checked aria-describedby="id_needs_2-item-hint"' in drawn
