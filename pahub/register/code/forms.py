"""The code of conduct's two forms: a PA signing the version in force, and a site admin
publishing a new one."""

from django import forms

from pahub.core.forms import Form


class CodeSignForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    agree = forms.BooleanField(
        label="I have read the code of conduct and I agree to follow it",
        error_messages={
            "required": "Confirm that you have read the code of conduct and agree to follow it"
        },
    )


class CodePublishForm(Form):
    body = forms.CharField(
        label="Text of the new version",
        help_text=(
            "Start each section with ## and a space. Leave a blank line between paragraphs. "
            "Start a list item with - and a space."
        ),
        widget=forms.Textarea(attrs={"rows": 30}),
        error_messages={"required": "Enter the text of the code of conduct"},
    )
    summary_of_changes = forms.CharField(
        label="What has changed",
        help_text="PAs read this when they are asked to sign again. Use plain English.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what has changed"},
    )
    confirm = forms.BooleanField(
        label=(
            "I understand that every PA must sign the new version, and that their levels "
            "lapse until they do"
        ),
        error_messages={"required": "Confirm that you understand what publishing does"},
    )
