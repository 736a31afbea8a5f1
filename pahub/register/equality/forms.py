"""The questions, worded as the GOV.UK / ONS harmonised standards word them."""

from django import forms

from pahub.core.forms import Form
from pahub.register.equality.models import (
    PREFER_NOT_TO_SAY,
    PREFER_NOT_TO_SAY_LABEL,
    AgeBand,
    Disability,
    EqualityMonitoring,
    EthnicGroup,
    ethnicities_in,
)
from pahub.register.equality.services import Answers

DISABILITY_HINT = (
    "The Equality Act 2010 says you are disabled if you have a physical or mental impairment "
    "that has a substantial and long-term negative effect on your ability to do normal daily "
    "activities. Long-term means 12 months or more."
)


def radios(*, label: str, choices, message: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


class QuestionsForm(Form):
    age_band = radios(
        label="What is your age?",
        choices=AgeBand.choices,
        message="Select your age group, or prefer not to say",
    )
    sex = radios(
        label="What is your sex?",
        choices=[("female", "Female"), ("male", "Male"), (PREFER_NOT_TO_SAY, "Prefer not to say")],
        message="Select your sex, or prefer not to say",
    )
    ethnic_group = radios(
        label="What is your ethnic group?",
        choices=EthnicGroup.choices,
        message="Select your ethnic group, or prefer not to say",
        help_text="You can say more about your background on the next page.",
    )
    disability = radios(
        label="Do you consider yourself to have a disability?",
        choices=Disability.choices,
        message="Select yes if you consider yourself disabled, or prefer not to say",
        help_text=DISABILITY_HINT,
    )

    def __init__(self, *args, monitoring: EqualityMonitoring | None, **kwargs) -> None:
        if monitoring is not None and monitoring.answered_at is not None:
            kwargs.setdefault(
                "initial",
                {
                    "age_band": monitoring.age_band,
                    "sex": monitoring.sex,
                    "ethnic_group": monitoring.ethnic_group,
                    "disability": monitoring.disability,
                },
            )
        super().__init__(*args, **kwargs)

    def answers(self) -> Answers:
        return Answers(ethnicity="", **self.cleaned_data)


class BackgroundForm(Form):
    ethnicity = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args, monitoring: EqualityMonitoring, **kwargs) -> None:
        kwargs.setdefault("initial", {"ethnicity": monitoring.ethnicity})
        super().__init__(*args, **kwargs)
        field = self.fields["ethnicity"]
        group_label = EthnicGroup(monitoring.ethnic_group).label
        field.label = f"Which of the following best describes your {group_label} background?"
        field.choices = [
            *ethnicities_in(monitoring.ethnic_group),
            (PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL),
        ]
        message = "Select your background, or prefer not to say"
        field.error_messages = {"required": message, "invalid_choice": message}
