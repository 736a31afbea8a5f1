"""Forms for the self-assessment and the learning plan."""

from django import forms

from pahub.core.forms import Form, long_text, text
from pahub.learning.models import SelfRating
from pahub.learning.plans.queries import RatingGroup
from pahub.learning.plans.services import NOTE_LIMIT, TITLE_LIMIT


class RatingGroupForm(Form):
    """One page of the self-assessment: a can do / want to learn / not for me question for
    each topic or skill of the group, answered before the page is saved."""

    def __init__(self, *args, group: RatingGroup, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        for item in group.items:
            self.fields[item.field_name] = forms.ChoiceField(
                label=item.label,
                help_text=item.hint,
                choices=SelfRating.Rating.choices,
                widget=forms.RadioSelect(attrs={"inline": True}),
                initial=item.rating or None,
                error_messages={
                    "required": f"Select how you rate yourself on ‘{item.label}’",
                    "invalid_choice": f"Select how you rate yourself on ‘{item.label}’",
                },
            )

    def ratings(self) -> tuple[dict[str, str], dict[int, str]]:
        """The answers, split into topics (by key) and skills (by id)."""
        topics: dict[str, str] = {}
        skills: dict[int, str] = {}
        for name, rating in self.cleaned_data.items():
            kind, _, key = name.partition("__")
            if kind == "topic":
                topics[key] = rating
            else:
                skills[int(key)] = rating
        return topics, skills


class StepForm(Form):
    title = text(
        label="What do you want to do?",
        what="Your step",
        limit=TITLE_LIMIT,
        required=True,
        help_text="For example, ask my employer about a first aid course.",
        error_messages={"required": "Enter what you want to do"},
    )
    note = long_text(
        label="Note (optional)", limit=NOTE_LIMIT, rows=3, what="Your note", required=False
    )


class NoteForm(Form):
    note = long_text(
        label="Your note",
        limit=NOTE_LIMIT,
        rows=5,
        what="Your note",
        required=False,
        help_text="For example, when you plan to do it, or who can help.",
    )
