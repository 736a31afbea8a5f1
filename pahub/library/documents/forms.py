"""The optional answers on the fill page: the exact address and any other blank of the
template. Built for each template and job, so it asks only for what is still blank (and the
place of work, which an address may replace). Nothing typed here is stored."""

from pahub.core.forms import Form, long_text, text
from pahub.library.documents.fields import FIELD_BY_NAME, Origin
from pahub.library.documents.placeholders import placeholder_names

LINE_LIMIT = 200
BLOCK_LIMIT = 2000


def typed_field_names(body: str, values: dict[str, str]) -> list[str]:
    """The template's fields the employer may type: those PA Hub left blank, and any whose
    value typing may replace, in the order the template asks for them."""
    names = []
    for name in placeholder_names(body):
        field = FIELD_BY_NAME.get(name)
        if field is None:
            continue
        if name not in values or field.typed_replaces or field.origin == Origin.TYPED:
            names.append(name)
    return names


class FillForm(Form):
    def __init__(self, *args, names: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in names:
            field = FIELD_BY_NAME[name]
            if field.block:
                self.fields[name] = long_text(
                    label=field.label, what=field.label, limit=BLOCK_LIMIT, help_text=field.hint
                )
            else:
                self.fields[name] = text(
                    label=field.label, what=field.label, limit=LINE_LIMIT, help_text=field.hint
                )
            self.fields[name].widget.attrs.setdefault("autocomplete", "off")

    def typed(self) -> dict[str, str]:
        """What was typed, trimmed; empty answers left out."""
        return {name: value.strip() for name, value in self.cleaned_data.items() if value.strip()}


def bound_or_blank(data, names: list[str]) -> FillForm:
    """Bound to `data` when it answers any of the questions, so a plain link shows no errors."""
    if any(name in data for name in names):
        return FillForm(data, names=names)
    return FillForm(names=names)
