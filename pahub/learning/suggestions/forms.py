"""The form an employer (or someone acting for them) suggests a module with."""

from itertools import groupby

from django import forms

from pahub.accounts.models import User
from pahub.core.forms import Form, long_text
from pahub.learning.models import Module
from pahub.learning.suggestions.queries import pa_name
from pahub.learning.suggestions.services import MESSAGE_LIMIT, NOT_SUGGESTABLE, NOT_THEIR_PA


def module_label(module: Module) -> str:
    version = module.current_version
    return f"{version.title} ({version.minutes} minutes)"


def module_choices(modules: list[Module]) -> list:
    """A select's choices grouped by course (each course an <optgroup>)."""
    grouped = [
        (course.title, [(module.pk, module_label(module)) for module in course_modules])
        for course, course_modules in groupby(modules, key=lambda module: module.course)
    ]
    return [("", "Choose a module"), *grouped]


class SuggestionForm(Form):
    pa = forms.TypedChoiceField(
        label="Which PA do you want to suggest a module to?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the PA you want to suggest a module to",
            "invalid_choice": NOT_THEIR_PA,
        },
    )
    module = forms.TypedChoiceField(
        label="Module",
        help_text="Each module takes 5 to 15 minutes and ends with a short quiz.",
        coerce=int,
        error_messages={
            "required": "Choose a module to suggest",
            "invalid_choice": NOT_SUGGESTABLE,
        },
    )
    message = long_text(
        label="Message to the PA (optional)",
        what="Your message",
        limit=MESSAGE_LIMIT,
        help_text=f"For example, why you think it would help. Up to {MESSAGE_LIMIT:,} characters.",
    )

    def __init__(self, *args, pas: list[User], modules: list[Module], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pas_by_id = {pa.pk: pa for pa in pas}
        self.modules_by_id = {module.pk: module for module in modules}
        self.fields["pa"].choices = [(pa.pk, pa_name(pa)) for pa in pas]
        self.fields["module"].choices = module_choices(modules)

    def clean_pa(self) -> User:
        return self.pas_by_id[self.cleaned_data["pa"]]

    def clean_module(self) -> Module:
        return self.modules_by_id[self.cleaned_data["module"]]
