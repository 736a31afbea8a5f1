"""The quiz as a form: one GOV.UK fieldset a question, radios for one right answer, checkboxes
for "select all that apply". Messages come from the service's own wording, so the page and
the API say the same thing."""

from django import forms

from pahub.core.forms import Form, text
from pahub.learning.courses.marking import asking_order
from pahub.learning.courses.services import unanswered_message
from pahub.learning.models import Question


def field_name(question: Question) -> str:
    return f"question_{question.pk}"


class QuizForm(Form):
    def __init__(self, *args, questions: list[Question], order_seed: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            texts = {choice.pk: choice.text for choice in question.choices.all()}
            choices = [
                (str(choice_id), texts[choice_id])
                for choice_id in asking_order(list(texts), seed=order_seed)
            ]
            select_all = sum(choice.correct for choice in question.choices.all()) > 1
            message = unanswered_message(number, select_all=select_all)
            label = f"{number}. {question.text}"
            if select_all:
                field = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Select all that apply.",
                    error_messages={
                        "required": message,
                        "invalid_choice": f"Choose from the answers given for question {number}",
                    },
                )
            else:
                field = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": message,
                        "invalid_choice": f"Choose from the answers given for question {number}",
                    },
                )
            self.fields[field_name(question)] = field

    def answers(self) -> dict[int, list[int]]:
        """{question id: [choice ids]} from the cleaned form."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data[field_name(question)]
            values = value if isinstance(value, list) else [value]
            answers[question.pk] = [int(choice_id) for choice_id in values]
        return answers

    def add_service_problems(self, problems: dict[int, str]) -> None:
        for question in self.questions:
            if question.pk in problems:
                self.add_error(field_name(question), problems[question.pk])


class VerifyForm(Form):
    code = text(
        label="Certificate code",
        what="A certificate code",
        limit=20,
        required=True,
        help_text="8 letters and numbers, like K7PM4QXR. It is on the certificate.",
        error_messages={"required": "Enter the certificate's code"},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-10",
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
    )


class ShowOnProfileForm(Form):
    show = forms.TypedChoiceField(
        label="Show this certificate on your profile?",
        choices=[("yes", "Yes, show it and its code to employers"), ("no", "No, keep it to me")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to show it on your profile"},
    )
