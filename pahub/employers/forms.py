"""The employer profile's question pages, and the staff pages' forms."""

from dataclasses import dataclass
from typing import Any

from django import forms

from pahub.accounts.models import Organisation
from pahub.core.forms import Form, YesNoField, long_text, text, yes_no
from pahub.employers.models import AccessNeed, EmployerProfile
from pahub.employers.services import (
    MAX_ACCESS_NEEDS_OTHER,
    MAX_DISPLAY_NAME,
    MAX_HOW_GIVEN,
    MAX_WHAT_MATTERS,
    EmployerInputError,
)
from pahub.places.forms import PostcodeField
from pahub.taxonomy.forms import cleaned_other_interests, other_interests_field
from pahub.taxonomy.models import Interest

DISPLAY_NAME_HINT = (
    "How PAs will see you: your first name, or the name you like to be called. It does not "
    "need to be your legal name."
)
POSTCODE_HINT = (
    "Where you live, so PAs nearby can find your jobs. PAs only ever see your postcode "
    "district, like NE1, never your address or full postcode."
)


def display_name_field() -> Any:
    return text(
        label="What name should PAs see?",
        what="The name",
        limit=MAX_DISPLAY_NAME,
        required=True,
        help_text=DISPLAY_NAME_HINT,
        error_messages={"required": "Enter the name PAs should see"},
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "spellcheck": "false"}),
    )


def postcode_field() -> Any:
    return PostcodeField(label="What is your home postcode?", help_text=POSTCODE_HINT)


class StartProfileForm(Form):
    """The two answers an employer profile cannot be made without."""

    display_name = display_name_field()
    postcode = postcode_field()


class EmployerStepForm(Form):
    def __init__(self, *args, profile: EmployerProfile, **kwargs) -> None:
        self.profile = profile
        kwargs.setdefault("initial", self.initial_from(profile))
        super().__init__(*args, **kwargs)

    def initial_from(self, profile: EmployerProfile) -> dict[str, Any]:
        return {}

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class NameForm(EmployerStepForm):
    display_name = display_name_field()

    def initial_from(self, profile: EmployerProfile) -> dict[str, Any]:
        return {"display_name": profile.display_name}


class PostcodeForm(EmployerStepForm):
    postcode = postcode_field()

    def initial_from(self, profile: EmployerProfile) -> dict[str, Any]:
        return {"postcode": profile.postcode}


class WhatMattersForm(EmployerStepForm):
    what_matters = long_text(
        label="What matters to you in a PA?",
        what="What matters to you",
        limit=MAX_WHAT_MATTERS,
        rows=8,
        help_text=(
            "In your own words. For example: being on time, a sense of humour, respecting my "
            "choices, being happy around dogs."
        ),
    )

    def initial_from(self, profile: EmployerProfile) -> dict[str, Any]:
        return {"what_matters": profile.what_matters}


class InterestsForm(EmployerStepForm):
    interests = forms.ModelMultipleChoiceField(
        queryset=Interest.objects.all(),
        required=False,
        label="What do you enjoy doing?",
        help_text="A PA who shares your interests can make the job better for you both. "
        "Select all that apply.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    other_interests = other_interests_field(example="birdwatching, jazz")

    def initial_from(self, profile: EmployerProfile) -> dict[str, Any]:
        return {
            "interests": [interest.pk for interest in profile.interests.all()],
            "other_interests": ", ".join(profile.other_interests),
        }

    def clean_other_interests(self) -> list[str]:
        return cleaned_other_interests(self.cleaned_data["other_interests"])

    def changes(self) -> dict[str, Any]:
        return {
            "interests": list(self.cleaned_data["interests"]),
            "other_interests": self.cleaned_data["other_interests"],
        }


class AccessForm(EmployerStepForm):
    access_needs = forms.MultipleChoiceField(
        choices=AccessNeed.choices,
        required=False,
        label="Is there anything that helps you use PA Hub, or talk to people from it?",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    access_needs_other = text(
        label="Anything else",
        what="Anything else",
        limit=MAX_ACCESS_NEEDS_OTHER,
        help_text="Optional. For example: please speak slowly, or text me before calling.",
    )
    share_access_needs_with_pas = YesNoField(
        label="Can PAs see this?",
        help_text=(
            "Staff at your local support organisation can always see it, so they can help you. "
            "If you say no, PAs cannot."
        ),
        required_message="Select yes if PAs can see how best to communicate with you",
    )

    def initial_from(self, profile: EmployerProfile) -> dict[str, Any]:
        return {
            "access_needs": profile.access_needs,
            "access_needs_other": profile.access_needs_other,
            "share_access_needs_with_pas": yes_no(profile.share_access_needs_with_pas),
        }


@dataclass(frozen=True)
class ProfileStep:
    name: str
    title: str
    form_class: type[EmployerStepForm]
    template: str = "employers/profile/profile_step.html"


PROFILE_STEPS: tuple[ProfileStep, ...] = (
    ProfileStep("name", "Your name", NameForm, "employers/profile/profile_question.html"),
    ProfileStep(
        "postcode", "Where you live", PostcodeForm, "employers/profile/profile_question.html"
    ),
    ProfileStep(
        "what_matters",
        "What matters to you",
        WhatMattersForm,
        "employers/profile/profile_question.html",
    ),
    ProfileStep("interests", "Your interests", InterestsForm),
    ProfileStep("access", "How best to communicate with you", AccessForm),
)
PROFILE_STEP_BY_NAME = {step.name: step for step in PROFILE_STEPS}


def profile_step_after(name: str) -> ProfileStep | None:
    names = [step.name for step in PROFILE_STEPS]
    position = names.index(name)
    return PROFILE_STEPS[position + 1] if position + 1 < len(names) else None


def add_service_error(form: forms.Form, error: EmployerInputError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


# Staff pages


class EmployerSearchForm(Form):
    q = forms.CharField(
        label="Email address or name",
        min_length=2,
        max_length=100,
        help_text="At least 2 characters: part of their email address, full name or the name "
        "PAs see.",
        error_messages={
            "required": "Enter an email address or name to search for",
            "min_length": "Enter at least 2 characters",
            "max_length": "Enter 100 characters or fewer",
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )


class HelpConsentForm(Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Which organisation may act for them?",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the organisation the employer agreed to"},
    )
    how_given = forms.CharField(
        label="How did the employer agree?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "When and how, in a sentence. For example: “In person at the drop-in on 3 March, "
            "with her son there.”"
        ),
        error_messages={"required": "Say how the employer agreed"},
    )

    def __init__(self, *args, organisations: list[Organisation], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[organisation.pk for organisation in organisations]
        ).order_by("name")
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk

    def clean_how_given(self) -> str:
        how_given = self.cleaned_data["how_given"].strip()
        if len(how_given) > MAX_HOW_GIVEN:
            raise forms.ValidationError(f"Keep it to {MAX_HOW_GIVEN:,} characters or fewer")
        return how_given
