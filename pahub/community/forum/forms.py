"""The forum's forms. The services check the same limits, so the API gives the same messages."""

from django import forms

from pahub.community.forum.services import BODY_LIMIT, NAME_LIMIT, TITLE_LIMIT
from pahub.community.models import Zone
from pahub.core.forms import Form, long_text, text

# Form hints are shown as HTML (GOV.UK's hint), so the quote mark is written as an entity.
BODY_HINT = (
    "You can use *italics*, **bold**, lists, quotes (start a line with &gt;) and links to "
    "websites. "
    "Pictures are not shown. Do not share anyone's personal details."
)


class ThreadForm(Form):
    title = text(
        label="Title",
        what="The title",
        limit=TITLE_LIMIT,
        required=True,
        help_text="A short question or subject, so people know what the thread is about.",
        error_messages={"required": "Enter a title for your thread"},
    )
    body = long_text(
        label="Your post",
        what="Your post",
        limit=BODY_LIMIT,
        rows=8,
        required=True,
        help_text=BODY_HINT,
        error_messages={"required": "Enter your post"},
    )


class ReplyForm(Form):
    body = long_text(
        label="Your reply",
        what="Your post",
        limit=BODY_LIMIT,
        rows=6,
        required=True,
        help_text=BODY_HINT,
        error_messages={"required": "Enter your reply"},
    )
    quoted = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class EditForm(Form):
    body = long_text(
        label="Your post",
        what="Your post",
        limit=BODY_LIMIT,
        rows=8,
        required=True,
        help_text=BODY_HINT,
        error_messages={"required": "Enter your post"},
    )


class SubscribeForm(Form):
    include_text = forms.BooleanField(
        label="Include the words of new posts in my email digest",
        required=False,
        help_text="Without this, the digest names the thread and says how many new posts.",
    )


class CommunityNameForm(Form):
    name = text(
        label="Your community name",
        what="Your community name",
        limit=NAME_LIMIT,
        help_text="Leave it empty to use your first name and postcode district.",
    )


class GroupForm(Form):
    organisation = forms.ModelChoiceField(
        label="Which organisation runs the group?",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the organisation that runs the group"},
    )
    name = text(
        label="Name of the group",
        what="The name",
        limit=120,
        required=True,
        help_text="For example, Sunderland employers' peer group.",
        error_messages={"required": "Enter a name for the group"},
    )
    description = long_text(
        label="What is the group for?",
        what="The description",
        limit=2000,
        required=True,
        error_messages={"required": "Say what the group is for"},
    )
    audience = forms.ChoiceField(
        label="Who is the group for?",
        choices=Zone.Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the group is for"},
    )
    joining = forms.ChoiceField(
        label="How do people join?",
        choices=Zone.Joining.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how people join"},
    )

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        first, *others = organisations
        if not others:
            self.fields["organisation"].initial = first.pk


class InviteForm(Form):
    email = forms.EmailField(
        label="Email address of the person to invite",
        help_text="They must already have a PA Hub account.",
        max_length=254,
        error_messages={
            "required": "Enter the email address of the person to invite",
            "invalid": "Enter an email address in the right format, like name@example.com",
        },
    )
