"""The event search (GET, works without JavaScript) and the organiser's event form.

The organiser's form checks what it can read (a date, a time, an amount) and leaves the rules
of an event (ends after it starts, in person needs a venue...) to `services.event_problems`,
which the API uses too, so both say the same thing for the same mistake.
"""

from datetime import time
from decimal import Decimal
from typing import Any

from django import forms

from pahub.accounts.models import Organisation
from pahub.core.forms import Form, GovukDateField, long_text, text
from pahub.core.hours_and_pay import AmountError, read_amount
from pahub.cover.employer_forms import ClockError, parse_clock
from pahub.cover.times import LocalTimeError, local_instant, to_local
from pahub.learning.events.permissions import Reach
from pahub.learning.events.queries import (
    DEFAULT_MILES,
    MILES_CHOICES,
    EventFilters,
    Origin,
    UnknownPlace,
    origin_for,
)
from pahub.learning.events.services import EventInput, event_problems
from pahub.learning.models import Audience, Event
from pahub.learning.topics import Topic
from pahub.places.forms import OutcodeField
from pahub.places.postcodes import InvalidPostcode
from pahub.places.queries import UnknownDistrict, district_by_outcode

MAX_COST = Decimal("9999.99")
MAX_CAPACITY = 10_000
NOT_FILTERS = frozenset({"page"})
MEETUPS_ONLY = (
    "You can post meet-ups, peer groups and hot seat sessions for this organisation, not courses"
)


class EventSearchForm(Form):
    where = forms.CharField(
        label="Near a postcode district or town",
        required=False,
        help_text="For example, NE6 or Sunderland",
        widget=forms.TextInput(
            attrs={"spellcheck": "false", "class": "govuk-input govuk-input--width-20"}
        ),
    )
    miles = forms.TypedChoiceField(
        label="Within",
        required=False,
        coerce=int,
        empty_value=DEFAULT_MILES,
        choices=[(str(miles), f"{miles} miles") for miles in MILES_CHOICES],
        error_messages={"invalid_choice": "Choose 5, 10, 25 or 50 miles"},
    )
    online = forms.ChoiceField(
        label="Include online events",
        required=False,
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect(attrs={"inline": True, "small": True}),
        error_messages={"invalid_choice": "Choose yes or no"},
    )
    topic = forms.ChoiceField(
        label="Topic",
        required=False,
        choices=[("", "Any topic"), *Topic.choices],
        error_messages={"invalid_choice": "Choose a topic from the list"},
    )
    from_date = GovukDateField(label="From", required=False, help_text="For example, 27 3 2026")
    to_date = GovukDateField(label="To", required=False, help_text="For example, 30 4 2026")
    free = forms.BooleanField(label="Free events only", required=False)
    audience = forms.ChoiceField(
        label="Who it is for",
        required=False,
        choices=[
            ("", "Anyone"),
            (Audience.PA, "Personal assistants"),
            (Audience.EMPLOYER, "Employers"),
        ],
        widget=forms.RadioSelect(attrs={"small": True}),
        error_messages={"invalid_choice": "Choose personal assistants, employers or anyone"},
    )
    kind = forms.ChoiceField(
        label="Kind of event",
        required=False,
        choices=[("", "Any kind"), *Event.Kind.choices],
        widget=forms.RadioSelect(attrs={"small": True}),
        error_messages={"invalid_choice": "Choose a kind of event from the list"},
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("date", "Date, soonest first"), ("distance", "Distance, nearest first")],
        widget=forms.RadioSelect(attrs={"small": True}),
        error_messages={"invalid_choice": "Choose date or distance"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.origin: Origin | None = None

    def clean_where(self) -> str:
        typed = self.cleaned_data["where"].strip()
        if not typed:
            return ""
        try:
            self.origin = origin_for(typed)
        except (InvalidPostcode, UnknownDistrict, UnknownPlace) as error:
            raise forms.ValidationError(error.message) from None
        return typed

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("from_date"), data.get("to_date")
        if start and end and end < start:
            self.add_error("to_date", "The ‘to’ date must be the same as or after the ‘from’ date")
        if data.get("sort") == "distance" and not data.get("where") and "where" not in self.errors:
            self.add_error("where", "Enter a postcode district or town to sort by distance")
        return data

    def to_filters(self) -> EventFilters:
        if not self.is_bound:
            return EventFilters(kinds=self.kinds_asked())
        data = self.cleaned_data
        return EventFilters(
            origin=self.origin,
            miles=data["miles"],
            include_online=data["online"] != "no",
            topic=data["topic"],
            from_date=data["from_date"],
            to_date=data["to_date"],
            free_only=data["free"],
            audience=data["audience"],
            sort=data["sort"] or "date",
            kinds=self.kinds_asked(),
        )

    def kinds_asked(self) -> tuple[str, ...]:
        """The kinds to list: the one chosen, or every kind."""
        kind = getattr(self, "cleaned_data", {}).get("kind")
        return (kind,) if kind else ()

    @property
    def has_filters(self) -> bool:
        return self.is_bound and any(
            any(values) for key, values in self.data.lists() if key not in NOT_FILTERS
        )


class ClockField(forms.CharField):
    """A time of day as people type it, like 10:00 or 2pm."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"class": "govuk-input govuk-input--width-5", "autocomplete": "off"}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> time | None:
        value = super().clean(value)
        if not value:
            return None
        try:
            return parse_clock(value)
        except ClockError as error:
            raise forms.ValidationError(str(error)) from None


class EventForm(Form):
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Choose one of your organisations"},
    )
    kind = forms.ChoiceField(
        label="What kind of event is it?",
        choices=Event.Kind.choices,
        initial=Event.Kind.TRAINING,
        widget=forms.RadioSelect,
        help_text=(
            "A meet-up is an informal get-together, like a PA coffee morning. In a hot seat "
            "session, employers ask an experienced employer anything"
        ),
        error_messages={
            "required": "Choose what kind of event it is",
            "invalid_choice": "Choose a kind of event from the list",
        },
    )
    title = text(
        label="Title",
        what="The title",
        limit=200,
        required=True,
        error_messages={"required": "Enter a title"},
    )
    description = long_text(
        label="What it covers",
        what="What it covers",
        limit=5000,
        required=True,
        help_text="What people learn, who it is for and what to bring",
        error_messages={"required": "Enter what the event covers"},
    )
    topics = forms.MultipleChoiceField(
        label="Topics",
        required=False,
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        error_messages={"invalid_choice": "Choose topics from the list"},
    )
    audience = forms.ChoiceField(
        label="Who it is for",
        choices=Audience.choices,
        initial=Audience.ANYONE,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the event is for"},
    )
    format = forms.ChoiceField(
        label="Online or in person",
        choices=Event.Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose online or in person"},
    )
    district = OutcodeField(
        label="Postcode district of the venue",
        required=False,
        help_text="In person only, like NE1. People searching by distance find it from here",
    )
    venue = text(
        label="Venue name and address",
        what="The venue",
        limit=300,
        help_text="In person only. Only people booked see it",
    )
    starts_on = GovukDateField(
        label="Date it starts",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date the event starts"},
    )
    starts_time = ClockField(
        label="Start time",
        help_text="For example, 10:00 or 2pm",
        error_messages={"required": "Enter the start time, like 10:00"},
    )
    ends_on = GovukDateField(
        label="Date it ends",
        required=False,
        help_text="Leave empty if it ends on the day it starts",
    )
    ends_time = ClockField(
        label="End time",
        help_text="For example, 16:00 or 4pm",
        error_messages={"required": "Enter the end time, like 16:00"},
    )
    cost = forms.CharField(
        label="Cost in pounds",
        required=False,
        help_text="Leave empty or enter 0 if it is free",
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input govuk-input--width-5"}
        ),
    )
    funding = long_text(
        label="Funding",
        what="Funding",
        limit=2000,
        rows=3,
        help_text="For example, employers can pay with the individual employer funding",
    )
    accessibility = long_text(
        label="Accessibility",
        what="Accessibility",
        limit=2000,
        rows=4,
        help_text=(
            "Is there step-free access, a hearing loop, British Sign Language, a quiet space, "
            "breaks, an accessible toilet or parking? Online: captions, joining by phone. "
            "Meet-ups must say"
        ),
    )
    booking_url = forms.URLField(
        label="Link to book on your site",
        required=False,
        assume_scheme="https",
        help_text="Or give a number of places below so people book on PA Hub",
        error_messages={"invalid": "Enter a web address, like https://example.org/book"},
    )
    capacity = forms.IntegerField(
        label="Places to book on PA Hub",
        required=False,
        min_value=1,
        max_value=MAX_CAPACITY,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-4"}
        ),
        error_messages={
            "invalid": "Enter the number of places as a whole number, like 12",
            "min_value": "The number of places must be 1 or more",
            "max_value": f"The number of places must be {MAX_CAPACITY:,} or fewer",
        },
    )

    # Where each rule of `event_problems` puts its message on this form.
    PROBLEM_FIELDS = {"starts_at": "starts_on", "ends_at": "ends_time"}

    def __init__(
        self,
        *args: Any,
        organisations: Any,
        reach: Reach,
        event: Event | None = None,
        **kwargs: Any,
    ) -> None:
        self.event = event
        self.reach = reach
        data = args[0] if args else kwargs.get("data")
        if event is not None and data is None:
            kwargs["initial"] = initial_for(event)
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if event is not None or len(organisations) == 1:
            # Nothing to choose: an event stays with its organisation.
            del self.fields["organisation"]
        # Offer only the kinds this person may post for any of their organisations: a peer
        # supporter never sees "Course or training".
        allowed = {kind for pk in reach.organisation_ids for kind in reach.kinds_for(pk)}
        self.fields["kind"].choices = [
            (value, label) for value, label in Event.Kind.choices if value in allowed
        ]
        if Event.Kind.TRAINING not in allowed and event is None:
            self.fields["kind"].initial = Event.Kind.MEETUP
        self.district = None

    def clean_district(self) -> str:
        outcode = self.cleaned_data["district"]
        if outcode:
            try:
                self.district = district_by_outcode(outcode)
            except UnknownDistrict as error:
                raise forms.ValidationError(error.message) from None
        return outcode

    def clean_cost(self) -> int:
        typed = self.cleaned_data["cost"]
        try:
            pounds = read_amount(typed, places=2, minimum=Decimal(0), maximum=MAX_COST)
        except AmountError as error:
            if error.reason in ("too_small", "too_big"):
                raise forms.ValidationError(
                    f"The cost must be between £0 and £{MAX_COST:,}"
                ) from None
            raise forms.ValidationError("Enter the cost in pounds, like 25 or 12.50") from None
        return int((pounds or Decimal(0)) * 100)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_at = ends_at = None
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on") or data.get("starts_on")
        try:
            if starts_on and data.get("starts_time"):
                starts_at = local_instant(starts_on, data["starts_time"])
        except LocalTimeError as error:
            self.add_error("starts_time", str(error))
        try:
            if ends_on and data.get("ends_time"):
                ends_at = local_instant(ends_on, data["ends_time"])
        except LocalTimeError as error:
            self.add_error("ends_time", str(error))
        organisation_id = (
            self.event.organisation_id
            if self.event is not None
            else getattr(data.get("organisation"), "pk", None)
            or next(iter(self.reach.organisation_ids), None)
        )
        kind = data.get("kind")
        if kind and organisation_id and not self.reach.allows(organisation_id, kind):
            self.add_error("kind", MEETUPS_ONLY)
        if self.errors or starts_at is None or ends_at is None:
            return data
        self.values = EventInput(
            title=data["title"].strip(),
            description=data["description"].strip(),
            topics=list(data["topics"]),
            audience=data["audience"],
            format=data["format"],
            district=self.district,
            venue=data["venue"].strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            cost_pence=data["cost"],
            funding=data["funding"].strip(),
            accessibility=data["accessibility"].strip(),
            booking_url=data["booking_url"],
            capacity=data["capacity"],
            kind=data["kind"],
        )
        for name, message in event_problems(self.values, event=self.event).items():
            self.add_error(self.PROBLEM_FIELDS.get(name, name), message)
        return data


def initial_for(event: Event) -> dict[str, Any]:
    starts, ends = to_local(event.starts_at), to_local(event.ends_at)
    return {
        "kind": event.kind,
        "title": event.title,
        "description": event.description,
        "topics": event.topics,
        "audience": event.audience,
        "format": event.format,
        "district": event.district_id or "",
        "venue": event.venue,
        "starts_on": starts.date(),
        "starts_time": f"{starts:%H:%M}",
        "ends_on": ends.date() if ends.date() != starts.date() else None,
        "ends_time": f"{ends:%H:%M}",
        "cost": f"{Decimal(event.cost_pence) / 100:.2f}" if event.cost_pence else "",
        "funding": event.funding,
        "accessibility": event.accessibility,
        "booking_url": event.booking_url,
        "capacity": event.capacity,
    }


class PeerSupporterForm(Form):
    """An admin names a PA or employer a peer supporter by the email they sign in with."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The email address they use to sign in to PA Hub",
        widget=forms.EmailInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "class": "govuk-input"}
        ),
        error_messages={
            "required": "Enter the email address of the PA or employer",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
