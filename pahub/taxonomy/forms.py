"""The "other interests" question, asked the same way of PAs and employers."""

from typing import Any

from django import forms

from pahub.core.forms import FieldInputError, text
from pahub.taxonomy.vocabulary import (
    MAX_INTEREST_LENGTH,
    MAX_OTHER_INTERESTS,
    parse_other_interests,
)


def other_interests_field(*, example: str) -> Any:
    """Free interest tags, comma-separated; `example` suits who is asked."""
    return text(
        label="Other interests",
        what="Other interests",
        limit=MAX_OTHER_INTERESTS * (MAX_INTEREST_LENGTH + 2),
        help_text=(
            f"Optional. Put a comma between each one, for example: {example}. "
            f"Up to {MAX_OTHER_INTERESTS}, each {MAX_INTEREST_LENGTH} characters or fewer."
        ),
    )


def cleaned_other_interests(raw: str) -> list[str]:
    """The tags a person typed, or the rule they broke as the field's error."""
    try:
        return parse_other_interests(raw)
    except FieldInputError as error:
        raise forms.ValidationError(error.message) from None
