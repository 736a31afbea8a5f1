"""Page numbers for the shared pagination template (`includes/pagination.html`), so every
paged list (jobs, the staff register, the inbox) shows its pages the same way."""

from django.core.paginator import Page


def pagination_items(page: Page) -> list[int | None]:
    """Page numbers for the GOV.UK pagination component; None stands for an ellipsis: the
    first and last pages, and one page either side of this one."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return [number if isinstance(number, int) else None for number in numbers]
