"""Normalising what people type as a postcode or postcode district (pure, no database)."""

import csv

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pahub.places.dataset import DISTRICTS_CSV
from pahub.places.postcodes import (
    InvalidPostcode,
    normalise_outcode,
    normalise_postcode,
    normalise_postcode_or_outcode,
    outcode_of,
)

# Royal Mail's letter rules by position, stricter than the format check, so every postcode
# built from them must be accepted.
FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ"  # never Q, V, X
SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"  # never I, J, Z
THIRD = "ABCDEFGHJKPSTUW"  # the letter in ANA
FOURTH = "ABEHMNPRVWXY"  # the letter in AANA
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # never C, I, K, M, O, V
DIGIT = "0123456789"


def _chars(alphabet: str) -> st.SearchStrategy[str]:
    return st.sampled_from(alphabet)


outcodes = st.one_of(
    st.tuples(_chars(FIRST), _chars(DIGIT)),  # AN
    st.tuples(_chars(FIRST), _chars(DIGIT), _chars(DIGIT)),  # ANN
    st.tuples(_chars(FIRST), _chars(SECOND), _chars(DIGIT)),  # AAN
    st.tuples(_chars(FIRST), _chars(SECOND), _chars(DIGIT), _chars(DIGIT)),  # AANN
    st.tuples(_chars(FIRST), _chars(DIGIT), _chars(THIRD)),  # ANA
    st.tuples(_chars(FIRST), _chars(SECOND), _chars(DIGIT), _chars(FOURTH)),  # AANA
).map("".join)
inward_codes = st.tuples(_chars(DIGIT), _chars(INWARD_LETTERS), _chars(INWARD_LETTERS)).map("".join)
postcodes = st.builds(lambda outward, inward: f"{outward} {inward}", outcodes, inward_codes)
spacing = st.text(alphabet=" \t\n\u00a0", max_size=3)


@st.composite
def typed_variants(draw: st.DrawFn, canonical: str) -> str:
    """``canonical`` as someone might type it: any case, spaces anywhere or nowhere."""
    typed = draw(spacing)
    for character in canonical.replace(" ", ""):
        typed += draw(st.sampled_from([character.lower(), character.upper()])) + draw(spacing)
    return typed


def _outcodes_in_data() -> list[str]:
    with DISTRICTS_CSV.open(encoding="utf-8", newline="") as districts_file:
        return [row["outcode"] for row in csv.DictReader(districts_file)]


@given(st.data(), postcodes)
def test_any_valid_postcode_normalises_to_itself_however_it_is_typed(data, postcode):
    typed = data.draw(typed_variants(postcode))
    assert normalise_postcode(typed) == postcode


@given(st.data(), outcodes)
def test_any_valid_outcode_normalises_to_itself_however_it_is_typed(data, outcode):
    typed = data.draw(typed_variants(outcode))
    assert normalise_outcode(typed) == outcode


@given(st.data(), postcodes)
def test_normalising_a_postcode_twice_changes_nothing_more(data, postcode):
    once = normalise_postcode(data.draw(typed_variants(postcode)))
    assert normalise_postcode(once) == once


@given(postcodes)
def test_the_district_of_a_postcode_is_a_valid_district_and_its_prefix(postcode):
    normalised = normalise_postcode(postcode)
    outcode = outcode_of(normalised)
    assert normalised.startswith(outcode + " ")
    assert normalise_outcode(outcode) == outcode


@given(postcodes)
def test_postcode_or_outcode_accepts_a_full_postcode(postcode):
    assert normalise_postcode_or_outcode(postcode.lower()) == (postcode, outcode_of(postcode))


@given(outcodes)
def test_postcode_or_outcode_accepts_just_a_district(outcode):
    assert normalise_postcode_or_outcode(outcode.lower()) == (None, outcode)


@given(st.text())
@example("GIR 0AA")
@example("ne1 4\u017ft")  # the long s upper-cases to S
@example("NE1 4ST\n")
@example("\u0000")
def test_garbage_never_raises_anything_but_invalid_postcode(garbage):
    for normalise in (normalise_postcode, normalise_outcode, normalise_postcode_or_outcode):
        try:
            normalise(garbage)
        except InvalidPostcode as error:
            assert error.message


@given(st.text())
def test_whatever_is_accepted_is_plain_upper_case_ascii(garbage):
    try:
        postcode = normalise_postcode(garbage)
    except InvalidPostcode:
        return
    assert postcode.isascii()
    assert postcode == postcode.upper()
    assert postcode.count(" ") == 1


def test_every_district_in_the_data_is_a_valid_outcode():
    outcodes_in_data = _outcodes_in_data()
    assert len(outcodes_in_data) == 2873
    for outcode in outcodes_in_data:
        assert normalise_outcode(outcode) == outcode
        assert normalise_outcode(outcode.lower()) == outcode


@pytest.mark.parametrize(
    ("typed", "postcode"),
    [
        ("ne1 4st", "NE1 4ST"),
        ("  NE1   4ST ", "NE1 4ST"),
        ("NE14ST", "NE1 4ST"),
        ("n e 1 4 s t", "NE1 4ST"),
        ("dh1\t3le", "DH1 3LE"),
        ("sw1a1aa", "SW1A 1AA"),
        ("ec1a 1bb", "EC1A 1BB"),
        ("w1a 0ax", "W1A 0AX"),
        ("m1 1ae", "M1 1AE"),
        ("b33 8th", "B33 8TH"),
        ("dn55 1pt", "DN55 1PT"),
    ],
)
def test_postcodes_are_normalised_to_the_standard_form(typed, postcode):
    assert normalise_postcode(typed) == postcode


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a postcode"),
        ("   ", "Enter a postcode"),
        ("NE1", "Enter a full UK postcode, like NE1 4ST"),
        ("12345", "Enter a full UK postcode, like NE1 4ST"),
        ("NE1 4CT", "Enter a full UK postcode, like NE1 4ST"),
        ("NE1 4SI", "Enter a full UK postcode, like NE1 4ST"),
        ("NE1 4STX", "Enter a full UK postcode, like NE1 4ST"),
        ("NEI 4ST", "Enter a full UK postcode, like NE1 4ST"),
        ("GIR 0AA", "Enter a full UK postcode, like NE1 4ST"),
        ("ＮＥ1 4ST", "Enter a full UK postcode, like NE1 4ST"),
    ],
)
def test_bad_postcodes_are_refused_with_a_plain_message(typed, message):
    with pytest.raises(InvalidPostcode) as refused:
        normalise_postcode(typed)
    assert refused.value.message == message
    assert str(refused.value) == message


@pytest.mark.parametrize(("typed", "outcode"), [("ne1", "NE1"), (" dh1 ", "DH1"), ("sw1a", "SW1A")])
def test_outcodes_are_upper_cased_and_trimmed(typed, outcode):
    assert normalise_outcode(typed) == outcode


@pytest.mark.parametrize("typed", ["", "NE", "1NE", "NE123", "NE1 4ST", "N!1"])
def test_bad_outcodes_are_refused_with_a_plain_message(typed):
    with pytest.raises(InvalidPostcode) as refused:
        normalise_outcode(typed)
    assert refused.value.message == "Enter a postcode district, like NE1 or DH1"


def test_outcode_of_gives_the_district_part():
    assert outcode_of("NE1 4ST") == "NE1"
    assert outcode_of("sw1a1aa") == "SW1A"


def test_outcode_of_refuses_something_that_is_not_a_postcode():
    with pytest.raises(InvalidPostcode):
        outcode_of("NE1")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a postcode"),
        ("NE1 4C", "Enter a postcode, like NE1 4ST, or a postcode district, like NE1"),
        ("hello", "Enter a postcode, like NE1 4ST, or a postcode district, like NE1"),
    ],
)
def test_postcode_or_outcode_refuses_neither_with_a_plain_message(typed, message):
    with pytest.raises(InvalidPostcode) as refused:
        normalise_postcode_or_outcode(typed)
    assert refused.value.message == message
