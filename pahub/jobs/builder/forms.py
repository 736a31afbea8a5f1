"""The job builder's question pages: one form per step, filled from the job.

Each form turns what was typed into the data `jobs.services.job_update_step` takes, and uses
the services' rule functions, so pages and API give the same messages.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone

from pahub.core.forms import Form, GovukDateField, YesNoField, long_text, text, yes_no
from pahub.jobs.builder.rules import (
    MAX_YEARS_EXPERIENCE,
    STEP_TITLES,
    JobInputError,
    check_gender,
    check_pay_is_lawful,
    parse_hours,
    parse_money,
)
from pahub.jobs.local_rules import dbs_question_hint, requirements_for_job
from pahub.jobs.models import Job
from pahub.matching.must_have_fields import gender_requirement_fields
from pahub.places.forms import OutcodeField
from pahub.places.postcodes import InvalidPostcode
from pahub.places.queries import UnknownDistrict, district_by_outcode
from pahub.register.availability import ALL_SLOTS, PARTS, keys_from_mask, mask_from_keys
from pahub.register.profile.forms import (
    NUMBER_ATTRS,
    GridRow,
    SkillGroup,
    SkillOption,
    weekly_grid_rows,
)
from pahub.taxonomy.dbs import DbsLevel
from pahub.taxonomy.models import Interest, Language, Skill


def as_validation_error(error: JobInputError) -> forms.ValidationError:
    return forms.ValidationError(error.message)


class JobStepForm(Form):
    """One page of the builder. `changes()` is what the service saves."""

    def __init__(self, *args, job: Job, **kwargs) -> None:
        self.job = job
        kwargs.setdefault("initial", self.initial_from(job))
        super().__init__(*args, **kwargs)

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {}

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class TitleForm(JobStepForm):
    title = text(
        label="What is the job called?",
        what="The job title",
        limit=120,
        required=True,
        help_text="A short title PAs will see first, like “Morning PA” or “PA for days out”.",
        error_messages={"required": "Enter a title for the job"},
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {"title": job.title}


class DescriptionForm(JobStepForm):
    description = long_text(
        label="What is the job about?",
        what="What the job is about",
        limit=5000,
        rows=8,
        required=True,
        help_text=(
            "In your own words: what a usual day looks like, what you enjoy doing and the kind "
            "of help you need. Do not include your address or phone number."
        ),
        error_messages={"required": "Say what the job is about, in your own words"},
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {"description": job.description}


def skill_groups(bound: forms.BoundField) -> list[SkillGroup]:
    """One fieldset per taxonomy category, in order, from the field's single query."""
    groups: list[SkillGroup] = []
    for option in bound:
        skill = option.data["value"].instance
        if not groups or groups[-1].category.pk != skill.category_id:
            groups.append(SkillGroup(category=skill.category, options=[]))
        groups[-1].options.append(SkillOption(widget=option, skill=skill))
    return groups


def active_skills():
    return Skill.objects.filter(is_active=True).select_related("category")


class TasksForm(JobStepForm):
    tasks = forms.ModelMultipleChoiceField(
        queryset=active_skills(),
        label="What will the PA help with?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one task the PA will help with"},
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {"tasks": [skill.pk for skill in job.tasks.all()]} if job.pk else {}

    def groups(self) -> list[SkillGroup]:
        return skill_groups(self["tasks"])


class HoursForm(JobStepForm):
    hours_grid = forms.MultipleChoiceField(
        choices=[(slot.key, slot.label) for slot in ALL_SLOTS],
        label="When in a usual week will the PA work?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one time in the week when the PA will work"},
    )
    hours_per_week = forms.CharField(
        label="How many hours a week in total?",
        help_text="For example, 15 or 7.5. It cannot be more than the times you ticked can hold.",
        widget=forms.TextInput(
            attrs={
                "inputmode": "decimal",
                "spellcheck": "false",
                "class": "govuk-input govuk-input--width-4",
            }
        ),
        error_messages={"required": "Enter the total hours per week"},
    )

    parts = [{"name": name, "hours": hours} for _, name, hours in PARTS]

    def initial_from(self, job: Job) -> dict[str, Any]:
        hours = job.hours_per_week
        return {
            "hours_grid": keys_from_mask(job.hours_grid),
            "hours_per_week": f"{hours.normalize():f}" if hours is not None else "",
        }

    def clean_hours_per_week(self) -> Any:
        try:
            return parse_hours(self.cleaned_data["hours_per_week"])
        except JobInputError as error:
            raise as_validation_error(error) from None

    def grid(self) -> list[GridRow]:
        """The same 7 x 6 table as the PA's availability."""
        return weekly_grid_rows(self["hours_grid"])

    def changes(self) -> dict[str, Any]:
        return {
            "hours_grid": mask_from_keys(self.cleaned_data["hours_grid"]),
            "hours_per_week": self.cleaned_data["hours_per_week"],
        }


class StartForm(JobStepForm):
    start_date = GovukDateField(
        label="When does the job start?",
        help_text="For example, 4 1 2027. If you are not sure, give the earliest date.",
        error_messages={"required": "Enter the date the job starts"},
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {"start_date": job.start_date}


class KindForm(JobStepForm):
    kind = forms.ChoiceField(
        choices=Job.Kind.choices,
        label="Is this regular work or cover?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose regular work or cover"},
    )
    kind.option_hints = {
        Job.Kind.REGULAR: "The same hours each week.",
        Job.Kind.COVER: "Now and then, or at short notice, when your usual PA is ill or away.",
    }

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {"kind": job.kind} if "kind" in job.completed_steps else {}


class WhereForm(JobStepForm):
    district = OutcodeField(
        label="Which postcode district is the work in?",
        help_text=(
            "The first half of the postcode, like NE1 or DH1. Usually where you live. "
            "PAs only ever see the district, never an address or full postcode."
        ),
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {"district": job.district_id or ""}

    def clean_district(self) -> Any:
        try:
            return district_by_outcode(self.cleaned_data["district"])
        except (InvalidPostcode, UnknownDistrict) as error:
            raise forms.ValidationError(error.message) from None


class PayForm(JobStepForm):
    hourly_pay = forms.CharField(
        label="How much will you pay an hour?",
        help_text="In pounds, for example 13.50.",
        widget=forms.TextInput(
            attrs={
                "inputmode": "decimal",
                "spellcheck": "false",
                "class": "govuk-input govuk-input--width-5",
            }
        ),
        error_messages={"required": "Enter the hourly pay"},
    )
    is_apprenticeship = YesNoField(
        label="Is this job an apprenticeship?",
        help_text=(
            "Only a formal apprenticeship, with an apprenticeship agreement and training, "
            "may pay the apprentice rate."
        ),
        required_message="Select yes if this job is an apprenticeship",
    )
    # Asked so the council's own rules for the jobs it pays for can apply (`pahub.rules`).
    paid_by_direct_payment = YesNoField(
        label="Will you pay this job from a direct payment from your council?",
        help_text=(
            "A direct payment is money from your council's adult social care to arrange your "
            "own support. Some councils ask more of jobs they pay for, such as a DBS check."
        ),
        required_message="Select yes if you will pay this job from a direct payment",
        required=False,
        empty_value=False,
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        if "pay" not in job.completed_steps:
            return {}
        return {
            "hourly_pay": job.hourly_pay,
            "is_apprenticeship": yes_no(job.is_apprenticeship),
            "paid_by_direct_payment": yes_no(job.paid_by_direct_payment),
        }

    def clean_hourly_pay(self) -> Any:
        try:
            return parse_money(
                self.cleaned_data["hourly_pay"], field="hourly_pay", what="the hourly pay"
            )
        except JobInputError as error:
            raise as_validation_error(error) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        pay = cleaned.get("hourly_pay")
        if pay is not None and "is_apprenticeship" in cleaned:
            try:
                check_pay_is_lawful(
                    pay, on=self.pay_date, is_apprenticeship=cleaned["is_apprenticeship"]
                )
            except JobInputError as error:
                self.add_error("hourly_pay", error.message)
        return cleaned

    @property
    def pay_date(self):
        """The pay must be lawful on the start date (or today, if none is given yet)."""
        today = timezone.localdate()
        start = self.job.start_date
        return max(start, today) if start else today


DBS_HINTS = {
    DbsLevel.NONE: "You can still ask to see a check before you offer the job.",
    DbsLevel.BASIC: "Shows unspent convictions. Anyone can ask for one.",
    DbsLevel.STANDARD: "Shows spent and unspent convictions, cautions, reprimands and warnings.",
    DbsLevel.ENHANCED: "A standard check, plus information held by local police.",
    DbsLevel.ENHANCED_ADULTS_BARRED: (
        "An enhanced check, plus whether the person is barred from working with adults. "
        "PAs employed through a direct payment can get one through an umbrella body."
    ),
}


class MustHavesForm(JobStepForm):
    required_dbs = forms.ChoiceField(
        choices=DbsLevel.choices,
        required=False,
        label="Which DBS check must the PA have?",
        help_text="Only PAs whose check has been seen and recorded by staff will match.",
        widget=forms.RadioSelect,
    )
    required_dbs.option_hints = DBS_HINTS
    # The step is optional: left unanswered, the PA need not drive.
    requires_driver = YesNoField(
        label="Must the PA drive, with their own car?",
        help_text="For example, to take you to appointments or days out.",
        required_message="Select yes if the PA must drive, with their own car",
        required=False,
        empty_value=False,
    )
    required_language = forms.ModelChoiceField(
        queryset=Language.objects.all(),
        required=False,
        label="Must the PA use a particular language?",
        help_text="For example, British Sign Language. Leave it as it is if any will do.",
        empty_label="No particular language",
    )
    required_skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.none(),
        required=False,
        label="Which of the job's tasks must the PA already know how to do?",
        help_text="Only PAs who say they can do all of these will match. Select all that apply.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )

    def __init__(self, *args, job: Job, **kwargs) -> None:
        super().__init__(*args, job=job, **kwargs)
        # The council's rule is said by the question, so it is read before choosing; a lower
        # choice is refused by the service (`jobs.local_rules`), with the same reason.
        self.requirements = requirements_for_job(job)
        if self.requirements.dbs:
            self.fields["required_dbs"].help_text = dbs_question_hint(self.requirements)
        # Offer the job's own tasks, and keep any must-have chosen before (or through the API).
        chosen = [skill.pk for skill in job.required_skills.all()] if job.pk else []
        task_ids = [skill.pk for skill in job.tasks.all()] if job.pk else []
        self.fields["required_skills"].queryset = active_skills().filter(
            pk__in=[*task_ids, *chosen]
        )

    def initial_from(self, job: Job) -> dict[str, Any]:
        if "must_haves" not in job.completed_steps:
            return {"required_dbs": job.required_dbs}
        return {
            "required_dbs": job.required_dbs,
            "requires_driver": yes_no(job.requires_driver),
            "required_language": job.required_language_id,
            "required_skills": [skill.pk for skill in job.required_skills.all()],
        }

    def changes(self) -> dict[str, Any]:
        return {
            "required_dbs": self.cleaned_data["required_dbs"] or DbsLevel.NONE,
            "requires_driver": self.cleaned_data["requires_driver"],
            "required_language": self.cleaned_data["required_language"],
            "required_skills": list(self.cleaned_data["required_skills"]),
        }


class GenderForm(JobStepForm):
    required_gender, includes_intimate_care, gender_reason = gender_requirement_fields(
        "job", reason_rows=4
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        return {
            "required_gender": job.required_gender,
            "includes_intimate_care": bool(job.required_gender),
            "gender_reason": job.gender_reason,
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "required_gender" in cleaned and "gender_reason" in cleaned:
            try:
                check_gender(
                    required_gender=cleaned["required_gender"] or "",
                    gender_reason=cleaned["gender_reason"] or "",
                    includes_intimate_care=cleaned.get("includes_intimate_care", False),
                )
            except JobInputError as error:
                self.add_error(error.field, error.message)
        return cleaned

    def changes(self) -> dict[str, Any]:
        return {
            "required_gender": self.cleaned_data["required_gender"] or "",
            "gender_reason": self.cleaned_data["gender_reason"] or "",
            "includes_intimate_care": self.cleaned_data["includes_intimate_care"],
        }


class NiceToHavesForm(JobStepForm):
    nice_interests = forms.ModelMultipleChoiceField(
        queryset=Interest.objects.all(),
        required=False,
        label="Interests you would love to share",
        help_text="PAs who share them rank higher. Select all that apply.",
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    nice_years_experience = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_YEARS_EXPERIENCE,
        label="Years of experience that would help",
        help_text="Optional. PAs with at least this many years rank higher; nobody is left out.",
        widget=forms.TextInput(attrs={**NUMBER_ATTRS, "class": "govuk-input govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter the years of experience as a whole number, like 2",
            "min_value": "Years of experience must be 0 or more",
            "max_value": f"Years of experience must be {MAX_YEARS_EXPERIENCE} or fewer",
        },
    )
    nice_skills = forms.ModelMultipleChoiceField(
        queryset=active_skills(),
        required=False,
        label="Other skills that would be a bonus",
        widget=forms.CheckboxSelectMultiple,
    )

    def initial_from(self, job: Job) -> dict[str, Any]:
        if not job.pk:
            return {}
        return {
            "nice_interests": [interest.pk for interest in job.nice_interests.all()],
            "nice_years_experience": job.nice_years_experience,
            "nice_skills": [skill.pk for skill in job.nice_skills.all()],
        }

    def groups(self) -> list[SkillGroup]:
        return skill_groups(self["nice_skills"])

    @property
    def skills_in_use(self) -> bool:
        """Open the skills section when it holds an answer or an error."""
        return bool(self["nice_skills"].value() or self["nice_skills"].errors)

    def changes(self) -> dict[str, Any]:
        return {
            "nice_interests": list(self.cleaned_data["nice_interests"]),
            "nice_years_experience": self.cleaned_data["nice_years_experience"],
            "nice_skills": list(self.cleaned_data["nice_skills"]),
        }


@dataclass(frozen=True)
class Step:
    name: str
    section: str
    form_class: type[JobStepForm]
    template: str = "jobs/builder/step.html"
    hint: str = ""

    @property
    def title(self) -> str:
        return STEP_TITLES[self.name]


ABOUT_THE_JOB = "About the job"
WHEN_AND_WHERE = "When and where"
PAY = "Pay"
WHO = "Who you are looking for"

BUILDER_STEPS: tuple[Step, ...] = (
    Step("title", ABOUT_THE_JOB, TitleForm, "jobs/builder/steps/single_question.html"),
    Step("description", ABOUT_THE_JOB, DescriptionForm, "jobs/builder/steps/single_question.html"),
    Step("tasks", ABOUT_THE_JOB, TasksForm, "jobs/builder/steps/tasks.html"),
    Step("hours", WHEN_AND_WHERE, HoursForm, "jobs/builder/steps/hours.html"),
    Step("start", WHEN_AND_WHERE, StartForm, "jobs/builder/steps/single_question.html"),
    Step("kind", WHEN_AND_WHERE, KindForm, hint="Optional: regular work unless you say"),
    Step(
        "where",
        WHEN_AND_WHERE,
        WhereForm,
        "jobs/builder/steps/single_question.html",
        "Optional: your own district unless you say",
    ),
    Step("pay", PAY, PayForm, "jobs/builder/steps/pay.html"),
    Step("must_haves", WHO, MustHavesForm, "jobs/builder/steps/must_haves.html", "Optional"),
    Step("gender", WHO, GenderForm, "jobs/builder/steps/gender.html", "Optional"),
    Step(
        "nice_to_haves", WHO, NiceToHavesForm, "jobs/builder/steps/nice_to_haves.html", "Optional"
    ),
)
STEP_BY_NAME = {step.name: step for step in BUILDER_STEPS}


def step_after(name: str) -> Step | None:
    names = [step.name for step in BUILDER_STEPS]
    position = names.index(name)
    return BUILDER_STEPS[position + 1] if position + 1 < len(names) else None


class CloseForm(Form):
    reason = forms.ChoiceField(
        label="Why are you closing the job?",
        choices=[
            ("found_elsewhere", "I found a PA another way"),
            ("not_needed", "I no longer need a PA for this"),
            ("other", "Another reason"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why you are closing the job"},
    )
