"""`{% choice_items field %}`: the radios or checkboxes of a choice field, as GOV.UK draws
them, with the hint each option has (`option_hints`).

Drawn in one step rather than a dozen template nodes an option: the talent search's fifty
skills and fifty languages took some 3.5 ms a page that way, on every search. The markup is
the same as the template loop it replaced, byte for byte."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ITEM = (
    '\n        <div class="govuk-{kind}__item">'
    '\n          <input class="govuk-{kind}__input" id="{id}" name="{name}" type="{type}"'
    ' value="{value}"{checked}{described_by}>'
    '\n          <label class="govuk-label govuk-{kind}__label" for="{id}">{label}</label>'
    "\n          {hint}"
    "\n        </div>\n      "
)
HINT = '<div id="{id}-item-hint" class="govuk-hint govuk-{kind}__hint">{hint}</div>'
DESCRIBED_BY = ' aria-describedby="{id}-item-hint"'


@register.simple_tag
def choice_items(field) -> SafeString:
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
