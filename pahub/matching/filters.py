"""Talent search filters: what an employer asks for when looking through the PA register.

`TalentFilters` is the plain value the engine runs (`engine.search_talent`), built from a
query string by `TalentFilters.from_query` (the search page's GET form, the API, a saved
search) and turned back into one by `to_query`, so a saved search reruns exactly.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms

from pahub.core.forms import Form
from pahub.places.forms import OutcodeField
from pahub.places.postcodes import OUTCODE_MESSAGE
from pahub.places.queries import UnknownDistrict, district_by_outcode
from pahub.register.availability import ALL_SLOTS, PARTS, SLOT_BY_KEY
from pahub.register.levels import LEVEL_NAMES
from pahub.register.profile.forms import GridRow, weekly_grid_rows
from pahub.taxonomy.snapshot import taxonomy

DEFAULT_MILES = 10
MAX_MILES = 100
MILES_MESSAGE = f"Enter a distance between 1 and {MAX_MILES} miles"
LEVEL_CHOICES = [("0", "Any level")] + [
    (str(level), f"{name} or above") for level, name in LEVEL_NAMES.items() if level
]


@dataclass(frozen=True)
class TalentFilters:
    """A talent search. Every PA found lives within `miles` of `outcode` and will travel to
    it, and meets every filter given; free at one or more of `availability_keys` when any."""

    outcode: str = ""
    miles: int = DEFAULT_MILES
    skill_codes: tuple[str, ...] = ()
    language_codes: tuple[str, ...] = ()
    availability_keys: tuple[str, ...] = ()
    min_level: int = 0
    driver: bool = False
    # The district's centroid, when the form that checked the district has it, so the search
    # need not look the district up again. Not part of the search's value or its query.
    centre: tuple[float, float] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_query(cls, query: Mapping[str, Any]) -> tuple["TalentFilters", dict[str, str]]:
        """Filters from a query string (or a saved search's query); and the errors, by field,
        in the words the search page shows. With errors, the filters are the defaults."""
        form = TalentSearchForm(as_form_data(query))
        if not form.is_valid():
            return cls(), {name: errors[0] for name, errors in form.errors.items()}
        return form.filters(), {}

    def to_query(self) -> dict[str, Any]:
        """The query that gives these filters back: lists for the fields that repeat."""
        query: dict[str, Any] = {"outcode": self.outcode, "miles": str(self.miles)}
        if self.skill_codes:
            query["skills"] = list(self.skill_codes)
        if self.language_codes:
            query["languages"] = list(self.language_codes)
        if self.availability_keys:
            query["availability"] = list(self.availability_keys)
        if self.min_level:
            query["min_level"] = str(self.min_level)
        if self.driver:
            query["driver"] = "yes"
        return query


def as_form_data(query: Mapping[str, Any]) -> dict[str, Any]:
    """A QueryDict or a plain dict (as JSON keeps a saved search) as form data."""
    data: dict[str, Any] = {}
    for name in TalentSearchForm.base_fields:
        if hasattr(query, "getlist"):
            values = query.getlist(name)
        else:
            value = query.get(name)
            values = value if isinstance(value, list | tuple) else [] if value is None else [value]
        values = [str(value) for value in values]
        if name in TalentSearchForm.REPEATING:
            data[name] = [part for value in values for part in value.split(",") if part]
        elif values:
            data[name] = values[-1]
    return data


def skill_choices() -> list[tuple[str, str]]:
    return taxonomy().active_skill_choices()


def language_choices() -> list[tuple[str, str]]:
    return taxonomy().language_choices()


class TalentSearchForm(Form):
    """The search page's GET form. Works without JavaScript: every filter is a plain field."""

    REPEATING = frozenset({"skills", "languages", "availability"})

    outcode = OutcodeField(
        label="Postcode district",
        help_text="Where the work would be, like NE1 or DH1",
        error_messages={"required": OUTCODE_MESSAGE},
    )
    miles = forms.IntegerField(
        label="Distance, in miles",
        help_text="PAs who live within this distance and will travel to the district",
        min_value=1,
        max_value=MAX_MILES,
        required=False,
        error_messages={
            "invalid": "Enter the distance as a whole number of miles, like 10",
            "min_value": MILES_MESSAGE,
            "max_value": MILES_MESSAGE,
        },
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-3"}
        ),
    )
    skills = forms.MultipleChoiceField(
        label="Skills they must have",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose skills from the list"},
    )
    languages = forms.MultipleChoiceField(
        label="Languages they must use",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose languages from the list"},
    )
    availability = forms.MultipleChoiceField(
        label="When you need help",
        help_text="PAs free at more of these times come first",
        choices=[(slot.key, slot.label) for slot in ALL_SLOTS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose times from the weekly grid"},
    )
    min_level = forms.TypedChoiceField(
        label="Level",
        choices=LEVEL_CHOICES,
        coerce=int,
        required=False,
        empty_value=0,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a level from the list"},
    )
    driver = forms.BooleanField(
        label="Drives and has their own car",
        required=False,
    )

    parts = [{"name": name, "hours": hours} for _, name, hours in PARTS]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound and not self.data.get("miles"):
            # No distance means the default one: the box shows the distance the results use.
            self.data = self.data.copy()
            self.data["miles"] = str(DEFAULT_MILES)
        self.centre: tuple[float, float] | None = None
        self.fields["skills"].choices = skill_choices()
        self.fields["languages"].choices = language_choices()

    def clean_outcode(self) -> str:
        outcode = self.cleaned_data["outcode"]
        try:
            district = district_by_outcode(outcode)
        except UnknownDistrict as error:
            raise forms.ValidationError(error.message) from error
        if not district.has_centroid:
            raise forms.ValidationError(
                f"{outcode} is a PO box district with no location; enter the district "
                "where the work would be"
            )
        self.centre = (district.latitude, district.longitude)
        return outcode

    def clean_driver(self) -> bool:
        value = self.data.get("driver")
        return value not in (None, "", "no", "false", "0", False)

    def filters(self) -> TalentFilters:
        data = self.cleaned_data
        return TalentFilters(
            outcode=data["outcode"],
            miles=data["miles"] or DEFAULT_MILES,
            skill_codes=tuple(sorted(set(data["skills"]))),
            language_codes=tuple(sorted(set(data["languages"]))),
            availability_keys=tuple(key for key in SLOT_BY_KEY if key in set(data["availability"])),
            min_level=data["min_level"] or 0,
            driver=data["driver"],
            centre=self.centre,
        )

    def grid(self) -> list[GridRow]:
        """The week as a table of checkboxes, like the profile builder's availability page."""
        return weekly_grid_rows(self["availability"])
