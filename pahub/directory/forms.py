"""The directory search (GET, works without JavaScript), the forms organisations fill in for
their entry and services, and hub staff's base standard form."""

from typing import Any

from django import forms
from django.core.validators import EmailValidator, URLValidator

from pahub.core.forms import Form, GovukDateField, YesNoField, long_text, text
from pahub.cover.employer_forms import ClockError, parse_clock
from pahub.directory.models import Need, OpeningHours, Service
from pahub.directory.queries import DEFAULT_MILES, MAX_MILES, DirectoryFilters, area_choices
from pahub.directory.services import EntryInput, LocationInput, ServiceInput
from pahub.places.models import District
from pahub.places.postcodes import (
    InvalidPostcode,
    normalise_postcode,
    normalise_postcode_or_outcode,
)
from pahub.places.queries import UnknownDistrict, district_by_outcode

NOT_FILTERS = frozenset({"page"})
SHORT = {"class": "govuk-input govuk-input--width-10", "spellcheck": "false"}


def district_from(typed: str) -> District:
    """The district of a postcode or postcode district, or a form error in plain words."""
    try:
        _, outcode = normalise_postcode_or_outcode(typed)
        district = district_by_outcode(outcode)
    except (InvalidPostcode, UnknownDistrict) as error:
        raise forms.ValidationError(error.message) from None
    if district.latitude is None:
        raise forms.ValidationError(
            f"{outcode} is a postcode district for PO boxes, so it has no place to measure "
            "from. Enter a postcode where people live or work."
        )
    return district


class DirectorySearchForm(Form):
    need = forms.ChoiceField(
        label="What do you need help with?",
        required=False,
        choices=[("", "Anything"), *Need.choices],
        error_messages={"invalid_choice": "Choose a need from the list"},
    )
    where = forms.CharField(
        label="Near a postcode or postcode district",
        required=False,
        help_text="For example, NE6 5QA or NE6. Only the district is used.",
        widget=forms.TextInput(attrs={**SHORT, "autocomplete": "postal-code"}),
    )
    miles = forms.CharField(
        label="Distance in miles",
        required=False,
        help_text=f"Up to {MAX_MILES}. We use {DEFAULT_MILES} if empty.",
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-3"}
        ),
    )
    area = forms.ChoiceField(
        label="Council area served",
        required=False,
        error_messages={"invalid_choice": "Choose a council area from the list"},
    )
    kind = forms.ChoiceField(
        label="Kind of organisation",
        required=False,
        choices=[("", "Any kind"), *Service.Kind.choices],
        error_messages={"invalid_choice": "Choose a kind of organisation from the list"},
    )
    text = text(label="Words to look for", what="Words to look for", limit=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [
            ("", "Any area"),
            *area_choices().values_list("gss_code", "name"),
        ]
        self.origin: District | None = None

    def clean_where(self) -> str:
        typed = self.cleaned_data["where"].strip()
        if not typed:
            return ""
        self.origin = district_from(typed)
        return self.origin.outcode

    def clean_miles(self) -> int:
        raw = self.cleaned_data["miles"].strip()
        if not raw:
            return DEFAULT_MILES
        if not raw.isdigit():
            raise forms.ValidationError("Enter the distance as a whole number of miles, like 10")
        miles = int(raw)
        if not 1 <= miles <= MAX_MILES:
            raise forms.ValidationError(f"Distance must be between 1 and {MAX_MILES} miles")
        return miles

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        typed_miles = (self.data.get("miles") or "").strip()
        if typed_miles and not data.get("where") and "where" not in self.errors:
            self.add_error("where", "Enter a postcode or district to search within a distance")
        return data

    def to_filters(self) -> DirectoryFilters:
        if not self.is_bound:
            return DirectoryFilters()
        data = self.cleaned_data
        return DirectoryFilters(
            need=data["need"],
            kind=data["kind"],
            area=data["area"],
            origin=self.origin,
            miles=data["miles"],
            text=data["text"].strip(),
        )

    @property
    def has_filters(self) -> bool:
        return self.is_bound and any(
            any(values) for key, values in self.data.lists() if key not in NOT_FILTERS
        )


def email_field(label: str) -> Any:
    return forms.CharField(
        label=label,
        required=False,
        validators=[
            EmailValidator("Enter an email address in the correct format, like name@example.org")
        ],
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def website_field(label: str) -> Any:
    return forms.CharField(
        label=label,
        required=False,
        help_text="The full address, starting https://",
        validators=[
            URLValidator(
                schemes=["https", "http"],
                message="Enter a website address starting https://, like https://example.org",
            )
        ],
        widget=forms.URLInput(attrs={"spellcheck": "false"}),
    )


def phone_field(label: str) -> Any:
    return forms.RegexField(
        label=label,
        required=False,
        regex=r"^\+?[0-9 ()-]{7,25}$",
        error_messages={"invalid": "Enter a phone number, like 0191 498 0123"},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "class": "govuk-input govuk-input--width-20"}
        ),
    )


class EntryForm(Form):
    name = text(label="Organisation name", what="The name", limit=200, required=True)
    description = long_text(
        label="What your organisation does",
        what="The description",
        limit=3000,
        required=True,
        help_text="A few sentences in plain English: who you help and how.",
    )
    website = website_field("Website")
    email = email_field("Email address for the public")
    phone = phone_field("Phone number for the public")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter your organisation's name"
        self.fields["description"].error_messages["required"] = "Say what your organisation does"

    def to_input(self) -> EntryInput:
        data = self.cleaned_data
        return EntryInput(**{name: data[name].strip() for name in EntryInput.__dataclass_fields__})


DAYS = list(OpeningHours.Day.choices)


class ServiceForm(Form):
    name = text(label="Name of the service", what="The name", limit=200, required=True)
    kind = forms.ChoiceField(
        label="Kind of organisation offering it",
        choices=[("", "Choose a kind"), *Service.Kind.choices],
        error_messages={
            "required": "Choose the kind of organisation",
            "invalid_choice": "Choose the kind of organisation",
        },
    )
    description = long_text(
        label="What the service does", what="The description", limit=3000, required=True
    )
    needs = forms.MultipleChoiceField(
        label="Needs it meets",
        choices=Need.choices,
        help_text="Tick every need people can come to you with.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        error_messages={
            "required": "Tick at least one need the service meets",
            "invalid_choice": "Choose needs from the list",
        },
    )
    areas = forms.MultipleChoiceField(
        label="Council areas it serves",
        required=False,
        help_text="Leave empty if the service is for anyone, wherever they live.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        error_messages={"invalid_choice": "Choose council areas from the list"},
    )
    phone = phone_field("Phone number")
    email = email_field("Email address")
    website = website_field("Website")
    contact_name = text(label="Contact name (optional)", what="The contact name", limit=100)
    contact_title = text(label="Contact's job title (optional)", what="The job title", limit=100)
    location_name = text(label="Name of the place (optional)", what="The name", limit=200)
    address = text(
        label="Street address (optional)",
        what="The address",
        limit=300,
        help_text="Your organisation's public address. Never a person's home address.",
    )
    town = text(label="Town or city (optional)", what="The town", limit=100)
    postcode = forms.CharField(
        label="Postcode or postcode district",
        required=False,
        help_text="Where people can come to you. Leave empty for a service by phone or online.",
        widget=forms.TextInput(attrs=SHORT),
    )
    accessibility = long_text(
        label="Accessibility",
        what="Accessibility",
        limit=2000,
        rows=3,
        help_text="For example, step-free access, hearing loop, accessible toilet, BSL interpreters on request.",
    )
    languages = text(
        label="Languages spoken",
        what="The languages",
        limit=300,
        help_text="Separate them with commas, for example: English, Polish, British Sign Language",
    )
    cost = forms.ChoiceField(
        label="Cost",
        choices=Service.Cost.choices,
        widget=forms.RadioSelect(attrs={"small": True}),
        error_messages={
            "required": "Say whether the service is free",
            "invalid_choice": "Say whether the service is free",
        },
    )
    cost_description = text(
        label="About the cost (optional)",
        what="The cost description",
        limit=500,
        help_text="For example, £12 a month, or free if you get a direct payment.",
    )
    eligibility = long_text(
        label="Who can use it (optional)",
        what="Who can use it",
        limit=2000,
        rows=3,
        help_text="For example, adults who employ a PA with a direct payment from Gateshead Council.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter the name of the service"
        self.fields["description"].error_messages["required"] = "Say what the service does"
        self.fields["areas"].choices = list(area_choices().values_list("gss_code", "name"))
        for day, label in DAYS:
            self.fields[f"opens_{day}"] = forms.CharField(
                label=f"{label} opens",
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}),
            )
            self.fields[f"closes_{day}"] = forms.CharField(
                label=f"{label} closes",
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}),
            )
        self.district: District | None = None
        self.hours: list = []

    @property
    def days(self) -> list[tuple[str, Any, Any]]:
        return [(label, self[f"opens_{day}"], self[f"closes_{day}"]) for day, label in DAYS]

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"].strip()
        if not typed:
            return ""
        self.district = district_from(typed)
        try:
            return normalise_postcode(typed)
        except InvalidPostcode:
            return ""  # a district alone: no full postcode to show

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for day, label in DAYS:
            opens_name, closes_name = f"opens_{day}", f"closes_{day}"
            opens_typed = (data.get(opens_name) or "").strip()
            closes_typed = (data.get(closes_name) or "").strip()
            if not opens_typed and not closes_typed:
                continue
            times = {}
            for name, typed, what in (
                (opens_name, opens_typed, "opens"),
                (closes_name, closes_typed, "closes"),
            ):
                if not typed:
                    self.add_error(
                        name, f"Enter when it {what} on {label}, or leave both times empty"
                    )
                    continue
                try:
                    times[what] = parse_clock(typed)
                except ClockError as error:
                    self.add_error(name, str(error))
            if len(times) == 2:
                if times["closes"] <= times["opens"]:
                    self.add_error(
                        closes_name, f"The closing time on {label} must be after it opens"
                    )
                else:
                    self.hours.append((day, times["opens"], times["closes"]))
        if (
            (data.get("address") or data.get("location_name") or data.get("town"))
            and self.district is None
            and "postcode" not in self.errors
        ):
            self.add_error(
                "postcode", "Enter the postcode of the address, so people can find it by distance"
            )
        return data

    def to_input(self) -> ServiceInput:
        data = self.cleaned_data
        areas = list(area_choices().filter(gss_code__in=data["areas"]))
        location = None
        if self.district is not None:
            location = LocationInput(
                district=self.district,
                name=data["location_name"].strip(),
                address=data["address"].strip(),
                town=data["town"].strip(),
                postcode=data["postcode"],
            )
        languages = [part.strip() for part in data["languages"].split(",") if part.strip()]
        return ServiceInput(
            name=data["name"].strip(),
            kind=data["kind"],
            description=data["description"].strip(),
            needs=sorted(data["needs"]),
            areas=areas,
            website=data["website"].strip(),
            email=data["email"].strip(),
            phone=data["phone"].strip(),
            contact_name=data["contact_name"].strip(),
            contact_title=data["contact_title"].strip(),
            accessibility=data["accessibility"].strip(),
            languages=languages,
            cost=data["cost"],
            cost_description=data["cost_description"].strip(),
            eligibility=data["eligibility"].strip(),
            location=location,
            hours=sorted(self.hours),
        )


def service_initial(service: Service) -> dict[str, Any]:
    """The form's answers for an existing service."""
    initial = {
        name: getattr(service, name)
        for name in (
            "name",
            "kind",
            "description",
            "phone",
            "email",
            "website",
            "contact_name",
            "contact_title",
            "accessibility",
            "cost",
            "cost_description",
            "eligibility",
        )
    }
    initial["needs"] = [row.need for row in service.needs.all()]
    initial["areas"] = [area.gss_code for area in service.areas.all()]
    initial["languages"] = ", ".join(service.languages)
    location = next(iter(service.locations.all()), None)
    if location is not None:
        initial.update(
            location_name=location.name,
            address=location.address,
            town=location.town,
            postcode=location.postcode or location.district_id,
        )
    for hours in service.opening_hours.all():
        initial[f"opens_{hours.day}"] = f"{hours.opens_at:%H:%M}"
        initial[f"closes_{hours.day}"] = f"{hours.closes_at:%H:%M}"
    return initial


class BaseStandardForm(Form):
    meets = YesNoField(
        label="Does the organisation meet the regional base standard for support organisations?",
        required_message="Say whether the organisation meets the base standard",
    )
    checked_on = GovukDateField(
        label="Date checked",
        help_text="For example, 27 3 2026",
        past_message="The date checked must be today or in the past",
        error_messages={"required": "Enter the date you checked"},
    )


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Approve and list it"), ("withdraw", "Withdraw it")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose approve or withdraw",
            "invalid_choice": "Choose approve or withdraw",
        },
    )
