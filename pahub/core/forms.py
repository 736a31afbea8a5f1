"""GOV.UK Design System markup for every Django form, set once as the form renderer.

`{{ form }}` renders an error summary and each field as a GOV.UK form group, with
labels, hints and errors linked by aria-describedby, so every page gets the same
accessible pattern without repeating markup.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting
from django.utils import timezone

from pahub.core.text_rules import text_problem

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.CheckboxInput: "govuk-checkboxes__input",
}


def widget_kind(widget: forms.Widget) -> str:
    """The GOV.UK pattern a widget is drawn with."""
    # CheckboxSelectMultiple is a subclass of RadioSelect, so it must be asked first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


def hint_for(hints: dict, value: object) -> str:
    """Hints may be keyed by the choice value or its text (model choices give a wrapper)."""
    for key, hint in hints.items():
        if key == value or str(key) == str(value):
            return hint
    return ""


class GovukBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs: dict, widget: forms.Widget | None = None) -> dict:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = WIDGET_CLASSES.get(type(widget), "govuk-input")
        if self.errors:
            css += {
                "govuk-input": " govuk-input--error",
                "govuk-textarea": " govuk-textarea--error",
                "govuk-select": " govuk-select--error",
                "govuk-file-upload": " govuk-file-upload--error",
            }.get(css, "")
        existing = attrs.get("class", widget.attrs.get("class", ""))
        if "govuk-" not in existing:
            attrs["class"] = f"{css} {existing}".strip()
        elif self.errors and "--error" not in existing:
            attrs["class"] = f"{existing} {css.split(' ')[-1]}"
        if widget_kind(widget) in {"input", "textarea", "select", "file", "checkbox"}:
            described_by = [
                f"{self.auto_id}-hint" if self.help_text else "",
                f"{self.auto_id}-error" if self.errors else "",
            ]
            if any(described_by):
                attrs["aria-describedby"] = " ".join(part for part in described_by if part)
        return attrs

    @property
    def govuk_kind(self) -> str:
        return widget_kind(self.field.widget)

    @property
    def options_with_hints(self) -> list[tuple[object, str]]:
        """Each radio or checkbox with the hint the field gives it (`option_hints`), if any."""
        hints = getattr(self.field, "option_hints", None) or {}
        return [(option, hint_for(hints, option.data["value"])) for option in self]

    @property
    def first_input_id(self) -> str:
        """Where an error summary link should move focus to."""
        if self.govuk_kind in {"radios", "checkboxes"}:
            return f"{self.auto_id}_0"
        return self.auto_id


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    bound_field_class = GovukBoundField


# Field helpers every app's question pages use, so a rule such as "no maxlength" is one.


def text(
    *, label: str, what: str, limit: int, help_text: str = "", required: bool = False, **kwargs
) -> Any:
    """A text answer with a plain message when it is too long, and no maxlength attribute:
    GOV.UK advises against it, because typing silently stops."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        validators=[MaxLengthValidator(limit, f"{what} must be {limit:,} characters or fewer")],
        **kwargs,
    )


def long_text(*, label: str, limit: int, rows: int = 5, **kwargs) -> Any:
    return text(label=label, limit=limit, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class YesNoField(forms.TypedChoiceField):
    def __init__(self, *, label: str, required_message: str, **kwargs) -> None:
        super().__init__(
            label=label,
            choices=[("yes", "Yes"), ("no", "No")],
            coerce=lambda value: value == "yes",
            widget=forms.RadioSelect(attrs={"inline": True}),
            error_messages={"required": required_message},
            **kwargs,
        )


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


class FieldInputError(ValueError):
    """A change breaks a rule; `field` names the answer to fix, so a page can put the message
    beside it and the API can name it in its 4xx answer."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


# GOV.UK date input: three boxes in a fieldset, whose typed values survive an error.


class GovukDateWidget(forms.MultiWidget):
    template_name = "core/forms/date_input.html"
    parts = (
        ("Day", "govuk-input--width-2"),
        ("Month", "govuk-input--width-2"),
        ("Year", "govuk-input--width-4"),
    )

    def __init__(self, attrs: dict | None = None) -> None:
        numeric = {"inputmode": "numeric"}
        super().__init__([forms.TextInput(numeric) for _ in range(3)], attrs)
        self.widgets_names = ["_day", "_month", "_year"]

    def decompress(self, value: date | None) -> list:
        return [value.day, value.month, value.year] if value else [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        has_error = "--error" in widget["attrs"].get("class", "")
        # The error summary links to the field's id, so the day box carries it.
        base_id = widget["attrs"].get("id")
        widget["parts"] = []
        for index, (subwidget, (label, width)) in enumerate(
            zip(widget["subwidgets"], self.parts, strict=True)
        ):
            widget["parts"].append(
                {
                    "id": base_id if index == 0 else f"{base_id}_{label.lower()}",
                    "name": subwidget["name"],
                    "value": subwidget["value"] or "",
                    "label": label,
                    "classes": f"govuk-input govuk-date-input__input {width}"
                    + (" govuk-input--error" if has_error else ""),
                }
            )
        return context


def not_in_future(message: str) -> Callable[[date], None]:
    def check(value: date) -> None:
        if value and value > timezone.localdate():
            raise forms.ValidationError(message, code="future")

    return check


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, checked with GOV.UK's messages."""

    widget = GovukDateWidget

    def __init__(self, *, past_message: str | None = None, **kwargs) -> None:
        # A fieldset with a legend, not a label: set here, as Field.__init__ resets it.
        kwargs.setdefault("template_name", "core/forms/date_field.html")
        fields = [forms.CharField(required=False) for _ in range(3)]
        validators = [not_in_future(past_message)] if past_message else []
        super().__init__(fields, require_all_fields=False, validators=validators, **kwargs)

    def compress(self, data_list: list[str]) -> date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise forms.ValidationError(
                f"{self.label} must include a {' and '.join(missing)}", code="incomplete"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise forms.ValidationError("Enter a real date", code="invalid")
        if len(year) != 4:
            raise forms.ValidationError("Enter the year in full, for example 2024", code="year")
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError("Enter a real date", code="invalid") from None
        if value.year < 1900:
            raise forms.ValidationError("Enter a real date", code="invalid")
        return value


class TextRulesMixin:
    """Every answer typed or sent follows `core.text_rules`: no control characters or
    text-direction overrides anywhere, and one line only unless the question is a textarea.

    Checked on the raw answer before the field cleans it, so a NUL never reaches a query
    (a choice looked up in the database, a `clean_<field>` method): PostgreSQL refuses it
    with a server error. Django's `_clean_fields`, with that check first."""

    def _clean_fields(self) -> None:
        for name, bound_field in self._bound_items():
            problem = typed_text_problem(bound_field)
            if problem:
                self.add_error(name, problem)
                continue
            try:
                self.cleaned_data[name] = bound_field.field._clean_bound_field(bound_field)
                if hasattr(self, f"clean_{name}"):
                    self.cleaned_data[name] = getattr(self, f"clean_{name}")()
            except forms.ValidationError as error:
                self.add_error(name, error)


def typed_text_problem(bound_field: forms.BoundField) -> str | None:
    """What is wrong with the text sent for one field: each value of a multiple choice too."""
    if isinstance(bound_field.field.widget, forms.PasswordInput):
        return None  # never shown or stored as text, and checked against a hash
    typed = bound_field.data
    values = typed if isinstance(typed, list | tuple) else [typed]
    one_line = not isinstance(bound_field.field.widget, forms.Textarea)
    for value in values:
        if isinstance(value, str):
            problem = text_problem(value, one_line=one_line)
            if problem:
                return problem
    return None


class Form(TextRulesMixin, forms.Form):
    """PA Hub's base form: Django's, with the text rules."""


class ModelForm(TextRulesMixin, forms.ModelForm):
    """PA Hub's base model form: Django's, with the text rules."""
