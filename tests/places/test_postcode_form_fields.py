"""The postcode and postcode-district form fields."""

import pytest
from django import forms

from pahub.places.forms import OutcodeField, PostcodeField


class HomeForm(forms.Form):
    postcode = PostcodeField(label="Postcode")
    district = OutcodeField(label="Postcode district", required=False)


def test_a_good_postcode_is_cleaned_to_its_standard_form():
    form = HomeForm({"postcode": "  ne14st ", "district": "dh1"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"postcode": "NE1 4ST", "district": "DH1"}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a postcode"),
        ("NE1", "Enter a full UK postcode, like NE1 4ST"),
        ("NE1 4CT", "Enter a full UK postcode, like NE1 4ST"),
        ("not a postcode at all, " * 5, "Enter a full UK postcode, like NE1 4ST"),
    ],
)
def test_a_bad_postcode_gets_the_plain_message(typed, message):
    form = HomeForm({"postcode": typed})
    assert not form.is_valid()
    assert form.errors["postcode"] == [message]


def test_a_bad_outcode_gets_the_plain_message():
    form = HomeForm({"postcode": "NE1 4ST", "district": "NE1 4ST"})
    assert form.errors["district"] == ["Enter a postcode district, like NE1 or DH1"]


def test_an_optional_outcode_left_empty_is_an_empty_string():
    form = HomeForm({"postcode": "NE1 4ST", "district": "  "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["district"] == ""


def test_a_required_outcode_left_empty_asks_for_a_district():
    assert OutcodeField().error_messages["required"] == "Enter a postcode district, like NE1 or DH1"


@pytest.mark.parametrize("field", [PostcodeField(), OutcodeField()])
def test_the_inputs_help_browsers_and_screen_readers(field):
    # Attributes, not rendered HTML, so the test does not depend on the site's form renderer.
    attrs = field.widget.build_attrs(field.widget.attrs, field.widget_attrs(field.widget))
    assert attrs["autocomplete"] == "postal-code"
    assert attrs["spellcheck"] == "false"
    assert attrs["class"] == "govuk-input govuk-input--width-10"
    assert "maxlength" not in attrs


def test_each_field_has_its_own_widget_attributes():
    first, second = PostcodeField(), PostcodeField()
    first.widget.attrs["class"] += " govuk-input--error"
    assert second.widget.attrs["class"] == "govuk-input govuk-input--width-10"
