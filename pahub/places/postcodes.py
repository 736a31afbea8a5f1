"""UK postcodes and postcode districts (outcodes): normalising and checking what people type.

Pure functions with no Django imports, so forms, the API, commands and property tests can all
use them cheaply.

The format check is the UK Government regex (Home Office "Bulk Data Transfer: additional
validation", 2015), wrapped as ``^(?:...)$`` so the anchors bind to every branch, plus the Royal
Mail rule that the letters of the inward code (the last three characters) never use C, I, K, M,
O or V. It is a *format* check: whether a district really exists is a database question (see
``pahub.places.queries``).

Girobank's ``GIR 0AA`` matches the Government regex but is deliberately rejected: it is a
non-geographic bank postcode, nobody lives or works as a PA there, it has no district in the
Code-Point Open data, and accepting it would break the rule that the district part of every
accepted postcode is itself an accepted district.
"""

import re

POSTCODE_EMPTY_MESSAGE = "Enter a postcode"
POSTCODE_FORMAT_MESSAGE = "Enter a full UK postcode, like NE1 4ST"
OUTCODE_MESSAGE = "Enter a postcode district, like NE1 or DH1"
POSTCODE_OR_OUTCODE_MESSAGE = "Enter a postcode, like NE1 4ST, or a postcode district, like NE1"

# The outcode alternation of the Government regex, upper case only because input is
# upper-cased before matching. Second letters never include I or Z.
_OUTCODE_PATTERN = (
    r"[A-Z][0-9]{1,2}"  # AN, ANN
    r"|[A-Z][A-HJ-Y][0-9]{1,2}"  # AAN, AANN
    r"|[A-Z][0-9][A-Z]"  # ANA
    r"|[A-Z][A-HJ-Y][0-9][A-Z]?"  # AAN, AANA
)
# The Government regex allows any letter in the inward code; Royal Mail never uses CIKMOV.
_INWARD_PATTERN = r"[0-9][ABD-HJLNP-UW-Z]{2}"
# Used with fullmatch, which anchors every branch like ``^(?:...)$`` would, and unlike ``$``
# does not accept a trailing newline.
_POSTCODE_RE = re.compile(rf"(?:{_OUTCODE_PATTERN}) {_INWARD_PATTERN}")
_OUTCODE_RE = re.compile(_OUTCODE_PATTERN)

_INWARD_LENGTH = 3


class InvalidPostcode(ValueError):
    """What someone typed is not a postcode; ``message`` is written for a form error."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _compact(raw: str) -> str:
    """What was typed with every space removed, upper-cased if it is plain ASCII.

    Non-ASCII text is left alone so that it fails the ASCII-only patterns, rather than being
    upper-cased into something valid (Python upper-cases the long s, U+017F, to "S").
    """
    compact = "".join(raw.split())
    return compact.upper() if compact.isascii() else compact


def normalise_postcode(raw: str) -> str:
    """Return a full postcode in its standard form, like ``NE1 4ST``, or raise InvalidPostcode.

    Spaces anywhere are ignored and case does not matter: ``ne1 4st``, ``  NE1   4ST `` and
    ``NE14ST`` all become ``NE1 4ST``. The inward code is always three characters, so the one
    space is put back before the last three.
    """
    compact = _compact(raw)
    if not compact:
        raise InvalidPostcode(POSTCODE_EMPTY_MESSAGE)
    postcode = f"{compact[:-_INWARD_LENGTH]} {compact[-_INWARD_LENGTH:]}"
    if not _POSTCODE_RE.fullmatch(postcode):
        raise InvalidPostcode(POSTCODE_FORMAT_MESSAGE)
    return postcode


def normalise_outcode(raw: str) -> str:
    """Return a postcode district (outcode) upper-cased, like ``NE1``, or raise InvalidPostcode."""
    outcode = _compact(raw)
    if not _OUTCODE_RE.fullmatch(outcode):
        raise InvalidPostcode(OUTCODE_MESSAGE)
    return outcode


def outcode_of(postcode: str) -> str:
    """The district part of a postcode: ``NE1 4ST`` gives ``NE1``.

    The postcode is normalised first, so a badly typed one raises InvalidPostcode instead of
    silently giving a wrong district.
    """
    return normalise_postcode(postcode)[: -(_INWARD_LENGTH + 1)]


def normalise_postcode_or_outcode(raw: str) -> tuple[str | None, str]:
    """Accept a full postcode or just a district; return ``(postcode or None, outcode)``.

    There is no ambiguity: without spaces an outcode has 2 to 4 characters and a full postcode
    5 to 7. ``"ne1 4st"`` gives ``("NE1 4ST", "NE1")`` and ``"ne1"`` gives ``(None, "NE1")``.
    """
    compact = _compact(raw)
    if not compact:
        raise InvalidPostcode(POSTCODE_EMPTY_MESSAGE)
    try:
        outcode = normalise_outcode(compact)
    except InvalidPostcode:
        pass
    else:
        return None, outcode
    try:
        postcode = normalise_postcode(compact)
    except InvalidPostcode:
        raise InvalidPostcode(POSTCODE_OR_OUTCODE_MESSAGE) from None
    return postcode, outcode_of(postcode)
