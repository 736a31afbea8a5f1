from pahub.library.documents.placeholders import blank_for, fill, placeholder_names


def test_known_values_are_filled_and_unknown_left_as_labelled_blanks():
    source = "Dear {{ pa_name }}, you will work {{hours_per_week}} hours for {{ employer_name }}."

    filled = fill(source, {"pa_name": "Sam", "hours_per_week": "16", "employer_name": ""})

    assert filled == "Dear Sam, you will work 16 hours for [employer name]."


def test_a_blank_template_has_every_field_as_a_blank():
    assert fill("{{ start_date }} at {{ place_of_work }}", {}) == "[start date] at [place of work]"


def test_placeholder_names_are_listed_once_in_order():
    assert placeholder_names("{{ b }} {{ a }} {{ b }}") == ["b", "a"]
    assert blank_for("pa_name") == "[pa name]"


def test_text_without_placeholders_is_unchanged():
    assert fill("No fields {here}.", {"here": "x"}) == "No fields {here}."
