"""Form fields for postcodes and postcode districts, styled for the GOV.UK design system."""

from typing import Any

from django import forms

from pahub.places.postcodes import (
    OUTCODE_MESSAGE,
    POSTCODE_EMPTY_MESSAGE,
    InvalidPostcode,
    normalise_outcode,
    normalise_postcode,
)

_INPUT_ATTRS = {
    "autocomplete": "postal-code",
    "spellcheck": "false",
    "class": "govuk-input govuk-input--width-10",
}


class PostcodeField(forms.CharField):
    """A full UK postcode; ``clean`` returns it normalised, like "NE1 4ST"."""

    default_error_messages = {"required": POSTCODE_EMPTY_MESSAGE}
    normalise = staticmethod(normalise_postcode)

    def __init__(self, **kwargs: Any) -> None:
        # No max_length: its "Ensure this value has at most..." error would pre-empt the plain
        # one, and GOV.UK advises against maxlength on inputs.
        kwargs.setdefault("widget", forms.TextInput(attrs=dict(_INPUT_ATTRS)))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        if value in self.empty_values:
            # Only reached when required=False; a required field has already said so.
            return ""
        try:
            return self.normalise(value)
        except InvalidPostcode as error:
            raise forms.ValidationError(error.message, code="invalid") from error


class OutcodeField(PostcodeField):
    """A postcode district (outcode), like "NE1"; ``clean`` returns it upper-cased."""

    default_error_messages = {"required": OUTCODE_MESSAGE}
    normalise = staticmethod(normalise_outcode)
