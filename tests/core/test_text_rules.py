"""The one rule for text people type: no control characters or text-direction overrides,
names and titles on one line; forms and API inputs give the same message from it."""

import pytest
from django import forms

from pahub.core.forms import Form
from pahub.core.schemas import InputSchema
from pahub.core.text_rules import (
    BIDI_MESSAGE,
    CONTROL_MESSAGE,
    ONE_LINE_MESSAGE,
    text_problem,
)

BAD_ANYWHERE = [
    ("a\x00b", CONTROL_MESSAGE),
    ("bell\x07", CONTROL_MESSAGE),
    ("escape\x1b[31m", CONTROL_MESSAGE),
    ("delete\x7f", CONTROL_MESSAGE),
    ("c1\x9b", CONTROL_MESSAGE),
    ("evil\u202ecod.exe", BIDI_MESSAGE),
    ("\u202aembedded", BIDI_MESSAGE),
    ("isolate\u2066x\u2069", BIDI_MESSAGE),
    ("first strong\u2068", BIDI_MESSAGE),
]
LINE_BREAKS = ["Amira\r\nBcc: x@example.org", "two\nlines", "carriage\rreturn", "tab\there"]


@pytest.mark.parametrize(("text", "message"), BAD_ANYWHERE)
def test_control_and_direction_characters_are_refused_in_any_text(text, message):
    assert text_problem(text, one_line=True) == message
    assert text_problem(text, one_line=False) == message


@pytest.mark.parametrize("text", LINE_BREAKS)
def test_line_breaks_and_tabs_are_refused_on_one_line_but_kept_in_long_text(text):
    assert text_problem(text, one_line=True) == ONE_LINE_MESSAGE
    assert text_problem(text, one_line=False) is None


@pytest.mark.parametrize(
    "text", ["Siân O'Brien-Smith", "محمد علي", "Zoë 😀", "£13.50 — “quotes”", "日本語", ""]
)
def test_ordinary_text_in_any_script_is_kept(text):
    assert text_problem(text, one_line=True) is None


class NameAndNoteForm(Form):
    name = forms.CharField()
    note = forms.CharField(widget=forms.Textarea, required=False)
    colour = forms.ChoiceField(choices=[("red", "Red")], required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False)

    def clean_name(self) -> str:
        # A clean method that would query the database must never see a refused value.
        assert "\x00" not in self.cleaned_data["name"]
        return self.cleaned_data["name"]


def test_a_form_puts_one_message_beside_the_answer_and_keeps_other_answers():
    form = NameAndNoteForm({"name": "Amira\x00", "note": "line one\r\nline two\tend"})

    assert not form.is_valid()
    assert form.errors == {"name": [CONTROL_MESSAGE]}
    assert form.cleaned_data["note"] == "line one\r\nline two\tend"


def test_a_form_refuses_a_line_break_in_a_one_line_answer_and_a_bad_choice_value():
    form = NameAndNoteForm({"name": "Amira\nKhan", "note": "\u202e", "colour": "re\x00d"})

    assert not form.is_valid()
    assert form.errors == {
        "name": [ONE_LINE_MESSAGE],
        "note": [BIDI_MESSAGE],
        "colour": [CONTROL_MESSAGE],
    }


def test_passwords_are_not_judged_as_text():
    form = NameAndNoteForm({"name": "Amira", "password": "tab\tin\x01password"})

    assert form.is_valid(), form.errors


class NoteIn(InputSchema):
    multiline_fields = frozenset({"note"})

    name: str
    note: str = ""
    codes: list[str] = []


def api_errors(**payload) -> list[tuple[tuple, str]]:
    from pydantic import ValidationError

    try:
        NoteIn(**payload)
    except ValidationError as error:
        return [(item["loc"], item["msg"]) for item in error.errors()]
    return []


def test_an_api_input_refuses_the_same_text_with_the_same_message():
    assert api_errors(name="Amira\r\nKhan") == [(("name",), f"Value error, {ONE_LINE_MESSAGE}")]
    assert api_errors(name="ok", note="a\x00") == [(("note",), f"Value error, {CONTROL_MESSAGE}")]
    assert api_errors(name="ok", codes=["fine", "evil\u202e"]) == [
        (("codes",), f"Value error, {BIDI_MESSAGE}")
    ]
    assert api_errors(name="ok", note="line one\nline two") == []
