"""Saving a search: what the "Save this search" buttons post, and the page that asks for
anything missing (a name, or which employer a talent search is for)."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.http import QueryDict

from pahub.core.forms import Form
from pahub.jobs.models import SavedSearch
from pahub.jobs.saved_searches.services import MAX_NAME_LENGTH
from pahub.jobs.vacancies.forms import querydict_to_query

MAX_QUERY_LENGTH = 4000


class SavedSearchForm(Form):
    kind = forms.ChoiceField(
        choices=SavedSearch.Kind.choices,
        widget=forms.HiddenInput,
        error_messages={
            "required": "Choose what to search for",
            "invalid_choice": "Choose what to search for",
        },
    )
    query = forms.CharField(
        required=False,
        widget=forms.HiddenInput,
        validators=[MaxLengthValidator(MAX_QUERY_LENGTH, "This search is too long to save")],
    )
    name = forms.CharField(
        label="Name this search (optional)",
        help_text="So you know it in your list and in emails. We suggest one from your filters.",
        required=False,
        validators=[
            MaxLengthValidator(
                MAX_NAME_LENGTH, f"The name must be {MAX_NAME_LENGTH} characters or fewer"
            )
        ],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    employer = forms.TypedChoiceField(
        label="Who is this search for?",
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose an employer from the list"},
    )

    def __init__(self, *args, employers: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.employers = employers
        self.fields["employer"].choices = [(str(pk), name) for pk, name in employers]

    @property
    def asks_for_employer(self) -> bool:
        return self["kind"].value() == SavedSearch.Kind.TALENT and len(self.employers) > 1

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == SavedSearch.Kind.TALENT and not data.get("employer"):
            if len(self.employers) == 1:
                data["employer"] = self.employers[0][0]
            elif "employer" not in self.errors:
                self.add_error("employer", "Choose who this search is for")
        return data

    def stored_query(self) -> dict[str, list[str]]:
        return querydict_to_query(QueryDict(self.cleaned_data["query"] or ""))
