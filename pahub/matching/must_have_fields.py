"""Form fields for the must-haves that a job and a cover shift both ask about, written once.

The questions are the same for a regular job and a one-off shift; only the noun changes ("Does
the job need a woman or a man?" / "Does the shift …"). Whether a requirement is lawful is the
services' rule (jobs' and cover's `check_gender`), not the fields'.
"""

from typing import Any

from django import forms

from pahub.core.forms import long_text

GENDER_CHOICES = [("", "No"), ("woman", "Yes, a woman"), ("man", "Yes, a man")]


def gender_requirement_fields(noun: str, *, reason_rows: int) -> tuple[Any, Any, Any]:
    """(required_gender, includes_intimate_care, gender_reason) for a form about a `noun`:
    unpack them into the form's class body."""
    required_gender = forms.ChoiceField(
        choices=GENDER_CHOICES,
        required=False,
        label=f"Does the {noun} need a woman or a man?",
        widget=forms.RadioSelect,
    )
    includes_intimate_care = forms.BooleanField(
        required=False,
        label=f"The {noun} includes intimate personal care, such as washing, dressing or using "
        "the toilet",
    )
    gender_reason = long_text(
        label=f"Why does the {noun} need a woman or a man?",
        what="The reason",
        limit=1000,
        rows=reason_rows,
        help_text="In your own words. Only needed if you chose a woman or a man.",
    )
    return required_gender, includes_intimate_care, gender_reason
