"""What may be in text people type: the one rule every form and API input uses.

- No control characters. A NUL byte cannot be stored by PostgreSQL at all (it fails the
  insert, or even a search, with a server error), and the others are invisible tricks.
  Long text (a message, a description) may hold line breaks and tabs; browsers send a
  textarea's line breaks as CR LF, so CR is a line break too.
- One-line text (a name, a job title, a search) holds no line break or tab at all: names
  and titles go into email subjects and headers, where a line break makes the email fail.
- No bidirectional overrides or isolates (U+202A to U+202E, U+2066 to U+2069): they make
  text display in a different order from what it says, a known way to disguise a name, a
  link or a file name in a message ("Trojan Source").

Pure functions over strings, so forms (`core.forms.TextRulesMixin`) and API schemas
(`core.schemas.InputSchema`) give the same message for the same text.
"""

import re

LINE_BREAKS_AND_TABS = "\n\r\t"
# C0 and C1 control characters and DEL. Line breaks and tabs are judged separately.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_BREAK_OR_TAB = re.compile(r"[\n\r\t\v\f\x85\u2028\u2029]")
BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

CONTROL_MESSAGE = (
    "Remove the hidden control characters from this text; they can come from pasting, "
    "so try typing it instead"
)
ONE_LINE_MESSAGE = "Enter this on one line, without line breaks or tabs"
BIDI_MESSAGE = (
    "Remove the hidden characters that change the direction of the text; they can make text "
    "show differently from what it says"
)


def text_problem(value: str, *, one_line: bool) -> str | None:
    """The message for what is wrong with `value`, or None when it may be saved."""
    if one_line and LINE_BREAK_OR_TAB.search(value):
        return ONE_LINE_MESSAGE
    if CONTROL.search(value):
        return CONTROL_MESSAGE
    if BIDI_CONTROL.search(value):
        return BIDI_MESSAGE
    return None


def check_text(value: str, *, one_line: bool) -> str:
    """`value` unchanged, or ValueError with the message to show."""
    problem = text_problem(value, one_line=one_line)
    if problem:
        raise ValueError(problem)
    return value
