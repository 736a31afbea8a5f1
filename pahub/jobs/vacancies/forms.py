"""The public job search form: GET filters that work without JavaScript.

The same form checks the query of the vacancy page, the public API and saved job searches,
so each gives the same message for the same mistake.
"""

from decimal import Decimal
from typing import Any

from django import forms
from django.http import QueryDict

from pahub.core.forms import Form
from pahub.core.hours_and_pay import AmountError, read_amount
from pahub.jobs.models import Job
from pahub.jobs.vacancies.search import DEFAULT_MILES, MAX_MILES, JobFilters
from pahub.places.models import District
from pahub.places.postcodes import InvalidPostcode, normalise_postcode_or_outcode
from pahub.places.queries import UnknownDistrict, district_by_outcode
from pahub.taxonomy.snapshot import taxonomy

MAX_HOURS = Decimal("168")
MAX_PAY = Decimal("999.99")
NUMBER_ATTRS = {"inputmode": "decimal", "spellcheck": "false", "autocomplete": "off"}
# Keys of a search's query that are not filters: which page, and form plumbing.
NOT_FILTERS = frozenset({"page", "csrfmiddlewaretoken"})


def task_choices() -> list[tuple[str, str]]:
    return taxonomy().active_skill_choices()


def tasks_by_category() -> list[tuple[str, list[tuple[str, str]]]]:
    """Active tasks grouped by taxonomy category, in taxonomy order, for the checkboxes."""
    return taxonomy().active_skills_by_category()


class AmountField(forms.CharField):
    """Hours or pounds as people type them, with plain messages instead of Django's."""

    def __init__(self, *, message: str, places: int, maximum: Decimal, what: str, **kwargs):
        self.message, self.places, self.maximum, self.what = message, places, maximum, what
        kwargs.setdefault("widget", forms.TextInput(attrs=dict(NUMBER_ATTRS)))
        super().__init__(required=False, **kwargs)

    def clean(self, value: Any) -> Decimal | None:
        value = super().clean(value)
        if not value:
            return None
        try:
            return read_amount(value, places=self.places, minimum=Decimal(0), maximum=self.maximum)
        except AmountError as error:
            if error.reason in ("too_small", "too_big"):
                raise forms.ValidationError(
                    f"{self.what} must be between 0 and {self.maximum.normalize():f}"
                ) from None
            raise forms.ValidationError(self.message) from None


class JobSearchForm(Form):
    where = forms.CharField(
        label="Postcode or postcode district",
        required=False,
        help_text="For example, NE6 5QA or NE6. Only the district is used.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "postal-code",
                "spellcheck": "false",
                "class": "govuk-input govuk-input--width-10",
            }
        ),
    )
    miles = forms.CharField(
        label="Distance in miles",
        required=False,
        help_text=f"How far you will travel, up to {MAX_MILES}. We use {DEFAULT_MILES} if empty.",
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "spellcheck": "false",
                "autocomplete": "off",
                "class": "govuk-input govuk-input--width-3",
            }
        ),
    )
    min_hours = AmountField(
        label="Fewest hours a week",
        message="Enter hours as a number, like 10 or 7.5",
        places=1,
        maximum=MAX_HOURS,
        what="Hours",
    )
    max_hours = AmountField(
        label="Most hours a week",
        message="Enter hours as a number, like 20 or 7.5",
        places=1,
        maximum=MAX_HOURS,
        what="Hours",
    )
    min_pay = AmountField(
        label="Lowest hourly pay, in pounds",
        help_text="For example, 12.71",
        message="Enter pay in pounds and pence, like 12.71",
        places=2,
        maximum=MAX_PAY,
        what="Pay",
    )
    tasks = forms.MultipleChoiceField(
        label="Tasks",
        required=False,
        help_text="Jobs that include at least one of the tasks you tick",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        error_messages={"invalid_choice": "Choose tasks from the list"},
    )
    kind = forms.ChoiceField(
        label="Kind of work",
        required=False,
        choices=[("", "Any"), *Job.Kind.choices],
        widget=forms.RadioSelect(attrs={"small": True}),
        error_messages={"invalid_choice": "Choose regular work, cover or any"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # One query gives both the choices and their groups for the page.
        self.task_groups = tasks_by_category()
        self.fields["tasks"].choices = [
            choice for _, choices in self.task_groups for choice in choices
        ]
        self.origin: District | None = None
        for name in ("min_hours", "max_hours", "min_pay"):
            self.fields[name].widget.attrs["class"] = "govuk-input govuk-input--width-5"

    def clean_where(self) -> str:
        raw = self.cleaned_data["where"]
        if not raw.strip():
            return ""
        try:
            _, outcode = normalise_postcode_or_outcode(raw)
            district = district_by_outcode(outcode)
        except (InvalidPostcode, UnknownDistrict) as error:
            raise forms.ValidationError(error.message) from None
        if district.latitude is None:
            raise forms.ValidationError(
                f"{outcode} is a postcode district for PO boxes, so it has no place to measure "
                "from. Enter the postcode where you live or want to work."
            )
        self.origin = district
        return district.outcode

    def clean_miles(self) -> int | None:
        raw = self.cleaned_data["miles"].strip()
        if not raw:
            return None
        if not raw.isdigit():
            raise forms.ValidationError("Enter the distance as a whole number of miles, like 10")
        miles = int(raw)
        if not 1 <= miles <= MAX_MILES:
            raise forms.ValidationError(f"Distance must be between 1 and {MAX_MILES} miles")
        return miles

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("miles") and not data.get("where") and "where" not in self.errors:
            self.add_error("where", "Enter a postcode or district to search within a distance")
        low, high = data.get("min_hours"), data.get("max_hours")
        if low is not None and high is not None and high < low:
            self.add_error(
                "max_hours", "Most hours a week must be the same as or more than the fewest hours"
            )
        return data

    def to_filters(self) -> JobFilters:
        data = self.cleaned_data
        return JobFilters(
            outcode=data["where"],
            miles=data["miles"] if data["where"] else None,
            min_hours=data["min_hours"],
            max_hours=data["max_hours"],
            min_pay=data["min_pay"],
            task_codes=tuple(sorted(data["tasks"])),
            kind=data["kind"],
        )

    def tasks_by_category(self) -> list[tuple[str, list[tuple[str, str, bool]]]]:
        """The task checkboxes in groups, each with whether it is ticked (typed values kept)."""
        ticked = set(self["tasks"].value() or [])
        return [
            (category, [(code, name, code in ticked) for code, name in tasks])
            for category, tasks in self.task_groups
        ]

    @property
    def has_filters(self) -> bool:
        return self.is_bound and any(
            value for key, value in self.data.lists() if key not in NOT_FILTERS and any(value)
        )


def query_to_querydict(query: dict[str, list[str]]) -> QueryDict:
    """A stored search query (as `querydict_to_query` made it) back as a QueryDict."""
    data = QueryDict(mutable=True)
    for key, values in query.items():
        data.setlist(key, [str(value) for value in values])
    return data


def querydict_to_query(data: QueryDict) -> dict[str, list[str]]:
    """The filters of a search's GET query, kept as lists, without the page number."""
    return {
        key: [value for value in values if value]
        for key, values in data.lists()
        if key not in NOT_FILTERS and any(values)
    }


def job_filters_from_query(data: QueryDict) -> tuple[JobFilters | None, dict[str, list[str]]]:
    """Filters from a query string, or None and the messages saying what is wrong."""
    form = JobSearchForm(data)
    if not form.is_valid():
        return None, {field: list(errors) for field, errors in form.errors.items()}
    return form.to_filters(), {}
