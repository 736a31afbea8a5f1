"""The spoke's forms: finding your area, the draft's text and team, a contact, a news item."""

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator

from pahub.core.forms import Form, GovukDateField, YesNoField, long_text, text
from pahub.directory.forms import email_field, phone_field, website_field
from pahub.places.models import LocalAuthority
from pahub.places.postcodes import InvalidPostcode, normalise_postcode_or_outcode
from pahub.places.queries import UnknownDistrict
from pahub.spokes.queries import spoke_for_district
from pahub.spokes.services import ContactInput, ContentInput, NewsInput


def limited(field: forms.Field, what: str, limit: int) -> forms.Field:
    """A field from the directory's helpers, no longer than its column."""
    field.validators.append(
        MaxLengthValidator(limit, f"{what} must be {limit:,} characters or fewer")
    )
    return field


class FindAreaForm(Form):
    """GET: "find your area" from a postcode or postcode district."""

    postcode = forms.CharField(
        label="Postcode or postcode district",
        help_text="For example, NE6 5QA or NE6. Only the district is used.",
        error_messages={"required": "Enter a postcode or postcode district, like NE6"},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-10",
                "autocomplete": "postal-code",
                "spellcheck": "false",
            }
        ),
        validators=[MaxLengthValidator(10, "Enter a postcode or postcode district, like NE6")],
    )

    def clean_postcode(self) -> LocalAuthority:
        typed = self.cleaned_data["postcode"]
        try:
            _, outcode = normalise_postcode_or_outcode(typed)
            outcode, council = spoke_for_district(outcode)
        except (InvalidPostcode, UnknownDistrict) as error:
            raise forms.ValidationError(error.message) from None
        if council is None:
            raise forms.ValidationError(
                f"{outcode} is a postcode district for PO boxes, not a place. "
                "Enter the postcode where you live."
            )
        if not council.is_spoke:
            raise forms.ValidationError(
                f"{outcode} is in {council.name}, where PA Hub does not have a local page yet. "
                "The directory of support lists organisations that may still help you."
            )
        return council


class SpokeDraftForm(Form):
    intro = long_text(
        label="Introduction",
        what="The introduction",
        limit=3000,
        rows=6,
        help_text=(
            "A few sentences in plain English: what the council offers people who employ "
            "their own PAs, and where to start."
        ),
    )
    team_name = text(label="Team name", what="The team name", limit=200)
    team_phone = phone_field("Phone number")
    team_email = limited(email_field("Email address"), "The email address", 254)
    team_hours = text(
        label="Opening hours",
        what="The opening hours",
        limit=200,
        help_text="For example, Monday to Friday, 9am to 5pm",
    )
    team_url = limited(website_field("Web page"), "The web page address", 200)

    def to_input(self) -> ContentInput:
        return ContentInput(
            **{name: self.cleaned_data[name].strip() for name in ContentInput.__dataclass_fields__}
        )


class ContactForm(Form):
    name = text(label="Name", what="The name", limit=200, required=True)
    description = text(
        label="What they help with",
        what="What they help with",
        limit=300,
        help_text="For example, Carers' assessments and support for unpaid carers",
    )
    phone = phone_field("Phone number")
    email = limited(email_field("Email address"), "The email address", 254)
    hours = text(label="Opening hours", what="The opening hours", limit=200)
    url = limited(website_field("Web page"), "The web page address", 200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter the name of who to call"

    def clean(self) -> dict:
        data = super().clean()
        ways = ("phone", "email", "url")
        if not self.errors and not any(data.get(way) for way in ways):
            self.add_error(
                "phone",
                "Enter at least one way to get in touch: a phone number, an email address or a web page",
            )
        return data

    def to_input(self) -> ContactInput:
        return ContactInput(
            **{name: self.cleaned_data[name].strip() for name in ContactInput.__dataclass_fields__}
        )


class NewsForm(Form):
    title = text(label="Title", what="The title", limit=200, required=True)
    body = long_text(label="The news", what="The news", limit=5000, rows=8, required=True)
    date = GovukDateField(label="Date", help_text="For example, 27 3 2026")
    is_published = YesNoField(
        label="Show it on the public page now?",
        required_message="Say whether to show it on the public page now",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter a title"
        self.fields["body"].error_messages["required"] = "Enter the news"
        self.fields["date"].error_messages["required"] = "Enter the date of the news"

    def to_input(self) -> NewsInput:
        data = self.cleaned_data
        return NewsInput(
            title=data["title"].strip(),
            body=data["body"].strip(),
            date=data["date"],
            is_published=data["is_published"],
        )
