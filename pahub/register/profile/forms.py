"""The profile builder's pages: one form per step, filled from the profile (the steps' order and
titles are in `steps`).

Each form turns what was typed into the `changes` that `profile.services.profile_update`
takes, and uses the services' rule functions so pages and API give the same messages.

About 550 lines on purpose: fourteen small forms, one per question page, on one base; the
weekly grid and skill groups here are shared with the job builder and the cover request.
"""

from dataclasses import dataclass
from typing import Any

from django import forms

from pahub.core.forms import Form, YesNoField, long_text, text, yes_no
from pahub.places.queries import spoke_local_authorities
from pahub.register.availability import ALL_SLOTS, DAYS, PARTS, keys_from_mask, mask_from_keys
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.register.photos import PhotoError, photo_from_upload
from pahub.register.profile.services import (
    EXPERIENCE_KINDS,
    MAX_TRAVEL_MILES,
    MAX_YEARS_EXPERIENCE,
    ProfileInputError,
    check_driving,
    check_visibility,
    parse_hourly_rate,
    pay_warning,
)
from pahub.taxonomy.forms import cleaned_other_interests, other_interests_field
from pahub.taxonomy.models import Interest, Language, Skill

NUMBER_ATTRS = {"inputmode": "numeric", "spellcheck": "false"}


def as_validation_error(error: ProfileInputError) -> forms.ValidationError:
    return forms.ValidationError(error.message)


class ProfileStepForm(Form):
    """One page of the builder. `changes()` is what the service saves."""

    def __init__(self, *args, profile: PAProfile, **kwargs) -> None:
        self.profile = profile
        kwargs.setdefault("initial", self.initial_from(profile))
        super().__init__(*args, **kwargs)

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {}

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

    def warnings(self) -> list[str]:
        """Things to tell the PA after saving that do not stop the save."""
        return []


class NameForm(ProfileStepForm):
    display_name = text(
        label="What name should employers see?",
        what="Your name",
        limit=80,
        required=True,
        help_text=(
            "For example, your first name or the name you like to be called. "
            "Your full name and contact details are not shown."
        ),
        error_messages={"required": "Enter the name employers should see"},
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "spellcheck": "false"}),
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {"display_name": profile.display_name}


class AboutForm(ProfileStepForm):
    about_me = long_text(
        label="About me",
        what="About me",
        limit=2000,
        rows=8,
        required=True,
        help_text=(
            "In your own words: what you are like, why you do this work and what you enjoy "
            "about it. Do not include your address or phone number."
        ),
        error_messages={"required": "Tell employers something about yourself"},
    )
    what_matters = long_text(
        label="What matters to me",
        what="What matters to me",
        limit=2000,
        help_text=(
            "Optional. What you value in your work and in an employer, for example being on "
            "time, a sense of humour or respecting people's choices."
        ),
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {"about_me": profile.about_me, "what_matters": profile.what_matters}


class InterestsForm(ProfileStepForm):
    interests = forms.ModelMultipleChoiceField(
        queryset=Interest.objects.all(),
        required=False,
        label="What do you enjoy doing?",
        help_text="Shared interests help employers find a PA who fits them. Select all that apply.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    other_interests = other_interests_field(example="salsa dancing, vintage cars")

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {
            "interests": [interest.pk for interest in profile.interests.all()]
            if profile.pk
            else [],
            "other_interests": ", ".join(profile.other_interests),
        }

    def clean_other_interests(self) -> list[str]:
        return cleaned_other_interests(self.cleaned_data["other_interests"])


class LanguagesForm(ProfileStepForm):
    """A select per language, so it works without JavaScript; "not spoken" is the default."""

    field_prefix = "language_"

    def __init__(self, *args, profile: PAProfile, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        # Signed languages first, then English, then the rest by name.
        self.languages = sorted(
            Language.objects.all(),
            key=lambda language: (not language.is_signed, language.code != "en", language.name),
        )
        current = (
            {item.language_id: item.level for item in profile.languages.all()} if profile.pk else {}
        )
        for language in self.languages:
            none_label = "I do not use it" if language.is_signed else "Not spoken"
            self.fields[self.field_name(language)] = forms.ChoiceField(
                label=language.name,
                choices=[("", none_label), *ProfileLanguage.Level.choices],
                required=False,
                initial=current.get(language.pk, ""),
            )

    def field_name(self, language: Language) -> str:
        return f"{self.field_prefix}{language.code}"

    @property
    def signed_fields(self) -> list[forms.BoundField]:
        return [self[self.field_name(lang)] for lang in self.languages if lang.is_signed]

    @property
    def spoken_fields(self) -> list[forms.BoundField]:
        return [self[self.field_name(lang)] for lang in self.languages if not lang.is_signed]

    @property
    def english_fields(self) -> list[forms.BoundField]:
        return [field for field in self.spoken_fields if field.name == "language_en"]

    @property
    def other_spoken_fields(self) -> list[forms.BoundField]:
        return [field for field in self.spoken_fields if field.name != "language_en"]

    @property
    def other_spoken_in_use(self) -> bool:
        """Open the "other languages" section when it holds an answer or an error."""
        return any(field.value() or field.errors for field in self.other_spoken_fields)

    def changes(self) -> dict[str, Any]:
        chosen = [
            (language, self.cleaned_data[self.field_name(language)]) for language in self.languages
        ]
        return {"languages": [(language, level) for language, level in chosen if level]}


class PhotoForm(ProfileStepForm):
    photo = forms.FileField(
        required=False,
        label="Upload a photo",
        help_text=(
            "Optional. A clear, recent photo of your face. A JPEG, PNG or WebP image, "
            "smaller than 5 MB. We remove the hidden details a camera adds, such as where "
            "the photo was taken."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(required=False, label="Remove my photo")

    def __init__(self, *args, profile: PAProfile, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        if not profile.photo:
            del self.fields["remove_photo"]
        else:
            self.fields["photo"].label = "Upload a new photo"

    def clean_photo(self) -> Any:
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        try:
            return photo_from_upload(upload)
        except PhotoError as error:
            raise forms.ValidationError(str(error)) from None

    def changes(self) -> dict[str, Any]:
        if self.cleaned_data.get("photo"):
            return {"photo": self.cleaned_data["photo"]}
        if self.cleaned_data.get("remove_photo"):
            return {"photo": None}
        return {}


@dataclass(frozen=True)
class SkillOption:
    widget: Any
    skill: Skill

    @property
    def hint(self) -> str:
        if self.skill.is_specialist:
            return f"{self.skill.description} Specialist: needs specific training."
        return self.skill.description


@dataclass(frozen=True)
class SkillGroup:
    category: Any
    options: list[SkillOption]


class SkillsForm(ProfileStepForm):
    skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.filter(is_active=True).select_related("category"),
        label="Tasks and skills you can offer",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the tasks and skills you can offer"},
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {"skills": [skill.pk for skill in profile.skills.all()] if profile.pk else []}

    def groups(self) -> list[SkillGroup]:
        """One fieldset per category, in the taxonomy's order, from a single query."""
        groups: list[SkillGroup] = []
        for option in self["skills"]:
            skill = option.data["value"].instance
            if not groups or groups[-1].category.pk != skill.category_id:
                groups.append(SkillGroup(category=skill.category, options=[]))
            groups[-1].options.append(SkillOption(widget=option, skill=skill))
        return groups


class ExperienceForm(ProfileStepForm):
    years_experience = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_YEARS_EXPERIENCE,
        label="How many years have you worked as a PA or in care?",
        help_text=(
            "Include caring for family or friends. Leave it empty if you are new to this work."
        ),
        widget=forms.TextInput(attrs={**NUMBER_ATTRS, "class": "govuk-input govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter the number of years as a whole number, like 3",
            "min_value": "Years of experience must be 0 or more",
            "max_value": f"Years of experience must be {MAX_YEARS_EXPERIENCE} or fewer",
        },
    )
    experience_kinds = forms.MultipleChoiceField(
        required=False,
        choices=EXPERIENCE_KINDS,
        label="What kinds of experience do you have?",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    experience_summary = long_text(
        label="Your experience",
        what="Your experience",
        limit=3000,
        help_text="Optional. Tell employers about the people you have supported and what you did.",
    )
    qualifications_summary = long_text(
        label="Qualifications and training",
        what="Qualifications and training",
        limit=2000,
        rows=4,
        help_text=(
            "Optional. For example: Care Certificate, Level 2 Diploma in Adult Care, moving and "
            "handling training. To have a qualification checked for your level, add it as "
            "evidence too."
        ),
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {
            "years_experience": profile.years_experience,
            "experience_kinds": profile.experience_kinds,
            "experience_summary": profile.experience_summary,
            "qualifications_summary": profile.qualifications_summary,
        }


class DrivingForm(ProfileStepForm):
    has_driving_licence = YesNoField(
        label="Do you have a full UK driving licence?",
        required_message="Select yes if you have a full UK driving licence",
    )
    has_own_car = YesNoField(
        label="Do you have a car you could use for work?",
        required_message="Select yes if you have a car you could use for work",
    )
    offers_driving = YesNoField(
        label="Would you drive the person you support?",
        help_text=(
            "In their car or in yours. Using your own car for work needs business-use insurance."
        ),
        required_message="Select yes if you would drive the person you support",
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        if "driving" not in profile.completed_steps:
            return {}
        return {
            "has_driving_licence": yes_no(profile.has_driving_licence),
            "has_own_car": yes_no(profile.has_own_car),
            "offers_driving": yes_no(profile.offers_driving),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "has_driving_licence" in cleaned and "offers_driving" in cleaned:
            try:
                check_driving(
                    has_driving_licence=cleaned["has_driving_licence"],
                    offers_driving=cleaned["offers_driving"],
                )
            except ProfileInputError as error:
                self.add_error(error.field, error.message)
        return cleaned


# Stored as "" (PAProfile.Gender.NOT_SAID); a value of its own on the page, so that an
# unanswered question shows no answer chosen.
RATHER_NOT_SAY = "rather_not_say"


class GenderForm(ProfileStepForm):
    """Asked only so an employer may lawfully require a woman or a man for intimate personal
    care (Equality Act 2010, Schedule 9). Nobody sees the answer: matching uses it only to
    leave a PA out of such jobs."""

    gender = forms.ChoiceField(
        choices=[
            (PAProfile.Gender.WOMAN, "Woman"),
            (PAProfile.Gender.MAN, "Man"),
            (PAProfile.Gender.NON_BINARY, "Non-binary"),
            (RATHER_NOT_SAY, "I would rather not say"),
        ],
        required=False,
        label="What is your gender?",
        help_text=(
            "Optional. Nobody sees your answer, not even employers. It is asked only because "
            "the Equality Act 2010 lets an employer ask for a woman or a man when the job "
            "includes intimate personal care, such as help with washing or using the toilet. "
            "If you would rather not say, you will not be shown those jobs."
        ),
        widget=forms.RadioSelect,
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        if "gender" not in profile.completed_steps:
            return {}
        return {"gender": profile.gender or RATHER_NOT_SAY}

    def changes(self) -> dict[str, Any]:
        answer = self.cleaned_data["gender"]
        return {"gender": "" if answer == RATHER_NOT_SAY else answer}


@dataclass(frozen=True)
class GridCell:
    key: str
    input_id: str
    label: str
    checked: bool
    # The label is the day (visually hidden) then the part of the day ("Monday " + "early
    # morning"): the part shows beside the box when the grid is laid out one day at a time
    # on a narrow screen, and the box's name is "Monday early morning" either way.
    day: str
    part: str


@dataclass(frozen=True)
class GridRow:
    day: str
    cells: list[GridCell]


def weekly_grid_rows(bound: forms.BoundField) -> list[GridRow]:
    """The 7 x 6 checkbox table for a weekly-grid field (a PA's availability, a job's hours,
    a talent search); input ids follow Django's, so the error summary links work."""
    selected = {str(value) for value in (bound.value() or [])}
    rows = []
    for day_index, day in enumerate(DAYS):
        cells = []
        for part_index in range(len(PARTS)):
            index = day_index * len(PARTS) + part_index
            slot = ALL_SLOTS[index]
            cells.append(
                GridCell(
                    key=slot.key,
                    input_id=f"{bound.auto_id}_{index}",
                    label=slot.label,
                    checked=slot.key in selected,
                    day=DAYS[day_index],
                    part=PARTS[part_index][1].lower(),
                )
            )
        rows.append(GridRow(day=day, cells=cells))
    return rows


class AvailabilityForm(ProfileStepForm):
    availability = forms.MultipleChoiceField(
        choices=[(slot.key, slot.label) for slot in ALL_SLOTS],
        label="When could you work?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one time in the week when you could work"},
    )

    parts = [{"name": name, "hours": hours} for _, name, hours in PARTS]

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {"availability": keys_from_mask(profile.availability)}

    def grid(self) -> list[GridRow]:
        return weekly_grid_rows(self["availability"])

    def changes(self) -> dict[str, Any]:
        return {"availability": mask_from_keys(self.cleaned_data["availability"])}


class LocationForm(ProfileStepForm):
    travel_miles = forms.IntegerField(
        min_value=1,
        max_value=MAX_TRAVEL_MILES,
        label="How far will you travel to work?",
        help_text="In miles, from your home area. For example, 10.",
        widget=forms.TextInput(attrs={**NUMBER_ATTRS, "class": "govuk-input govuk-input--width-3"}),
        error_messages={
            "required": "Enter how far you will travel, in miles",
            "invalid": "Enter how far you will travel as a whole number of miles, like 10",
            "min_value": "How far you will travel must be at least 1 mile",
            "max_value": f"How far you will travel must be {MAX_TRAVEL_MILES} miles or fewer",
        },
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {"travel_miles": profile.travel_miles}


class PayForm(ProfileStepForm):
    hourly_rate = forms.CharField(
        required=False,
        label="What hourly pay do you expect?",
        help_text=(
            "Optional. In pounds, for example 13.50. Employers decide the pay they offer; "
            "this tells them what you are looking for."
        ),
        widget=forms.TextInput(
            attrs={
                "inputmode": "decimal",
                "spellcheck": "false",
                "class": "govuk-input govuk-input--width-5",
            }
        ),
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        return {"hourly_rate": profile.hourly_rate}

    def clean_hourly_rate(self) -> Any:
        try:
            return parse_hourly_rate(self.cleaned_data["hourly_rate"])
        except ProfileInputError as error:
            raise as_validation_error(error) from None

    def warnings(self) -> list[str]:
        warning = pay_warning(self.cleaned_data.get("hourly_rate"))
        return [warning] if warning else []


class WorkForm(ProfileStepForm):
    work_wanted = forms.ChoiceField(
        choices=PAProfile.WorkWanted.choices,
        label="What work are you looking for?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the work you are looking for"},
    )
    work_wanted.option_hints = {
        PAProfile.WorkWanted.REGULAR: "The same hours each week with one or more employers.",
        PAProfile.WorkWanted.COVER: (
            "Shifts at short notice when an employer's own PA is ill or on holiday."
        ),
        PAProfile.WorkWanted.BOTH: "Regular hours, and cover when you are free.",
    }

    # Counted for councils (paid family members and other PAs); employers never see it.
    works_for_family = YesNoField(
        label="Are you paid to support a family member?",
        required_message="Select yes if you are paid to support a family member",
        help_text=(
            "For example, a parent or sibling who employs you as their PA with a direct "
            "payment. Employers do not see this answer."
        ),
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        if "work" not in profile.completed_steps:
            return {}
        return {
            "work_wanted": profile.work_wanted,
            "works_for_family": yes_no(profile.works_for_family),
        }


# The model's labels say "nobody" for hidden, but staff in the PA's areas can still see a
# hidden profile; these labels say exactly who sees what.
VISIBILITY_LABELS = {
    PAProfile.Visibility.HIDDEN: "Hidden from employers",
    PAProfile.Visibility.LOCAL: "Employers in the areas I choose",
    PAProfile.Visibility.ALL_EMPLOYERS: "Any signed-in employer",
}


class VisibilityForm(ProfileStepForm):
    visibility = forms.ChoiceField(
        choices=list(VISIBILITY_LABELS.items()),
        label="Who can see your profile?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who can see your profile"},
    )
    visibility.option_hints = {
        PAProfile.Visibility.HIDDEN: (
            "No employer can find or see your profile. You can still build it and apply for jobs."
        ),
        PAProfile.Visibility.LOCAL: (
            "Employers who live in the areas you choose below and have confirmed their email "
            "address."
        ),
        PAProfile.Visibility.ALL_EMPLOYERS: (
            "Any employer, or someone acting for one, signed in to PA Hub, wherever they live."
        ),
    }
    visible_in = forms.ModelMultipleChoiceField(
        queryset=spoke_local_authorities(),
        required=False,
        label="Which areas should your profile be seen in?",
        help_text=(
            "Only needed if you chose employers in the areas you choose. Select all that apply."
        ),
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )

    def initial_from(self, profile: PAProfile) -> dict[str, Any]:
        areas = [area.pk for area in profile.visible_in.all()] if profile.pk else []
        home = profile.user.local_authority
        if not areas and home is not None and home.is_spoke:
            areas = [home.pk]
        return {"visibility": profile.visibility, "visible_in": areas}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "visibility" in cleaned and "visible_in" in cleaned:
            try:
                check_visibility(visibility=cleaned["visibility"], areas=cleaned["visible_in"])
            except ProfileInputError as error:
                self.add_error(error.field, error.message)
        return cleaned

    def changes(self) -> dict[str, Any]:
        return {
            "visibility": self.cleaned_data["visibility"],
            "visible_in": list(self.cleaned_data["visible_in"]),
        }
