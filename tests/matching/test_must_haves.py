"""A job's must-haves in words: one function, three wordings for three audiences (no database)."""

import pytest

from pahub.matching.must_haves import MustHaves, Wording, must_haves_in_words
from pahub.register.models import Evidence
from pahub.taxonomy.dbs import DbsLevel

EVERYTHING = MustHaves(
    dbs_rank=3,
    requires_driver=True,
    languages=("Polish",),
    gender="woman",
    gender_reason="Help with showering.",
    skills=("Hoist use", "PEG feeding"),
)


def test_a_pa_reads_each_gap_as_what_the_job_needs():
    assert must_haves_in_words(EVERYTHING, wording=Wording.NEEDS) == [
        "Needs an enhanced DBS check",
        "Needs a driver with their own car",
        "Needs Polish",
        "Needs a woman, for intimate personal care",
        "Needs Hoist use",
        "Needs PEG feeding",
    ]


def test_the_public_advert_never_shows_the_employers_own_reason():
    lines = must_haves_in_words(EVERYTHING, wording=Wording.ADVERT)

    assert lines == [
        "An enhanced DBS check",
        "A driver with their own car",
        "Speaks or signs Polish",
        "A woman: the job includes intimate personal care",
        "Can do: Hoist use, PEG feeding",
    ]
    assert not any("showering" in line for line in lines)


def test_the_employers_checklist_gives_their_reason_for_a_gender_requirement():
    assert must_haves_in_words(EVERYTHING, wording=Wording.CHECKLIST) == [
        "A DBS check: enhanced or higher",
        "A driver with their own car",
        "Uses Polish",
        "A woman, because the job includes intimate personal care: Help with showering.",
        "Can already do: Hoist use, PEG feeding",
    ]


def test_a_cover_offer_reads_as_a_checklist_for_a_shift_without_the_reason():
    shift = MustHaves(dbs_rank=1, gender="man", skills=("Dressing and undressing",), work="shift")

    assert must_haves_in_words(shift, wording=Wording.CHECKLIST) == [
        "A DBS check: basic or higher",
        "A man, because the shift includes intimate personal care",
        "Can already do: Dressing and undressing",
    ]


@pytest.mark.parametrize("wording", list(Wording))
def test_no_must_haves_is_no_lines(wording):
    assert must_haves_in_words(MustHaves(), wording=wording) == []


@pytest.mark.parametrize("level", [level for level in DbsLevel if level])
def test_every_dbs_level_has_its_words_in_every_wording(level):
    rank = Evidence.DBS_RANKS[level]
    checklist = must_haves_in_words(MustHaves(dbs_rank=rank), wording=Wording.CHECKLIST)
    advert = must_haves_in_words(MustHaves(dbs_rank=rank), wording=Wording.ADVERT)
    needs = must_haves_in_words(MustHaves(dbs_rank=rank), wording=Wording.NEEDS)

    assert checklist == [f"A DBS check: {level.label.lower()} or higher"]
    assert needs == [f"Needs {advert[0][0].lower()}{advert[0][1:]}"]
    assert "DBS check" in advert[0]
