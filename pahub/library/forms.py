"""The library's forms: the search, and writing a resource (shared or a local addition)."""

import re
from typing import Any

from django import forms

from pahub.core.forms import Form, long_text, text
from pahub.library.models import Audience, Kind
from pahub.library.queries import LibraryFilters
from pahub.library.services import MAX_REVIEW_MONTHS, ResourceContent, Source

TAG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_LINE = re.compile(r"^(?P<title>.+?)\s+(?P<url>https://\S+)$")


class LibrarySearchForm(Form):
    q = text(label="Search the library", what="Your search", limit=100)
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "Guidance and templates"), *Kind.choices],
        error_messages={"invalid_choice": "Choose guidance or templates from the list"},
    )
    audience = forms.ChoiceField(
        label="Written for",
        required=False,
        choices=[("", "Everyone"), *Audience.choices],
        error_messages={"invalid_choice": "Choose who it is written for from the list"},
    )
    tag = forms.ChoiceField(
        label="Topic",
        required=False,
        error_messages={"invalid_choice": "Choose a topic from the list"},
    )

    def __init__(self, *args: Any, tags: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", "Any topic"), *tags]

    @property
    def has_filters(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)

    def to_filters(self) -> LibraryFilters:
        if not self.is_bound:
            return LibraryFilters()
        data = self.cleaned_data
        return LibraryFilters(
            text=data["q"].strip(), kind=data["kind"], audience=data["audience"], tag=data["tag"]
        )


class ResourceForm(Form):
    title = text(
        label="Title",
        what="The title",
        limit=200,
        required=True,
        error_messages={"required": "Enter a title"},
    )
    summary = text(
        label="Summary",
        what="The summary",
        limit=300,
        required=True,
        help_text="One plain sentence, shown in lists and search results.",
        error_messages={"required": "Enter a one-sentence summary"},
    )
    kind = forms.ChoiceField(
        label="Kind",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose guidance or template"},
    )
    audience = forms.MultipleChoiceField(
        label="Who it is written for",
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        error_messages={
            "required": "Tick at least one group it is written for",
            "invalid_choice": "Choose from the list",
        },
    )
    tags = text(
        label="Topics (optional)",
        what="The topics",
        limit=300,
        help_text="Lower-case words joined by hyphens, separated by commas, like: dbs, holiday-pay",
    )
    body = long_text(
        label="Text",
        what="The text",
        limit=50_000,
        rows=20,
        required=True,
        error_messages={"required": "Write the text of the resource"},
        help_text=(
            "Markdown: ## for a heading, - for a list, [words](https://...) for a link. "
            "Templates may use blanks like {{ employer_name }}."
        ),
    )
    sources = long_text(
        label="Sources (optional)",
        what="The sources",
        limit=3000,
        rows=4,
        help_text="One a line: the page's title, a space, then its https:// web address.",
    )
    review_every_months = forms.IntegerField(
        label="Review every (months)",
        min_value=1,
        max_value=MAX_REVIEW_MONTHS,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-2"}
        ),
        error_messages={
            "required": "Enter how often it is reviewed, in months",
            "invalid": "Enter the months as a whole number, like 12",
            "min_value": f"Review every 1 to {MAX_REVIEW_MONTHS} months",
            "max_value": f"Review every 1 to {MAX_REVIEW_MONTHS} months",
        },
    )
    change_note = text(
        label="What changed",
        what="What changed",
        limit=500,
        required=True,
        help_text="Shown in the version history, like: Added the 2026 minimum wage.",
        error_messages={"required": "Say what changed in this version"},
    )

    def clean_tags(self) -> tuple[str, ...]:
        tags = tuple(
            dict.fromkeys(
                part.strip() for part in self.cleaned_data["tags"].split(",") if part.strip()
            )
        )
        bad = [tag for tag in tags if not TAG.match(tag) or len(tag) > 60]
        if bad:
            raise forms.ValidationError(
                f"Write topics as lower-case words joined by hyphens, not: {', '.join(bad)}"
            )
        return tags

    def clean_sources(self) -> tuple[Source, ...]:
        sources = []
        for number, line in enumerate(self.cleaned_data["sources"].splitlines(), start=1):
            if not line.strip():
                continue
            match = SOURCE_LINE.match(line.strip())
            if match is None:
                raise forms.ValidationError(
                    f"Line {number}: give the title, a space, then an https:// web address"
                )
            sources.append(Source(title=match["title"].strip(), url=match["url"]))
        return tuple(sources)

    def to_content(self) -> ResourceContent:
        data = self.cleaned_data
        return ResourceContent(
            title=" ".join(data["title"].split()),
            kind=data["kind"],
            summary=" ".join(data["summary"].split()),
            body=data["body"].strip().replace("\r\n", "\n"),
            audience=tuple(data["audience"]),
            tags=data["tags"],
            sources=data["sources"],
        )


def resource_initial(resource) -> dict[str, Any]:
    return {
        "title": resource.title,
        "summary": resource.summary,
        "kind": resource.kind,
        "audience": [row.audience for row in resource.audiences.all()],
        "tags": ", ".join(tag.slug for tag in resource.tags.all()),
        "body": resource.body,
        "sources": "\n".join(f"{s['title']} {s['url']}" for s in resource.sources),
        "review_every_months": resource.review_every_months,
    }
