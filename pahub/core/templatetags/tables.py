"""`{% scroll_region "label" %}<table>...</table>{% endscroll_region %}`: the one way a page
wraps a table that may be wider than a narrow screen.

The table scrolls sideways inside a region a keyboard user can focus (and so scroll with the
arrow keys) and a screen reader announces by name, so the page itself reflows at 320 CSS
pixels (WCAG 1.4.10) without hiding any column.
"""

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.utils.html import format_html

register = template.Library()


class ScrollRegionNode(template.Node):
    def __init__(self, label: FilterExpression, nodelist: template.NodeList) -> None:
        self.label = label
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        return format_html(
            '<div class="app-table-scroll" role="region" aria-label="{}" tabindex="0">{}</div>',
            self.label.resolve(context),
            self.nodelist.render(context),
        )


@register.tag
def scroll_region(parser: Parser, token: Token) -> ScrollRegionNode:
    """One argument: the region's name, a quoted string or a variable."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the region's name.")
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(parser.compile_filter(bits[1]), nodelist)
