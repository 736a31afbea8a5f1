"""`{% choice_items field %}`: the radios or checkboxes of a choice field, as GOV.UK draws
them, with the hint each option has (`option_hints`). `{% select_options widget %}`: the
options of a select (`templates/django/forms/widgets/select.html`).

Drawn in one step rather than a dozen template nodes an option: the talent search's fifty
skills and fifty languages took some 3.5 ms a page that way, on every search, and the staff
register search's selects (every council, skill and language) about 8 ms. The markup is the
same as the template loops they replaced, byte for byte."""

from django import template
from django.template.loader import get_template
from django.utils.html import conditional_escape, escape
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
    """Every value is escaped as `format_html` would (`conditional_escape`), but once: the
    field's kind, name and type are the same for all its options, and a plain `str.format`
    joins them (`format_html` per option was most of this tag's time)."""
    kind = conditional_escape(field.govuk_kind)
    shared: dict[tuple[object, object], tuple[str, str]] = {}
    items = []
    for option, hint in field.options_with_hints:
        data = option.data
        key = (data["name"], data["type"])
        if key not in shared:
            shared[key] = (conditional_escape(data["name"]), conditional_escape(data["type"]))
        name, input_type = shared[key]
        option_id = conditional_escape(option.id_for_label)
        items.append(
            ITEM.format(
                kind=kind,
                id=option_id,
                name=name,
                type=input_type,
                value=conditional_escape(str(data["value"])),
                checked=" checked" if data["selected"] else "",
                described_by=DESCRIBED_BY.format(id=option_id) if hint else "",
                label=conditional_escape(option.choice_label),
                hint=HINT.format(id=option_id, kind=kind, hint=conditional_escape(hint))
                if hint
                else "",
            )
        )
    return mark_safe("".join(items))  # noqa: S308 -- every value above is escaped


# Django's select_option.html, which ends with a new line, after the select's "\n  ".
OPTION = '\n  <option value="{value}"{attrs}>{label}</option>\n'
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


@register.simple_tag
def select_options(widget: dict) -> SafeString:
    """The optgroups and options of Django's select.html, drawn as its loop and
    select_option.html draw them; an option with a template of its own is drawn by it."""
    parts = []
    for group_name, group_choices, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] == OPTION_TEMPLATE:
                parts.append(
                    OPTION.format(
                        value=escape(str(option["value"])),
                        attrs=html_attrs(option["attrs"]),
                        label=conditional_escape(option["label"]),
                    )
                )
            else:
                parts.append(
                    "\n  " + get_template(option["template_name"]).render({"widget": option})
                )
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308 -- every value above is escaped


def html_attrs(attrs: dict) -> str:
    """Django's attrs.html: ` name="value"`, a bare ` name` for True, nothing for False."""
    return "".join(
        f" {conditional_escape(name)}" + ("" if value is True else f'="{escape(str(value))}"')
        for name, value in attrs.items()
        if value is not False
    )
