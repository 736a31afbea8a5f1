"""The authoring pages' questions. Each form keeps everything typed when it is sent back
with a problem, and names the problem beside the answer."""

from django import forms

from pahub.accounts.models import Organisation
from pahub.core.forms import Form, long_text, text
from pahub.learning.authoring.care_certificate import STANDARDS
from pahub.learning.authoring.services import MAX_ANSWERS
from pahub.learning.models import Audience
from pahub.learning.topics import Topic
from pahub.learning.versioning import MAX_MINUTES, MIN_MINUTES

BODY_HELP = (
    "Write in Markdown. Each page of the module starts with a line beginning with "
    "<code>#</code> and a space, which is the page's heading, for example "
    "<code># Your first day</code>. The text must start with a page heading. Use "
    "<code>##</code> for a heading within a page, <code>-</code> for a list and "
    "<code>**bold**</code> for bold. HTML is not allowed."
)


class CourseForm(Form):
    title = text(label="Course title", what="The title", limit=200, required=True)
    summary = long_text(
        label="Summary",
        what="The summary",
        limit=2000,
        rows=3,
        required=True,
        help_text="One or two sentences: who the course is for and what they will learn.",
    )
    audience = forms.ChoiceField(
        label="Who is the course for?",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who the course is for"},
    )

    def __init__(self, *args, providers=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the course title"
        self.fields["summary"].error_messages["required"] = "Enter a summary of the course"
        # Someone who may publish for several providers (or a site admin) says which.
        if providers is not None and len(providers) > 1:
            self.fields["provider"] = forms.ModelChoiceField(
                label="Which organisation is publishing it?",
                queryset=Organisation.objects.filter(pk__in=[p.pk for p in providers]),
                widget=forms.RadioSelect,
                empty_label=None,
                error_messages={
                    "required": "Select the organisation publishing the course",
                    "invalid_choice": "Select the organisation publishing the course",
                },
            )


class ModuleForm(Form):
    title = text(label="Module title", what="The title", limit=200, required=True)
    summary = long_text(
        label="Summary (optional)",
        what="The summary",
        limit=1000,
        rows=2,
        help_text="One sentence that says what the module covers.",
    )
    minutes = forms.IntegerField(
        label="About how many minutes does it take?",
        help_text=f"From {MIN_MINUTES} to {MAX_MINUTES} minutes, including the quiz.",
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-3"}
        ),
        error_messages={
            "required": "Enter about how many minutes the module takes",
            "invalid": "Enter the minutes as a number, like 10",
            "min_value": f"A module takes {MIN_MINUTES} to {MAX_MINUTES} minutes",
            "max_value": f"A module takes {MIN_MINUTES} to {MAX_MINUTES} minutes",
        },
    )
    topics = forms.MultipleChoiceField(
        label="Topics it covers (optional)",
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        help_text="PAs who want to learn these topics are pointed to the module.",
    )
    care_certificate = forms.MultipleChoiceField(
        label="Care Certificate standards it gives evidence for (optional)",
        choices=STANDARDS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    body = long_text(
        label="The module's pages",
        what="The module's text",
        limit=60_000,
        rows=20,
        help_text=BODY_HELP,
    )
    pass_mark = forms.IntegerField(
        label="Pass mark",
        help_text="The percentage of quiz questions a learner must answer right, from 1 to 100.",
        min_value=1,
        max_value=100,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-3"}
        ),
        error_messages={
            "required": "Enter the pass mark",
            "invalid": "Enter the pass mark as a number, like 80",
            "min_value": "The pass mark is a percentage from 1 to 100",
            "max_value": "The pass mark is a percentage from 1 to 100",
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the module title"

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if body.strip() and not body.lstrip().startswith("# "):
            raise forms.ValidationError(
                "Start the module's pages with a page heading, like '# About this module'"
            )
        return body


class QuestionForm(Form):
    """A question and up to six answers, each with feedback; no JavaScript needed to add
    answer rows, as every row is on the page and empty rows are ignored."""

    text = long_text(label="Question", what="The question", limit=1000, rows=2, required=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Enter the question"
        for number in range(1, MAX_ANSWERS + 1):
            self.fields[f"answer_{number}_text"] = text(
                label=f"Answer {number}", what=f"Answer {number}", limit=400
            )
            self.fields[f"answer_{number}_correct"] = forms.BooleanField(
                label=f"Answer {number} is right", required=False
            )
            self.fields[f"answer_{number}_feedback"] = long_text(
                label=f"Feedback on answer {number}",
                what=f"The feedback on answer {number}",
                limit=1000,
                rows=2,
                help_text="Why this answer is right or wrong. Learners see it after the quiz.",
            )

    @classmethod
    def initial_for(cls, question: dict) -> dict:
        initial = {"text": question["text"]}
        for number, choice in enumerate(question["choices"], start=1):
            initial[f"answer_{number}_text"] = choice["text"]
            initial[f"answer_{number}_correct"] = choice["correct"]
            initial[f"answer_{number}_feedback"] = choice["feedback"]
        return initial

    def answer_rows(self) -> list[tuple]:
        return [
            (
                number,
                self[f"answer_{number}_text"],
                self[f"answer_{number}_correct"],
                self[f"answer_{number}_feedback"],
            )
            for number in range(1, MAX_ANSWERS + 1)
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        choices, empty_rows, filled_rows, row_problem = [], [], [], False
        for number in range(1, MAX_ANSWERS + 1):
            names = [f"answer_{number}_{part}" for part in ("text", "feedback", "correct")]
            if any(name in self.errors for name in names):
                row_problem = True  # already told, e.g. too long
                continue
            answer = (cleaned.get(names[0]) or "").strip()
            feedback = (cleaned.get(names[1]) or "").strip()
            correct = bool(cleaned.get(names[2]))
            if not (answer or feedback or correct):
                empty_rows.append(number)
                continue
            filled_rows.append(number)
            if not answer:
                row_problem = True
                self.add_error(names[0], f"Enter answer {number}, or clear its row")
            if not feedback:
                row_problem = True
                self.add_error(names[1], f"Say why answer {number} is right or wrong")
            choices.append({"text": answer, "correct": correct, "feedback": feedback})
        if row_problem:
            pass
        elif len(choices) < 2:
            self.add_error(f"answer_{empty_rows[0]}_text", "Give at least two answers")
        elif not any(choice["correct"] for choice in choices):
            self.add_error(f"answer_{filled_rows[0]}_correct", "Tick at least one right answer")
        cleaned["choices"] = choices
        return cleaned
