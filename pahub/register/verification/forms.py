"""Forms for staff pages of the register: search, verification, induction, assisted digital.

Rules that services enforce too are checked by calling the service's own check, so the
message beside a field is exactly the one the service would give.
"""

from datetime import date
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from pahub.accounts.forms import clean_known_postcode
from pahub.core.forms import Form
from pahub.places.forms import OutcodeField, PostcodeField
from pahub.register.availability import DAYS, PARTS, Slot
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import Evidence, PAProfile, VerificationRecord
from pahub.register.search import (
    EvidenceFilter,
    ProfileStatusFilter,
    RegisterFilters,
    availability_filters,
)
from pahub.register.verification.assisted_digital import StaffProfileChanges
from pahub.register.verification.services import (
    ORIGINAL_REQUIRED,
    StaffActionError,
    check_outcome,
    latest_record_id,
    saw_original_text,
    status_check_allowed,
)
from pahub.taxonomy.models import Skill
from pahub.taxonomy.snapshot import taxonomy

DATE_EXAMPLE = "27 3 2026"
DATE_HINT = f"For example, {DATE_EXAMPLE}"
DATE_INPUT_FORMATS = [
    "%d %m %Y",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
]


class PlainDateField(forms.DateField):
    """A date typed as day, month and year in one box, forgiving about separators."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        )
        kwargs.setdefault("help_text", DATE_HINT)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = f"Enter a real date, for example {DATE_EXAMPLE}"

    def to_python(self, value):
        if isinstance(value, str):
            value = " ".join(value.replace(",", " ").split())
        return super().to_python(value)


def _text(label: str, **kwargs) -> forms.CharField:
    kwargs.setdefault("required", False)
    return forms.CharField(label=label, **kwargs)


# The register search


LEVEL_CHOICES = [("", "Any level")] + [
    (str(level), f"{name} or above") for level, name in LEVEL_NAMES.items() if level > 0
]


class RegisterSearchForm(Form):
    """GET filters for the staff register search; works without JavaScript."""

    name = _text(
        "Name",
        max_length=100,
        help_text="Part of their full name or the name they show",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    district = OutcodeField(
        label="Postcode district", required=False, help_text="The first half, for example NE6"
    )
    local_authority = forms.ChoiceField(label="Local authority", required=False)
    level = forms.ChoiceField(label="Level", required=False, choices=LEVEL_CHOICES)
    skill = forms.ChoiceField(label="Skill or task", required=False)
    language = forms.ChoiceField(label="Language", required=False)
    days = forms.MultipleChoiceField(
        label="Available on",
        required=False,
        choices=[(str(number), day) for number, day in enumerate(DAYS)],
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        help_text="Free at some time on every day ticked",
    )
    parts = forms.MultipleChoiceField(
        label="At these times",
        required=False,
        choices=[
            (str(number), f"{label} ({hours})") for number, (_, label, hours) in enumerate(PARTS)
        ],
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        help_text="With days ticked too: free at every time ticked on every day ticked",
    )
    evidence = forms.ChoiceField(
        label="Evidence",
        required=False,
        choices=[("", "Any"), *EvidenceFilter.CHOICES],
    )
    status = forms.ChoiceField(
        label="Profile status",
        required=False,
        choices=[("", "Any, including paused and hidden"), *ProfileStatusFilter.CHOICES],
    )

    def __init__(self, *args, areas, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["local_authority"].choices = [("", "All your areas")] + [
            (area.gss_code, area.name) for area in areas
        ]
        self.fields["skill"].choices = [("", "Any skill"), *skill_choices()]
        self.fields["language"].choices = [("", "Any language"), *taxonomy().language_choices()]

    def to_filters(self) -> RegisterFilters:
        data = self.cleaned_data
        mask, groups = availability_filters(
            (int(day) for day in data["days"]), (int(part) for part in data["parts"])
        )
        return RegisterFilters(
            name=data["name"].strip(),
            district=data["district"],
            local_authority=data["local_authority"],
            min_level=int(data["level"]) if data["level"] else None,
            skill=data["skill"],
            language=data["language"],
            availability_mask=mask,
            available_in_each=groups,
            evidence=data["evidence"],
            status=data["status"],
        )


def skill_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Active skills grouped by category, for a select with option groups."""
    return taxonomy().active_skills_by_category()


class QueueFilterForm(Form):
    kind = forms.ChoiceField(
        label="Kind of evidence",
        required=False,
        choices=[("", "All kinds"), *Evidence.Kind.choices],
    )


# Verification


class OutcomeField(forms.ChoiceField):
    widget = forms.RadioSelect

    option_hints = {
        VerificationRecord.Outcome.VERIFIED.value: (
            "It is genuine, current and belongs to this PA. It will count towards their level."
        ),
        VerificationRecord.Outcome.NEEDS_MORE.value: (
            "The PA will be asked for what you write below."
        ),
        VerificationRecord.Outcome.REJECTED.value: (
            "The PA will see your reason and can add new evidence."
        ),
    }


class VerificationForm(Form):
    """The outcome of one check. Which questions appear depends on the kind of evidence."""

    outcome = OutcomeField(
        label="What did you find?",
        choices=VerificationRecord.Outcome.choices,
        error_messages={"required": "Choose what you found"},
    )
    reason = forms.CharField(
        label="Reason, or what more is needed",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "Needed if you ask for more information or do not accept it. The PA will read this, "
            "so use plain words and say what they can do next."
        ),
    )
    saw_original = forms.BooleanField(required=False)
    status_checked_on = PlainDateField(
        label="Date of the Update Service status check",
        required=False,
        help_text=f"Only if you did a status check with the PA's consent. {DATE_HINT}",
    )
    status_check_result = forms.ChoiceField(
        label="Result of the status check",
        required=False,
        choices=Evidence.StatusCheckResult.choices,
        widget=forms.RadioSelect,
    )
    seen_record = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, evidence: Evidence, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.evidence = evidence
        self.fields["seen_record"].initial = latest_record_id(evidence)
        if evidence.kind in ORIGINAL_REQUIRED:
            self.fields["saw_original"].label = saw_original_text(evidence)
            self.fields["saw_original"].help_text = (
                "Needed to verify. The DBS rules do not allow copies, photos or video calls."
                if evidence.kind == Evidence.Kind.DBS
                else "Needed to verify. Copies and photos are not enough."
            )
        else:
            del self.fields["saw_original"]
        if not status_check_allowed(evidence):
            del self.fields["status_checked_on"]
            del self.fields["status_check_result"]

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        try:
            check_outcome(
                evidence=self.evidence,
                outcome=data["outcome"],
                reason=data.get("reason", ""),
                saw_original=data.get("saw_original", False),
                status_checked_on=data.get("status_checked_on"),
                status_check_result=data.get("status_check_result", ""),
                today=timezone.localdate(),
            )
        except StaffActionError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "reason": data.get("reason", ""),
            "saw_original": data.get("saw_original", False),
            "status_checked_on": data.get("status_checked_on"),
            "status_check_result": data.get("status_check_result", ""),
            "seen_record_id": data.get("seen_record") or 0,
        }


class InductionForm(Form):
    completed_on = PlainDateField(
        label="Date the induction course was completed",
        error_messages={"required": "Enter the date the induction course was completed"},
    )
    evidence_note = forms.CharField(
        label="What evidence did you see?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "For an induction done somewhere other than PA Hub: who ran it and what you saw, "
            "for example 'Care Skills Ltd certificate dated 4 May 2026, original seen'."
        ),
        error_messages={
            "required": "Say what evidence of the induction you saw",
            "max_length": "The evidence must be 1,000 characters or fewer",
        },
    )

    def clean_completed_on(self) -> date:
        completed_on = self.cleaned_data["completed_on"]
        if completed_on > timezone.localdate():
            raise forms.ValidationError(
                "The date the induction was completed must be today or in the past"
            )
        return completed_on


# Assisted digital

HOW_GIVEN_HINT = (
    "For example: in person at our office on 3 March 2026, after we explained what we would "
    "change for them. The PA can see this."
)


class ConsentForm(Form):
    how_given = forms.CharField(
        label="How did the PA agree?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=HOW_GIVEN_HINT,
        error_messages={"required": "Say how the PA gave their agreement"},
    )


class PACreateForm(Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages={"required": "Enter the PA's full name"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We will send them a link to choose a password.",
        error_messages={
            "required": "Enter the PA's email address",
            "invalid": "Enter an email address like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    postcode = PostcodeField(
        label="Home postcode",
        help_text="Only the first half (for example NE1) is ever shown to anyone else.",
    )
    how_given = forms.CharField(
        label="How did they agree that you make an account for them?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=HOW_GIVEN_HINT,
        error_messages={"required": "Say how the PA gave their agreement"},
    )

    def clean_postcode(self) -> str:
        return clean_known_postcode(self.cleaned_data["postcode"])


def day_field_name(day: int) -> str:
    return f"available_{DAYS[day].lower()}"


class StaffProfileForm(Form):
    """The main fields of a profile that staff may change for a PA, with their consent."""

    about_me = forms.CharField(
        label="About them",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="In their words: what they enjoy, what they are like to work with.",
    )
    skills = forms.ModelMultipleChoiceField(
        label="Skills and tasks",
        required=False,
        queryset=Skill.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    travel_miles = forms.IntegerField(
        label="How far will they travel, in miles?",
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        error_messages={
            "required": "Enter how many miles they will travel",
            "invalid": "Enter a whole number of miles, like 10",
        },
    )
    hourly_rate = forms.DecimalField(
        label="Hourly pay they expect, in pounds",
        required=False,
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00")), MaxValueValidator(Decimal("200.00"))],
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-5", "inputmode": "decimal"}
        ),
        help_text="For example, 13.50. Leave blank if they would rather not say.",
        error_messages={"invalid": "Enter an amount in pounds, like 13.50"},
    )
    work_wanted = forms.ChoiceField(
        label="What work do they want?",
        choices=PAProfile.WorkWanted.choices,
        widget=forms.RadioSelect,
    )
    visibility = forms.ChoiceField(
        label="Who can find their profile?",
        choices=PAProfile.Visibility.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, profile: PAProfile, **kwargs) -> None:
        initial = {
            "about_me": profile.about_me,
            "skills": list(profile.skills.all()),
            "travel_miles": profile.travel_miles,
            "hourly_rate": profile.hourly_rate,
            "work_wanted": profile.work_wanted,
            "visibility": profile.visibility,
        }
        for day in range(len(DAYS)):
            initial[day_field_name(day)] = [
                str(part)
                for part in range(len(PARTS))
                if profile.availability & Slot(day, part).bit
            ]
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["skills"].queryset = Skill.objects.filter(is_active=True).select_related(
            "category"
        )
        for day, name in enumerate(DAYS):
            self.fields[day_field_name(day)] = forms.MultipleChoiceField(
                label=f"Free on {name}",
                required=False,
                choices=[(str(number), label) for number, (_, label, _) in enumerate(PARTS)],
                widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
            )

    def availability(self) -> int:
        mask = 0
        for day in range(len(DAYS)):
            for part in self.cleaned_data.get(day_field_name(day), []):
                mask |= Slot(day, int(part)).bit
        return mask

    def changes(self) -> StaffProfileChanges:
        data = self.cleaned_data
        return StaffProfileChanges(
            about_me=data["about_me"].strip(),
            skills=list(data["skills"]),
            availability=self.availability(),
            travel_miles=data["travel_miles"],
            hourly_rate=data["hourly_rate"],
            work_wanted=data["work_wanted"],
            visibility=data["visibility"],
        )
